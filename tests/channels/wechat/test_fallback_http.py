"""Replies slower than the budget: "success" now, the customer-service API later."""

from __future__ import annotations

import logging
import time

import pytest

from bot.services import services_of
from core.settings import Settings
from storage.db import Database
from storage.models import ProcessedMessage
from tests.channels.wechat.fake_api import FakeWechatApi
from tests.channels.wechat.fixtures import (
    RunningApp,
    WechatSender,
    count_engine,
    is_cited,
    next_msg_id,
    wait_until,
)

CUSTOM_SEND = "/cgi-bin/message/custom/send"
QUESTION = "贷款快到期了，续贷有什么支持政策？"


@pytest.fixture
def wechat_settings(wechat_settings: Settings) -> Settings:
    """A short reply budget so that a slowed engine misses it."""
    return wechat_settings.model_copy(update={"wechat_reply_timeout_s": 1.0})


def test_slow_reply_sent_through_customer_service(
    wechat_app: RunningApp, wechat_fake_api: FakeWechatApi
) -> None:
    engine = count_engine(wechat_app, delay=3.0)
    sender = WechatSender(wechat_app, safe=True)
    msg_id = next_msg_id()
    started = time.monotonic()
    response = sender.text("openid-slow", QUESTION, msg_id)
    assert time.monotonic() - started < 2.8  # the 1 s budget, not the 3 s engine
    assert sender.reply(response) is None  # "success": no passive reply, no WeChat retry
    assert sender.reply(sender.text("openid-slow", QUESTION, msg_id)) is None  # retry meanwhile
    [sent] = wechat_fake_api.wait_for(CUSTOM_SEND, 1)
    assert sent["touser"] == "openid-slow" and sent["msgtype"] == "text"
    assert is_cited(sent["text"]["content"])
    assert sender.reply(sender.text("openid-slow", QUESTION, msg_id)) is None  # retry after
    time.sleep(0.3)
    assert len(wechat_fake_api.sent(CUSTOM_SEND)) == 1
    assert len(engine.calls) == 1
    assert wechat_fake_api.token_requests("/cgi-bin/token") == 1


def test_slow_reply_quota_error_logged(
    wechat_app: RunningApp, wechat_fake_api: FakeWechatApi, caplog: pytest.LogCaptureFixture
) -> None:
    count_engine(wechat_app, delay=1.5)
    wechat_fake_api.fail_next[CUSTOM_SEND] = [45047]
    sender = WechatSender(wechat_app)
    msg_id = next_msg_id()
    with caplog.at_level(logging.WARNING):
        assert sender.reply(sender.text("openid-quota", QUESTION, msg_id)) is None

        def failed() -> bool:
            with services_of(wechat_app.app).db.session() as session:
                rows = session.query(ProcessedMessage).filter_by(status="failed").count()
            return rows == 1

        assert wait_until(failed)
    assert "45047" in caplog.text
    assert wechat_fake_api.sent(CUSTOM_SEND) == []


def slow_claims(monkeypatch: pytest.MonkeyPatch, delay: float) -> None:
    """Claiming a message (a database insert) takes `delay` seconds, as on a slow database."""
    from bot.channels.wechat import flow

    real = flow.claim_message

    def slow(db: Database, key: str) -> object:
        time.sleep(delay)
        return real(db, key)

    monkeypatch.setattr(flow, "claim_message", slow)


@pytest.mark.parametrize("safe", [False, True], ids=["plaintext", "aes"])
def test_slow_claim_within_budget_then_customer_service(
    wechat_app: RunningApp,
    wechat_fake_api: FakeWechatApi,
    monkeypatch: pytest.MonkeyPatch,
    safe: bool,
) -> None:
    slow_claims(monkeypatch, 2.5)
    engine = count_engine(wechat_app)
    sender = WechatSender(wechat_app, safe=safe)
    msg_id = next_msg_id()
    started = time.monotonic()
    response = sender.text("openid-slowdb", QUESTION, msg_id)
    assert time.monotonic() - started < 2.2  # the 1 s budget, not the 2.5 s claim
    assert sender.reply(response) is None  # "success"
    retry = sender.text("openid-slowdb", QUESTION, msg_id)  # WeChat's retry, same message
    assert sender.reply(retry) is None
    [sent] = wechat_fake_api.wait_for(CUSTOM_SEND, 1, timeout=20)
    assert sent["touser"] == "openid-slowdb" and is_cited(sent["text"]["content"])
    time.sleep(3.0)  # the retry's own slow claim has finished by now
    assert len(wechat_fake_api.sent(CUSTOM_SEND)) == 1 and len(engine.calls) == 1
