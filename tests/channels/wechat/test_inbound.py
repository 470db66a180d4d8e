"""Classification of inbound WeChat messages and events."""

from __future__ import annotations

import pytest

from bot.channels.wechat.inbound import (
    KEY_LIMIT,
    MENU_TOPICS,
    UNSUPPORTED,
    WELCOME,
    dedup_key,
    read_inbound,
    topic_for_click,
)

BASE = {"ToUserName": "gh_1", "FromUserName": "openid-1", "CreateTime": "1700000000"}


def test_read_inbound_text_keyed_by_sender_and_msg_id() -> None:
    inbound = read_inbound(
        "wechat", {**BASE, "MsgType": "text", "Content": " 首贷 ", "MsgId": "77"}
    )
    assert inbound is not None
    assert (inbound.key, inbound.user_id, inbound.text) == (
        "wechat:gh_1:openid-1:msg:77",
        "openid-1",
        "首贷",
    )


MESSAGE = {**BASE, "MsgType": "text", "Content": "你好", "MsgId": "77"}
CLICK = {**BASE, "MsgType": "event", "Event": "CLICK", "EventKey": "FIRST_LOAN"}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (MESSAGE, {**MESSAGE, "FromUserName": "openid-2"}),  # MsgId reused by another user
        (MESSAGE, {**MESSAGE, "ToUserName": "gh_2"}),  # another account
        (CLICK, {**CLICK, "FromUserName": "openid-2"}),
        (CLICK, {**CLICK, "EventKey": "CONTACT"}),  # two clicks in the same second
        (CLICK, {**CLICK, "Event": "subscribe", "EventKey": ""}),  # subscribe + click
        (CLICK, {**CLICK, "CreateTime": "1700000001"}),
    ],
    ids=[
        "msg-other-user",
        "msg-other-account",
        "event-other-user",
        "other-key",
        "other-event",
        "other-second",
    ],
)
def test_dedup_key_differs_when_message_differs(
    first: dict[str, str], second: dict[str, str]
) -> None:
    assert dedup_key("wechat", first) != dedup_key("wechat", second)


@pytest.mark.parametrize("fields", [MESSAGE, CLICK], ids=["message", "event"])
@pytest.mark.parametrize("channel", ["wechat", "wecom"])
def test_dedup_key_same_for_a_retry(channel: str, fields: dict[str, str]) -> None:
    retry = {**fields, "Content": "你好"}  # WeChat sends the same fields again
    assert dedup_key(channel, fields) == dedup_key(channel, retry)
    assert dedup_key(channel, fields).startswith(f"{channel}:gh_1:openid-1:")


def test_dedup_key_of_long_event_key_fits_column() -> None:
    fields = {**CLICK, "EventKey": "ASK:" + "续贷怎么办" * 80}
    key = dedup_key("wechat", fields)
    assert len(key) <= KEY_LIMIT and key.startswith("wechat:gh_1:openid-1:")
    assert key != dedup_key("wechat", {**fields, "EventKey": fields["EventKey"] + "？"})


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
