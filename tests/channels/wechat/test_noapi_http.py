"""Without customer-service credentials a slow reply is held for WeChat's own retries."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from core.settings import Settings
from tests.channels.wechat.fake_api import FakeWechatApi
from tests.channels.wechat.fixtures import (
    RunningApp,
    WechatSender,
    count_engine,
    is_cited,
    next_msg_id,
)

# One attempt's budget; without credentials a reply is held for WeChat's three attempts (6 s).
# The engine takes longer than one attempt (it must be held) and far less than three (3.5 s to
# spare under load); the retry comes well before the first reply is ready.
ATTEMPT_S = 2.0
ENGINE_DELAY_S = 2.5
RETRY_AFTER_S = 1.0


@pytest.fixture
def wechat_settings(wechat_settings: Settings) -> Settings:
    """No AppSecret (no customer-service API) and a short reply budget."""
    return wechat_settings.model_copy(
        update={"wechat_app_secret": "", "wechat_reply_timeout_s": ATTEMPT_S}
    )


def test_slow_reply_held_and_shared_with_retry(
    wechat_app: RunningApp, wechat_fake_api: FakeWechatApi
) -> None:
    engine = count_engine(wechat_app, delay=ENGINE_DELAY_S)
    sender = WechatSender(wechat_app)
    msg_id = next_msg_id()
    question = "贷款快到期了，续贷有什么支持政策？"

    def send(wait: float) -> str | None:
        time.sleep(wait)
        return sender.reply(sender.text("openid-hold", question, msg_id))

    with ThreadPoolExecutor(max_workers=2) as pool:
        replies = list(pool.map(send, [0.0, RETRY_AFTER_S]))  # the retry while the first waits
    assert is_cited(replies[0]) and replies[1] == replies[0]
    assert len(engine.calls) == 1
    assert wechat_fake_api.sent("/cgi-bin/message/custom/send") == []
    assert wechat_fake_api.token_requests("/cgi-bin/token") == 0
