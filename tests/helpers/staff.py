"""Back-office test data and clients: staff accounts (one per role), banks A and B, seeded
requests, signing in with the CSRF token, and a staff client driving the handoff pages."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

import httpx

from core.settings import Settings
from storage.banks import add_bank, find_bank, list_banks
from storage.db import open_database
from storage.requests import create_request
from storage.staff import create_staff_user
from tests.helpers.web_sessions import issued_id
from tests.storage.factories import make_credit_code, request_data

PASSWORD = "correct-horse-battery"
BANK_A = "甲银行三明分行"
BANK_B = "乙银行三明分行"
USERS = {
    "admin1": ("admin", None),
    "coord": ("coordinator", None),
    "officer_a": ("bank_officer", BANK_A),
    "officer_b": ("bank_officer", BANK_B),
    "viewer1": ("viewer", None),
}
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class StubAnswerer:
    """Stands in for the answerer where the back office does not need one."""

    def answer(self, question: str, *, topic: str | None = None) -> Any:
        raise RuntimeError("not used by back-office tests")

    def document(self, doc_id: str) -> None:
        return None


@dataclass
class Seeded:
    """Ids of the seeded requests: pushed to bank A, to bank B, and not pushed; `banks`: the
    listed banks' ids by name."""

    for_a: int
    for_b: int
    unpushed: int
    xss: int
    banks: dict[str, int]
    web_user: str = "user-1"  # the widget session the requests came from (a server-issued id)


def bank_ids(settings: Settings) -> dict[str, int]:
    """The listed banks' ids by name."""
    db = open_database(settings)
    with db.session() as session:
        ids = {b.name: b.id for b in list_banks(session)}
    db.dispose()
    return ids


def push_to(session: Any, request_id: int, name: str, **fields: Any) -> Any:
    """A push of a request to the listed bank of that name (as the workflow stores it)."""
    from storage.models import RequestBank

    bank = find_bank(session, name)
    assert bank is not None, name
    push = RequestBank(request_id=request_id, bank_id=bank.id, pushed_as=bank.name, **fields)
    session.add(push)
    return push


def seed_staff(settings: Settings) -> None:
    """List banks A and B and create one account per role."""
    db = open_database(settings)
    with db.session() as session:
        for listed in (BANK_A, BANK_B):
            if find_bank(session, listed) is None:
                add_bank(session, name=listed)
        for name, (role, bank) in USERS.items():
            found = find_bank(session, bank) if bank else None
            create_staff_user(
                session,
                username=name,
                password=PASSWORD,
                role=role,
                bank_id=found.id if found else None,
            )
    db.dispose()


def add_request(session: Any, rng: random.Random, *, user: str = "user-1", **overrides: Any) -> Any:
    """Store one consented request with a fresh valid credit code, from `user`."""
    data = request_data(credit_code=make_credit_code(rng), **overrides)
    return create_request(
        session, data=data, channel=overrides.pop("channel", "web"), channel_user_id=user
    )


def seed_requests(settings: Settings) -> Seeded:
    """Requests in several states, pushed to bank A or bank B."""
    rng = random.Random(7)
    user = issued_id(settings)  # the widget session they were sent from
    db = open_database(settings)
    with db.session() as session:
        a = add_request(
            session,
            rng,
            user=user,
            company_name="甲银行客户机械厂",
            county="三元区",
            amount_wan=300.0,
        )
        b = add_request(
            session,
            rng,
            user=user,
            company_name="乙银行客户食品厂",
            county="永安市",
            industry="食品加工",
            amount_wan=80.0,
        )
        c = add_request(
            session, rng, user=user, company_name="未推送纺织公司", county="沙县区", amount_wan=50.0
        )
        x = add_request(
            session,
            rng,
            user=user,
            company_name="<script>window.__xss=1</script>恶意公司",
            note='<img src=x onerror="window.__xss=2">',
        )
        for req, bank in ((a, BANK_A), (b, BANK_B)):
            req.status = "pushed"
            push_to(session, req.id, bank)
        seeded = Seeded(a.id, b.id, c.id, x.id, {}, user)
    db.dispose()
    seeded.banks = bank_ids(settings)
    return seeded


def login(client: httpx.Client, username: str, password: str = PASSWORD) -> httpx.Response:
    """Sign in through the login form (CSRF token included)."""
    page = client.get("/admin/login")
    token = csrf_of(page.text)
    return client.post(
        "/admin/login",
        data={"username": username, "password": password, "csrf_token": token, "next": "/admin"},
    )


def csrf_of(html: str) -> str:
    """The CSRF token embedded in a page."""
    match = _CSRF.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


HANDOFF_LINK = re.compile(r'href="/admin/handoffs/(\d+)"')


class StaffClient:
    """A signed-in back-office user driving the handoff pages over HTTP."""

    def __init__(self, base_url: str, username: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=30, follow_redirects=False)
        assert login(self.http, username).status_code == 303

    def handoff_ids(self) -> list[int]:
        page = self.http.get("/admin/handoffs")
        assert page.status_code == 200, page.text
        return [int(i) for i in HANDOFF_LINK.findall(page.text)]

    def detail(self, handoff_id: int) -> str:
        page = self.http.get(f"/admin/handoffs/{handoff_id}")
        assert page.status_code == 200, page.text
        return page.text

    def post(self, handoff_id: int, action: str, **fields: str) -> httpx.Response:
        token = csrf_of(self.detail(handoff_id))
        return self.http.post(
            f"/admin/handoffs/{handoff_id}/{action}", data={**fields, "csrf_token": token}
        )
