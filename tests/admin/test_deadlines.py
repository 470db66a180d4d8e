"""Bank response deadlines, decline reasons, the firm's outcome notice and satisfaction."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from core.clock import LOCAL_TZ
from core.settings import Settings
from storage.db import open_database
from storage.deadlines import (
    add_working_days,
    due_date,
    overdue_cutoff,
)
from storage.models import FinancingRequest, RequestBank, SatisfactionSurvey
from tests.helpers.staff import BANK_A, Seeded, csrf_of


@pytest.fixture
def settings(db_settings: Settings) -> Settings:
    """These tests run on SQLite and on PostgreSQL."""
    return db_settings


DECLINE = {"decline_category": "征信问题", "decline_reason": "近两年有逾期记录"}


def _post(client: httpx.Client, request_id: int, action: str, **data: Any) -> httpx.Response:
    token = csrf_of(client.get(f"/admin/requests/{request_id}").text)
    return client.post(f"/admin/requests/{request_id}/{action}", data={"csrf_token": token, **data})


def _age_push(settings: Settings, request_id: int, days: int) -> None:
    """Move a request's pushes `days` calendar days into the past."""
    db = open_database(settings)
    with db.session() as session:
        session.execute(
            update(RequestBank)
            .where(RequestBank.request_id == request_id)
            .values(pushed_at=datetime.now(UTC) - timedelta(days=days))
        )
    db.dispose()


def _status(settings: Settings, request_id: int) -> str:
    db = open_database(settings)
    with db.session() as session:
        req = session.get(FinancingRequest, request_id)
        assert req is not None
        status = req.status
    db.dispose()
    return status


def _refs(html: str) -> list[str]:
    return re.findall(r'data-ref="([^"]+)"', html)


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (date(2026, 11, 27), 1, date(2026, 11, 30)),  # Friday + 1 → Monday
        (date(2026, 11, 28), 1, date(2026, 11, 30)),  # Saturday + 1 → Monday
        (date(2026, 11, 30), 5, date(2026, 12, 7)),
        (date(2026, 11, 30), 10, date(2026, 12, 14)),
        (date(2026, 11, 30), 0, date(2026, 11, 30)),
    ],
)
def test_add_working_days_skips_weekends(start: date, days: int, due: date) -> None:
    assert add_working_days(start, days) == due


@pytest.mark.parametrize("days", [1, 3, 10])
@pytest.mark.parametrize("weekday_offset", range(7))
def test_overdue_cutoff_agrees_with_due_dates(days: int, weekday_offset: int) -> None:
    now = datetime(2026, 11, 30, 10, tzinfo=LOCAL_TZ) + timedelta(days=weekday_offset)
    today = now.date()
    cutoff = overdue_cutoff(days, now)
    for back in range(0, 40):
        for hour in (0, 23):
            pushed = datetime.combine(today - timedelta(days=back), datetime.min.time(), LOCAL_TZ)
            pushed += timedelta(hours=hour)
            assert (pushed < cutoff) == (due_date(pushed, days) < today), (back, hour)


def test_overdue_push_listed_marked_and_on_dashboard(
    settings: Settings, as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    _age_push(settings, seeded.for_a, days=30)
    coord = as_user("coord")
    overdue = coord.get("/admin/requests", params={"overdue": "yes"}).text
    refs = _refs(overdue)
    assert len(refs) == 1 and "银行逾期" in overdue
    everything = coord.get("/admin/requests").text
    assert len(_refs(everything)) == 4 and refs[0] in everything
    detail = coord.get(f"/admin/requests/{seeded.for_a}").text
    assert "已逾期" in detail and "反馈期限" in detail
    assert "已逾期" not in coord.get(f"/admin/requests/{seeded.for_b}").text
    dashboard = coord.get("/admin/dashboard").text
    assert 'id="overdue-pushes"' in dashboard and refs[0] in dashboard


def test_push_within_deadline_not_overdue(
    settings: Settings, as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    _age_push(settings, seeded.for_a, days=3)  # at most 3 working days
    page = as_user("coord").get("/admin/requests", params={"overdue": "yes"}).text
    assert _refs(page) == []


def test_answered_push_not_overdue(
    settings: Settings, as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    _age_push(settings, seeded.for_a, days=30)
    officer = as_user("officer_a")
    assert _post(officer, seeded.for_a, "outcome", outcome="declined", **DECLINE).status_code == 303
    page = as_user("coord").get("/admin/requests", params={"overdue": "yes"}).text
    assert _refs(page) == []


def test_bank_officer_sees_own_overdue_first(
    settings: Settings, as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    coord = as_user("coord")
    for target in ("reviewing", "recommended"):
        _post(coord, seeded.unpushed, "status", target=target, note="ok")
    pushed = _post(coord, seeded.unpushed, "push", banks=[seeded.banks[BANK_A]])
    assert pushed.status_code == 303
    officer = as_user("officer_a")
    fresh_first = _refs(officer.get("/admin/requests").text)
    assert len(fresh_first) == 2  # newest first: the unpushed one was created last
    _age_push(settings, seeded.for_a, days=30)
    overdue_first = _refs(officer.get("/admin/requests").text)
    assert overdue_first == list(reversed(fresh_first))
    own = officer.get("/admin/dashboard").text
    assert overdue_first[0] in own
    other = as_user("officer_b").get("/admin/dashboard").text
    assert overdue_first[0] not in other  # another bank's overdue push is not shown


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"decline_reason": "近两年有逾期记录"},
        {"decline_category": "征信问题"},
        {"decline_category": "不喜欢", "decline_reason": "近两年有逾期记录"},
        {"decline_category": "征信问题", "decline_reason": "   "},
    ],
    ids=["nothing", "no-category", "no-text", "unknown-category", "blank-text"],
)
@pytest.mark.parametrize("form", ["outcome", "status"])
def test_decline_without_reason_refused(
    settings: Settings,
    as_user: Callable[[str], httpx.Client],
    seeded: Seeded,
    fields: dict[str, str],
    form: str,
) -> None:
    if form == "outcome":
        response = _post(
            as_user("officer_a"), seeded.for_a, "outcome", outcome="declined", **fields
        )
    else:
        response = _post(as_user("coord"), seeded.for_a, "status", target="declined", **fields)
    assert response.status_code == 400
    # a pushed request records outcomes per bank only; the status form says so instead
    assert re.search("请(选择|填写)未获贷原因|按银行登记结果", response.text)
    assert _status(settings, seeded.for_a) == "pushed"


@pytest.mark.parametrize("form", ["outcome", "status"])
def test_firm_told_outcome_reason_and_follow_up_then_rates(
    settings: Settings,
    as_user: Callable[[str], httpx.Client],
    seeded: Seeded,
    admin_live: Any,
    form: str,
) -> None:
    if form == "outcome":
        response = _post(
            as_user("officer_a"), seeded.for_a, "outcome", outcome="declined", **DECLINE
        )
    else:
        response = _post(
            as_user("officer_a"), seeded.for_a, "outcome", outcome="declined", **DECLINE
        )
    assert response.status_code == 303
    inbox = httpx.get(f"{admin_live.url}/api/chat/inbox", params={"session_id": seeded.web_user})
    texts = [m["text"] for m in inbox.json()["messages"]]
    outcome = next(t for t in texts if "未获贷" in t)
    assert "征信问题" in outcome and "近两年有逾期记录" in outcome and "跟进" in outcome
    assert any(t.startswith("【满意度回访】") for t in texts)
    chat = httpx.post(
        f"{admin_live.url}/api/chat",
        json={"session_id": seeded.web_user, "text": "4分"},
        timeout=30,
    )
    assert "感谢您的评价" in chat.json()["messages"][0]["text"]
    db = open_database(settings)
    with db.session() as session:
        [survey] = list(session.scalars(select(SatisfactionSurvey)))
        assert (survey.score, survey.outcome) == (4, "declined")
    db.dispose()
    dashboard = as_user("coord").get("/admin/dashboard").text
    assert 'id="kpi-satisfaction">4.0<' in dashboard


def test_satisfaction_asked_once_per_request(
    settings: Settings, as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    coord = as_user("coord")
    _post(as_user("officer_a"), seeded.for_a, "outcome", outcome="declined", **DECLINE)
    _post(coord, seeded.for_a, "status", target="coaching", note="安排辅导")
    db = open_database(settings)
    with db.session() as session:
        assert len(list(session.scalars(select(SatisfactionSurvey)))) == 1
    db.dispose()


# A bare "5" or "很好" answers the 1-5 question now (issue 20 item 11, bot/survey.py); numbers
# outside 1-5 and questions that merely contain rating words still do not.
@pytest.mark.parametrize("text", ["12分", "0分", "6分", "一般多久能放款？", "不满意的话找谁投诉"])
def test_non_scores_not_taken_as_rating(
    settings: Settings,
    as_user: Callable[[str], httpx.Client],
    seeded: Seeded,
    admin_live: Any,
    text: str,
) -> None:
    _post(as_user("officer_a"), seeded.for_a, "outcome", outcome="declined", **DECLINE)
    httpx.post(
        f"{admin_live.url}/api/chat", json={"session_id": seeded.web_user, "text": text}, timeout=30
    )
    db = open_database(settings)
    with db.session() as session:
        assert [s.score for s in session.scalars(select(SatisfactionSurvey))] == [None]
    db.dispose()
