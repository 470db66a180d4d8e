"""After a status change the notice says whether the submitter was actually notified."""

from __future__ import annotations

import random
from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import func, select

from core.settings import Settings
from storage.db import open_database
from storage.models import Notification
from storage.requests import create_request
from tests.helpers.staff import BANK_A, csrf_of, push_to
from tests.storage.factories import make_credit_code, request_data

NOTIFIED = "已通过申报企业提交时使用的渠道向其发送通知"
NOT_NOTIFIED = "未通知申报企业"


def _add(settings: Settings, channel_user_id: str | None, status: str = "submitted") -> int:
    db = open_database(settings)
    with db.session() as session:
        data = request_data(credit_code=make_credit_code(random.Random(channel_user_id or "api")))
        req = create_request(session, data=data, channel="web", channel_user_id=channel_user_id)
        req.status = status
        if status == "pushed":
            push_to(session, req.id, BANK_A)
        request_id = req.id
    db.dispose()
    return request_id


def _notifications(settings: Settings) -> int:
    db = open_database(settings)
    with db.session() as session:
        count = session.scalar(select(func.count()).select_from(Notification)) or 0
    db.dispose()
    return int(count)


def _post(client: httpx.Client, request_id: int, action: str, **form: str) -> str:
    token = csrf_of(client.get(f"/admin/requests/{request_id}").text)
    response = client.post(
        f"/admin/requests/{request_id}/{action}", data={"csrf_token": token, **form}
    )
    assert response.status_code == 303
    return client.get(response.headers["location"]).text


@pytest.mark.parametrize(
    ("channel_user_id", "expected", "absent"),
    [
        pytest.param("web-session-1", NOTIFIED, NOT_NOTIFIED, id="with-session"),
        pytest.param(None, NOT_NOTIFIED, NOTIFIED, id="api-without-session"),
    ],
)
def test_status_notice_says_whether_the_submitter_was_notified(
    admin_live: object,
    as_user: Callable[[str], httpx.Client],
    settings: Settings,
    channel_user_id: str | None,
    expected: str,
    absent: str,
) -> None:
    request_id = _add(settings, channel_user_id)
    page = _post(as_user("coord"), request_id, "status", target="reviewing", note="开始审核")
    assert expected in page and absent not in page
    assert _notifications(settings) == (1 if channel_user_id else 0)


def test_outcome_notice_without_session_says_nobody_was_notified(
    admin_live: object, as_user: Callable[[str], httpx.Client], settings: Settings
) -> None:
    request_id = _add(settings, None, status="pushed")
    page = _post(
        as_user("officer_a"),
        request_id,
        "outcome",
        outcome="declined",
        decline_category="抵押不足",
        decline_reason="抵押物不足",
    )
    assert "申报状态随之更新" in page and NOT_NOTIFIED in page
    assert "已向申报企业发送通知" not in page
    assert _notifications(settings) == 0
