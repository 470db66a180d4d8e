"""Message identity over HTTP: a MsgId reused by another user, events in the same second."""

from __future__ import annotations

import time

import pytest

from bot.channels.wechat.inbound import MENU_TOPICS, WELCOME
from tests.channels.wechat.fake_api import FakeWechatApi
from tests.channels.wechat.fixtures import (
    RunningApp,
    WechatSender,
    count_engine,
    next_msg_id,
    wait_until,
)
from tests.channels.wechat.wecom_fixtures import WecomChat

FORM_START = "好的，开始登记融资需求"


@pytest.mark.parametrize("safe", [False, True], ids=["plaintext", "aes"])
def test_msg_id_reused_by_other_user_handled_separately(wechat_app: RunningApp, safe: bool) -> None:
    engine = count_engine(wechat_app)
    sender = WechatSender(wechat_app, safe=safe)
    msg_id = next_msg_id()
    first = sender.reply(sender.text("openid-a", "申请", msg_id))
    second = sender.reply(sender.text("openid-b", "你好", msg_id))
    assert first and FORM_START in first
    assert second and FORM_START not in second and second != first
    assert [(user, text) for _, user, text in engine.calls] == [
        ("openid-a", "申请"),
        ("openid-b", "你好"),
    ]
    again = sender.reply(sender.text("openid-a", "申请", msg_id))  # A's retry: A's reply
    assert again == first and len(engine.calls) == 2


def test_msg_id_reused_by_other_user_over_wecom(
    wechat_app: RunningApp, wechat_fake_api: FakeWechatApi
) -> None:
    engine = count_engine(wechat_app)
    alice = WecomChat(wechat_app, wechat_fake_api, "alice")
    bob = WecomChat(wechat_app, wechat_fake_api, "bob")
    msg_id = next_msg_id()
    assert alice.sender.text("alice", "申请", msg_id).status_code == 200
    assert wait_until(lambda: alice.received())
    assert bob.sender.text("bob", "你好", msg_id).status_code == 200
    assert wait_until(lambda: bob.received()), "bob's message was dropped"
    assert FORM_START in alice.received()[0] and FORM_START not in bob.received()[0]
    assert alice.sender.text("alice", "申请", msg_id).status_code == 200  # a retry
    time.sleep(0.5)
    assert len(alice.received()) == 1 and len(engine.calls) == 2


def test_two_clicks_in_one_second_both_answered(wechat_app: RunningApp) -> None:
    engine = count_engine(wechat_app)
    sender = WechatSender(wechat_app)
    created = int(time.time())
    first = sender.reply(sender.event("openid-c", "CLICK", "FIRST_LOAN", created=created))
    second = sender.reply(sender.event("openid-c", "CLICK", "CONTACT", created=created))
    assert first and second and first != second
    assert [text for _, _, text in engine.calls] == [
        MENU_TOPICS["FIRST_LOAN"],
        MENU_TOPICS["CONTACT"],
    ]


def test_subscribe_and_click_in_one_second_both_answered(wechat_app: RunningApp) -> None:
    engine = count_engine(wechat_app)
    sender = WechatSender(wechat_app)
    created = int(time.time())
    welcome = sender.reply(sender.event("openid-s", "subscribe", created=created))
    click = sender.reply(sender.event("openid-s", "CLICK", "RENEWAL", created=created))
    assert welcome == WELCOME
    assert click and click != WELCOME
    assert [text for _, _, text in engine.calls] == [MENU_TOPICS["RENEWAL"]]
    retry = sender.reply(sender.event("openid-s", "CLICK", "RENEWAL", created=created))
    assert retry == click and len(engine.calls) == 1
