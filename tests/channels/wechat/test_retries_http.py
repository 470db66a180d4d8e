"""WeChat retries over HTTP: one processing per MsgId (events: sender + time), the same reply."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.services import services_of
from storage.models import Message, ProcessedMessage
from tests.channels.wechat.fixtures import (
    RunningApp,
    WechatSender,
    count_engine,
    is_cited,
    next_msg_id,
)

CUSTOM_SEND = "/cgi-bin/message/custom/send"
QUESTION = "贷款快到期了，续贷有什么支持政策？"


@pytest.mark.parametrize("safe", [False, True], ids=["plaintext", "aes"])
def test_three_retries_processed_once_same_reply(wechat_app: RunningApp, safe: bool) -> None:
    engine = count_engine(wechat_app, delay=0.3)
    sender = WechatSender(wechat_app, safe=safe)
    msg_id = next_msg_id()
    with ThreadPoolExecutor(max_workers=3) as pool:
        responses = list(pool.map(lambda _: sender.text("openid-r", QUESTION, msg_id), range(3)))
    replies = [sender.reply(r) for r in responses]
    replies.append(sender.reply(sender.text("openid-r", QUESTION, msg_id)))
    assert is_cited(replies[0])
    assert replies == [replies[0]] * 4
    assert len(engine.calls) == 1
    with services_of(wechat_app.app).db.session() as session:
        # the message key and the user's options (besides each signed URL: guard.py)
        kept = session.query(ProcessedMessage).filter(ProcessedMessage.status != "nonce").count()
        assert kept == 2
        inbound = session.query(Message).filter_by(direction="in").count()
    assert inbound == 1


def test_event_retries_deduplicated_by_sender_and_time(wechat_app: RunningApp) -> None:
    engine = count_engine(wechat_app)
    sender = WechatSender(wechat_app)
    created = int(time.time()) - 3
    first = sender.reply(sender.event("openid-e", "CLICK", "FIRST_LOAN", created=created))
    again = sender.reply(sender.event("openid-e", "CLICK", "FIRST_LOAN", created=created))
    assert first and first == again
    assert len(engine.calls) == 1
    later = sender.reply(sender.event("openid-e", "CLICK", "FIRST_LOAN", created=created + 1))
    assert later and len(engine.calls) == 2
