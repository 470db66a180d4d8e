"""The request workflow over HTTP: each step, its note, history and the submitter's notices."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from core.settings import Settings
from storage.db import open_database
from storage.models import FinancingRequest, Notification, RequestBank, RequestEvent
from tests.helpers.staff import BANK_A, BANK_B, Seeded, csrf_of


@pytest.fixture
def settings(db_settings: Settings) -> Settings:
    """These tests run on SQLite and on PostgreSQL."""
    return db_settings


def _post(client: httpx.Client, request_id: int, action: str, **data: Any) -> httpx.Response:
    token = csrf_of(client.get(f"/admin/requests/{request_id}").text)
    return client.post(f"/admin/requests/{request_id}/{action}", data={"csrf_token": token, **data})


def _load(settings: Settings, request_id: int) -> tuple[FinancingRequest, list[Any], list[Any]]:
    db = open_database(settings)
    with db.session() as session:
        req = session.get(FinancingRequest, request_id)
        assert req is not None
        events = list(
            session.scalars(
                select(RequestEvent)
                .where(RequestEvent.request_id == request_id)
                .order_by(RequestEvent.id)
            )
        )
        notes = list(
            session.scalars(
                select(Notification)
                .where(Notification.request_id == request_id)
                .order_by(Notification.id)
            )
        )
        banks = sorted(
            b.bank.name
            for b in session.scalars(
                select(RequestBank).where(RequestBank.request_id == request_id)
            )
        )
        req.banks_seen = banks  # type: ignore[attr-defined]
    db.dispose()
    return req, events, notes


def test_move_through_workflow_records_notes_and_notifies(
    settings: Settings, as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    coord = as_user("coord")
    rid = seeded.unpushed
    assert _post(coord, rid, "status", target="reviewing", note="材料齐全").status_code == 303
    assert _post(coord, rid, "status", target="recommended", note="符合外贸贷").status_code == 303
    ids = [seeded.banks[BANK_A], seeded.banks[BANK_B]]
    pushed = _post(coord, rid, "push", banks=ids, note="两家银行对接")
    assert pushed.status_code == 303
    officer = as_user("officer_a")
    granted = _post(
        officer,
        rid,
        "outcome",
        outcome="granted",
        amount_wan="45",
        granted_date="2026-11-20",
        granted_product="外贸贷",
        note="已放款",
    )
    assert granted.status_code == 303
    req, events, notes = _load(settings, rid)
    assert req.status == "granted" and req.granted_amount_wan == 45.0
    assert str(req.granted_date) == "2026-11-20" and req.granted_product == "外贸贷"
    assert req.banks_seen == sorted([BANK_A, BANK_B])  # type: ignore[attr-defined]
    steps = [(e.from_status, e.to_status, e.actor) for e in events]
    assert steps == [
        (None, "submitted", None),
        ("submitted", "reviewing", "coord"),
        ("reviewing", "recommended", "coord"),
        ("recommended", "pushed", "coord"),
        ("pushed", "granted", "officer_a"),
    ]
    assert events[1].note == "材料齐全" and events[3].data["banks"] == [BANK_A, BANK_B]
    assert [n.channel for n in notes] == ["web"] * 5  # 4 status changes + satisfaction question
    assert all(n.user_id == seeded.web_user for n in notes)
    assert "已获贷" in notes[-2].text and "45 万元" in notes[-2].text
    assert notes[-1].text.startswith("【满意度回访】")
    assert "材料齐全" not in "".join(n.text for n in notes)  # staff notes stay internal
    page = coord.get(f"/admin/requests/{rid}").text
    assert "符合外贸贷" in page and "officer_a" in page


def test_move_not_allowed_is_refused_with_message(
    settings: Settings, as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    coord = as_user("coord")
    response = _post(coord, seeded.unpushed, "status", target="granted")
    assert response.status_code == 400 and "不能从「新提交」变更为「已获贷」" in response.text
    assert _load(settings, seeded.unpushed)[0].status == "submitted"


def test_grant_without_amount_is_refused(
    settings: Settings, as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    coord = as_user("coord")
    response = _post(
        coord,
        seeded.for_a,
        "outcome",
        bank=seeded.banks[BANK_A],
        outcome="granted",
        granted_product="x",
    )
    assert response.status_code == 400 and "获贷金额" in response.text
    assert _load(settings, seeded.for_a)[0].status == "pushed"


def test_decline_by_every_bank_declines_request_then_coaching(
    settings: Settings, as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    coord = as_user("coord")
    assert _post(coord, seeded.for_a, "push", banks=[seeded.banks[BANK_B]]).status_code == 303
    officer_a = as_user("officer_a")
    _post(
        officer_a,
        seeded.for_a,
        "outcome",
        outcome="declined",
        decline_category="经营问题",
        decline_reason="流水不足",
    )
    assert _load(settings, seeded.for_a)[0].status == "pushed"  # bank B still pending
    officer_b = as_user("officer_b")
    _post(
        officer_b,
        seeded.for_a,
        "outcome",
        outcome="declined",
        decline_category="资质不符",
        decline_reason="负债率高",
    )
    req, events, _ = _load(settings, seeded.for_a)
    assert req.status == "declined"
    assert "流水不足" in (req.decline_reason or "") and "负债率高" in (req.decline_reason or "")
    assert (
        _post(coord, seeded.for_a, "status", target="coaching", note="安排辅导").status_code == 303
    )
    assert (
        _post(coord, seeded.for_a, "status", target="revisited", note="已电话回访").status_code
        == 303
    )
    assert _load(settings, seeded.for_a)[0].status == "revisited"


def test_outcome_twice_for_same_bank_is_refused(
    as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    officer = as_user("officer_a")
    data = {"outcome": "declined", "decline_category": "资质不符", "decline_reason": "资料不全"}
    assert _post(officer, seeded.for_a, "outcome", **data).status_code == 303
    again = _post(officer, seeded.for_a, "outcome", **data)
    assert again.status_code in (400, 403)


def test_status_change_from_stale_page_is_refused(
    settings: Settings, as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    coord = as_user("coord")
    stale = _post(coord, seeded.unpushed, "status", target="reviewing", from_status="submitted")
    assert stale.status_code == 303
    again = _post(coord, seeded.unpushed, "status", target="reviewing", from_status="submitted")
    assert again.status_code == 400 and "已被他人更新" in again.text
    assert len([e for e in _load(settings, seeded.unpushed)[1] if e.to_status == "reviewing"]) == 1


@pytest.mark.parametrize(
    "banks", [[BANK_A], [BANK_A, BANK_B], [BANK_B, BANK_A]], ids=["one", "two", "two-reversed"]
)
def test_push_notice_names_the_banks_and_added_banks_are_told(
    settings: Settings, as_user: Callable[[str], httpx.Client], seeded: Seeded, banks: list[str]
) -> None:
    coord = as_user("coord")
    rid = seeded.unpushed
    _post(coord, rid, "status", target="reviewing")
    _post(coord, rid, "status", target="recommended")
    ids = [seeded.banks[b] for b in banks]
    assert _post(coord, rid, "push", banks=ids).status_code == 303
    _, _, notes = _load(settings, rid)
    pushed = notes[-1].text
    assert "已推送银行" in pushed and "已推送至：" + "、".join(banks) in pushed
    if len(banks) == 1:
        assert _post(coord, rid, "push", banks=[seeded.banks[BANK_B]]).status_code == 303
        _, _, notes = _load(settings, rid)
        assert "追加推送至：" + BANK_B in notes[-1].text and BANK_A not in notes[-1].text
