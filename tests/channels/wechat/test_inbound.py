"""Classification of inbound WeChat messages and events."""

from __future__ import annotations

import pytest

from bot.channels.wechat.inbound import (
    MENU_TOPICS,
    UNSUPPORTED,
    WELCOME,
    dedup_key,
    read_inbound,
    topic_for_click,
)

BASE = {"ToUserName": "gh_1", "FromUserName": "openid-1", "CreateTime": "1700000000"}


def test_read_inbound_text_uses_msg_id_key() -> None:
    inbound = read_inbound(
        "wechat", {**BASE, "MsgType": "text", "Content": " 首贷 ", "MsgId": "77"}
    )
    assert inbound is not None
    assert (inbound.key, inbound.user_id, inbound.text) == (
        "wechat:gh_1:msg:77",
        "openid-1",
        "首贷",
    )


def test_dedup_key_of_events_uses_sender_and_time() -> None:
    key = dedup_key("wechat", {**BASE, "MsgType": "event", "Event": "subscribe"})
    assert key == "wechat:gh_1:event:openid-1:1700000000"


def test_read_inbound_subscribe_welcomes() -> None:
    inbound = read_inbound("wechat", {**BASE, "MsgType": "event", "Event": "subscribe"})
    assert inbound is not None and inbound.fixed_reply == WELCOME and inbound.text is None


@pytest.mark.parametrize(
    ("key", "text"),
    [("APPLY", MENU_TOPICS["APPLY"]), ("ASK:续贷要什么材料", "续贷要什么材料"), ("首贷", "首贷")],
)
def test_read_inbound_click_maps_topic(key: str, text: str) -> None:
    inbound = read_inbound(
        "wechat", {**BASE, "MsgType": "event", "Event": "CLICK", "EventKey": key}
    )
    assert inbound is not None and inbound.text == text == topic_for_click(key)


@pytest.mark.parametrize(
    "fields",
    [
        {"MsgType": "event", "Event": "unsubscribe"},
        {"MsgType": "event", "Event": "VIEW"},
        {"MsgType": "text", "Content": "   "},
        {"MsgType": "text", "Content": "x", "FromUserName": ""},
    ],
)
def test_read_inbound_ignores_silent_cases(fields: dict[str, str]) -> None:
    assert read_inbound("wechat", {**BASE, **fields}) is None


def test_read_inbound_voice_recognition_is_text() -> None:
    fields = {**BASE, "MsgType": "voice", "Recognition": "续贷政策", "MsgId": "5"}
    inbound = read_inbound("wechat", fields)
    assert inbound is not None and inbound.text == "续贷政策"


def test_read_inbound_image_gets_text_only_notice() -> None:
    inbound = read_inbound("wecom", {**BASE, "MsgType": "image", "MsgId": "6"})
    assert inbound is not None and inbound.fixed_reply == UNSUPPORTED
