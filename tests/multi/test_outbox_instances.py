"""Two `policybot serve` processes on one PostgreSQL deliver each WeChat notice exactly once."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator

import httpx
import pytest

from core.settings import Settings
from storage.db import open_database
from storage.notifications import enqueue_notification
from storage.requests import create_request
from storage.staff import create_staff_user
from tests.channels.wechat.fake_api import FakeWechatApi, running_fake_api
from tests.helpers.instances import Instance, wait_for
from tests.helpers.staff import PASSWORD, csrf_of, login
from tests.storage.factories import request_data

pytestmark = pytest.mark.postgres

SEND = "/cgi-bin/message/custom/send"
OWNER = "openid-owner-1"


@pytest.fixture
def wechat_api() -> Iterator[FakeWechatApi]:
    """The fake WeChat API on loopback; each send takes 50 ms, as a real API call does."""
    with running_fake_api() as fake:
        fake.delay_s = 0.05
        yield fake


def start_pair(cluster: Callable[..., list[Instance]], api: FakeWechatApi) -> list[Instance]:
    """Two instances with the WeChat channel configured, both polling the outbox every 50 ms."""
    return cluster(
        2,
        WECHAT_TOKEN="wechat-token",
        WECHAT_APP_ID=api.app_id,
        WECHAT_APP_SECRET=api.app_secret,
        WECHAT_API_BASE_URL=api.base_url,
        WECHAT_OUTBOX_INTERVAL_S="0.05",
        OUTBOX_RETRY_S="0.2",
    )


def sent_to(api: FakeWechatApi) -> Counter[tuple[str, str]]:
    """(openid, text) of every successful customer-service send."""
    return Counter((b["touser"], b["text"]["content"]) for b in api.sent(SEND))


def test_status_notice_is_sent_exactly_once_by_two_instances(
    cluster: Callable[..., list[Instance]], postgres_url: str, wechat_api: FakeWechatApi
) -> None:
    a, b = start_pair(cluster, wechat_api)
    db = open_database(Settings(_env_file=None, DATABASE_URL=postgres_url))  # type: ignore[call-arg]
    with db.session() as session:
        create_staff_user(session, username="coord", password=PASSWORD, role="coordinator")
        request = create_request(
            session, data=request_data(), channel="wechat", channel_user_id=OWNER
        )
        request_id, ref = request.id, request.ref
    with httpx.Client(base_url=a.url, timeout=60) as http:
        assert login(http, "coord").status_code == 303
        token = csrf_of(http.get(f"/admin/requests/{request_id}").text)
        form = {
            "csrf_token": token,
            "target": "reviewing",
            "from_status": "submitted",
            "note": "材料齐全",
        }
        moved = http.post(f"/admin/requests/{request_id}/status", data=form)
    assert moved.status_code == 303 and "msg=status" in moved.headers["location"]

    wait_for(lambda: sent_to(wechat_api), 15, "the status notice to reach WeChat")
    time.sleep(1.5)  # about 30 more rounds of each instance: nothing may go out again
    sends = sent_to(wechat_api)
    assert list(sends.values()) == [1], sends
    [(openid, text)] = sends
    assert openid == OWNER and ref in text and "审核中" in text

    # A burst, claimed concurrently by both instances: still each message once.
    texts = [f"【融资需求进度】测试通知 {i}" for i in range(30)]
    with db.session() as session:
        for text in texts:
            enqueue_notification(session, channel="wechat", user_id=OWNER, text=text)
    wait_for(lambda: len(sent_to(wechat_api)) == 31, 30, "all 30 notices to be sent")
    time.sleep(1.0)
    db.dispose()
    burst = {text: n for (_, text), n in sent_to(wechat_api).items() if text in texts}
    assert burst == dict.fromkeys(texts, 1)
    logs = a.log() + b.log()
    assert "claimed again" not in logs
    assert all(i.process.poll() is None for i in (a, b))
