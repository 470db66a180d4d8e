"""The bank list at /admin/banks: admin only; pushes and officers use it; names shown follow it."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from core.settings import Settings
from storage.audit import AuditFilter, all_audit
from storage.db import open_database
from storage.models import BankAlias, RequestBank
from tests.helpers.staff import BANK_A, BANK_B, Seeded, csrf_of, login

RENAMED = "甲银行股份有限公司三明分行"


@pytest.fixture
def settings(db_settings: Settings) -> Settings:
    """These tests run on SQLite and on PostgreSQL."""
    return db_settings


def _post_banks(client: httpx.Client, **data: Any) -> httpx.Response:
    token = csrf_of(client.get("/admin/banks").text)
    return client.post("/admin/banks", data={"csrf_token": token, **data})


def _post_request(client: httpx.Client, rid: int, action: str, **data: Any) -> httpx.Response:
    token = csrf_of(client.get(f"/admin/requests/{rid}").text)
    return client.post(f"/admin/requests/{rid}/{action}", data={"csrf_token": token, **data})


def _recommend(coord: httpx.Client, rid: int) -> None:
    for target in ("reviewing", "recommended"):
        assert _post_request(coord, rid, "status", target=target, note="核对").status_code == 303


@pytest.mark.parametrize("username", ["coord", "officer_a", "viewer1"])
def test_bank_list_is_for_admins_only(
    as_user: Callable[[str], httpx.Client], seeded: Seeded, username: str
) -> None:
    client = as_user(username)
    assert client.get("/admin/banks").status_code == 403
    token = csrf_of(client.get("/admin/dashboard").text)
    refused = client.post(
        "/admin/banks", data={"csrf_token": token, "action": "add", "name": "x银行"}
    )
    assert refused.status_code == 403
    assert "/admin/banks" not in client.get("/admin/dashboard").text  # no nav link either


def test_a_second_entry_for_one_bank_needs_confirmation(
    as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    admin = as_user("admin1")
    page = admin.get("/admin/banks").text
    assert "福建三明农村商业银行" in page  # ADMIN_BANKS put on the list at start
    refused = _post_banks(admin, action="add", name="三明农商银行")
    assert refused.status_code == 400
    assert "看起来与名录中的「福建三明农村商业银行」是同一家银行" in refused.text
    assert 'id="similar-form"' in refused.text
    assert "三明农商银行" not in admin.get("/admin/banks").text  # nothing was added
    added = _post_banks(admin, action="add", name="三明农商银行", distinct="1")
    assert added.status_code == 303
    assert "三明农商银行" in admin.get("/admin/banks").text


def test_a_renamed_bank_shows_its_new_name_on_pages_and_exports(
    as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    coord, admin = as_user("coord"), as_user("admin1")
    _recommend(coord, seeded.unpushed)
    pushed = _post_request(coord, seeded.unpushed, "push", banks=[seeded.banks[BANK_A]])
    assert pushed.status_code == 303
    renamed = _post_banks(admin, action="rename", bank_id=seeded.banks[BANK_A], name=RENAMED)
    assert renamed.status_code == 303
    for rid in (seeded.unpushed, seeded.for_a):
        detail = coord.get(f"/admin/requests/{rid}").text
        assert RENAMED in detail and BANK_A not in detail  # bank table and history alike
    listing = coord.get("/admin/requests").text
    assert RENAMED in listing and BANK_A not in listing
    rows = list(csv.reader(io.StringIO(coord.get("/admin/requests/export/applications.csv").text)))
    column = rows[0].index("推送银行")
    assert {r[column] for r in rows[1:] if r[column]} == {RENAMED, BANK_B}
    book = load_workbook(io.BytesIO(coord.get("/admin/requests/export/recommend.xlsx").content))
    sheet = book.active
    assert sheet is not None
    cells = {str(c.value) for row in sheet.iter_rows() for c in row}
    assert RENAMED in cells and BANK_A not in cells
    officer = as_user("officer_a")
    assert RENAMED in officer.get("/admin/requests").text
    assert f"· {RENAMED}" in officer.get("/admin/dashboard").text  # who is signed in, and where


def test_a_disabled_bank_is_not_offered_and_a_posted_one_is_refused(
    as_user: Callable[[str], httpx.Client], seeded: Seeded, settings: Settings
) -> None:
    coord, admin = as_user("coord"), as_user("admin1")
    bank_b = seeded.banks[BANK_B]
    assert _post_banks(admin, action="disable", bank_id=bank_b).status_code == 303
    _recommend(coord, seeded.unpushed)
    form = coord.get(f"/admin/requests/{seeded.unpushed}").text.split('id="push-form"')[1]
    assert f'value="{bank_b}"' not in form and BANK_B not in form
    refused = _post_request(coord, seeded.unpushed, "push", banks=[bank_b])
    assert refused.status_code == 400 and "已停用" in refused.text
    kept = coord.get(f"/admin/requests/{seeded.for_b}").text  # its earlier push stays visible
    assert BANK_B in kept and "已停用" in kept
    assert as_user("officer_b").get(f"/admin/requests/{seeded.for_b}").status_code == 200


@pytest.mark.parametrize("value", ["99999", BANK_A, "1 OR 1=1", ""])
def test_a_push_must_name_a_listed_bank(
    as_user: Callable[[str], httpx.Client], seeded: Seeded, settings: Settings, value: str
) -> None:
    coord = as_user("coord")
    _recommend(coord, seeded.unpushed)
    refused = _post_request(coord, seeded.unpushed, "push", banks=[value])
    assert refused.status_code == 400
    assert "请从银行名录中选择银行" in refused.text or "请至少选择一家银行" in refused.text
    db = open_database(settings)
    with db.session() as session:
        pushes = session.scalars(
            select(RequestBank).where(RequestBank.request_id == seeded.unpushed)
        )
        assert list(pushes) == []
    db.dispose()


def test_an_officer_account_is_linked_to_a_listed_bank(
    as_user: Callable[[str], httpx.Client], seeded: Seeded, settings: Settings
) -> None:
    admin = as_user("admin1")
    token = csrf_of(admin.get("/admin/users").text)
    base = {"csrf_token": token, "username": "officer_c", "password": "officer-c-password"}
    free_text = admin.post(
        "/admin/users", data={**base, "action": "add", "role": "bank_officer", "bank": BANK_B}
    )
    assert free_text.status_code == 400 and "从银行名录中选择" in free_text.text
    data = {**base, "action": "add", "role": "bank_officer", "bank": seeded.banks[BANK_B]}
    assert admin.post("/admin/users", data=data).status_code == 303
    relink = {"csrf_token": token, "username": "officer_c", "action": "bank"}
    assert (
        admin.post("/admin/users", data={**relink, "bank": seeded.banks[BANK_A]}).status_code == 303
    )
    client = httpx.Client(base_url=str(admin.base_url), timeout=30)
    assert login(client, "officer_c", "officer-c-password").status_code == 303
    listing = client.get("/admin/requests").text
    assert "甲银行客户机械厂" in listing and "乙银行客户食品厂" not in listing
    client.close()


def test_correcting_a_grouped_name_moves_what_was_pushed_under_it(
    as_user: Callable[[str], httpx.Client], seeded: Seeded, settings: Settings
) -> None:
    db = open_database(settings)
    with db.session() as session:  # as migration 0007 leaves a variant it grouped
        alias = BankAlias(name="甲银行", bank_id=seeded.banks[BANK_A], source="migration")
        session.add(alias)
        session.flush()
        alias_id = alias.id
        push = session.scalar(select(RequestBank).where(RequestBank.request_id == seeded.for_a))
        assert push is not None
        push.pushed_as = "甲银行"
    db.dispose()
    admin, officer = as_user("admin1"), as_user("officer_a")
    page = admin.get("/admin/banks").text
    assert 'id="review"' in page and "待确认" in page
    assert officer.get(f"/admin/requests/{seeded.for_a}").status_code == 200
    moved = _post_banks(admin, action="alias", alias_id=alias_id, target="new")
    assert moved.status_code == 303
    assert officer.get(f"/admin/requests/{seeded.for_a}").status_code == 403
    page = admin.get("/admin/banks").text
    assert 'id="review"' not in page
    db = open_database(settings)
    with db.session() as session:
        (entry,) = all_audit(session, flt=AuditFilter(action="bank_alias"))
        assert entry.after == {"alias": "甲银行", "bank": "甲银行", "pushes": 1, "officers": 0}
    db.dispose()


def test_merging_a_bank_gives_its_officer_the_other_banks_requests(
    as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    admin = as_user("admin1")
    merge = {"action": "merge", "bank_id": seeded.banks[BANK_B], "into_id": seeded.banks[BANK_A]}
    assert _post_banks(admin, **merge).status_code == 303
    officer_b = as_user("officer_b")
    listing = officer_b.get("/admin/requests").text
    assert "甲银行客户机械厂" in listing and "乙银行客户食品厂" in listing
    assert BANK_B not in admin.get("/admin/requests").text
