"""What an inbound WeChat / WeCom message means: engine text, fixed reply, or nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

WELCOME = (
    "您好，欢迎关注！我是三明市民营小微企业融资政策助手。我可以：\n"
    "1. 解答《三明市提增民营小微企业融资服务质效若干措施》等融资政策问题，"
    "注明依据的条款和责任单位；\n"
    "2. 帮您登记融资需求，由协调办公室对接银行（回复“申请”）；\n"
    "3. 查询已登记需求的办理进度（回复“进度”）。\n"
    "请直接输入您的问题，例如：“首次贷款有什么支持？”"
)
UNSUPPORTED = "目前我只能读懂文字消息，请直接输入您的问题，例如：“续贷有什么支持政策？”"
BUSY = "抱歉，系统暂时繁忙，请稍后再发一次您的问题。"

# Menu CLICK keys and the text each one sends to the engine.
MENU_TOPICS: dict[str, str] = {
    "POLICY_OVERVIEW": "支持民营小微企业融资的政策有哪些？",
    "FIRST_LOAN": "首次贷款有什么支持政策？",
    "RENEWAL": "贷款到期续贷有什么支持？",
    "GUARANTEE": "融资担保有什么支持政策？",
    "CHECKUP": "政策体检",
    "APPLY": "融资需求登记",
    "STATUS": "查询进度",
    "CONTACT": "联系方式",
    "SUBSCRIBE": "订阅",
}

DEFAULT_MENU: dict[str, Any] = {
    "button": [
        {
            "name": "政策问答",
            "sub_button": [
                {"type": "click", "name": "政策总览", "key": "POLICY_OVERVIEW"},
                {"type": "click", "name": "首贷支持", "key": "FIRST_LOAN"},
                {"type": "click", "name": "续贷支持", "key": "RENEWAL"},
                {"type": "click", "name": "融资担保", "key": "GUARANTEE"},
                {"type": "click", "name": "政策体检", "key": "CHECKUP"},
            ],
        },
        {
            "name": "融资登记",
            "sub_button": [
                {"type": "click", "name": "登记融资需求", "key": "APPLY"},
                {"type": "click", "name": "查询办理进度", "key": "STATUS"},
                {"type": "click", "name": "订阅政策提醒", "key": "SUBSCRIBE"},
            ],
        },
        {"type": "click", "name": "联系我们", "key": "CONTACT"},
    ]
}


@dataclass(frozen=True)
class Inbound:
    """One callback message reduced to what the channel must do with it."""

    key: str  # deduplication key, see `dedup_key`
    user_id: str  # OpenID (WeChat) or UserID (WeCom)
    text: str | None = None  # text for the engine
    fixed_reply: str | None = None  # reply without the engine


def topic_for_click(key: str) -> str:
    """The engine text of a menu key: a known topic, "ASK:<question>", or the key itself."""
    if key in MENU_TOPICS:
        return MENU_TOPICS[key]
    if key.upper().startswith("ASK:"):
        return key[4:].strip()
    return key


KEY_LIMIT = 200  # processed_messages.key length


def dedup_key(channel: str, fields: dict[str, str]) -> str:
    """The identity of one inbound message: WeChat retries repeat it, nothing else shares it.

    Messages: account, sender and MsgId (MsgIds collide across users). Events have no MsgId:
    account, sender, CreateTime, Event and EventKey (two clicks in one second differ by key,
    a subscribe and a click by event). Over-long keys end in a digest of the identity.
    """
    account, user = fields.get("ToUserName", ""), fields.get("FromUserName", "")
    prefix = f"{channel}:{account}:{user}:"
    if fields.get("MsgId"):
        identity = f"msg:{fields['MsgId']}"
    else:
        identity = (
            f"event:{fields.get('CreateTime', '')}:{fields.get('Event', '').lower()}:"
            f"{fields.get('EventKey', '')}"
        )
    key = prefix + identity
    if len(key) <= KEY_LIMIT:
        return key
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
    return (prefix[: KEY_LIMIT - len(digest) - 5] + ":sha:" + digest)[:KEY_LIMIT]


def read_inbound(channel: str, fields: dict[str, str]) -> Inbound | None:
    """Classify a decrypted message; None when nothing should be answered."""
    user_id = fields.get("FromUserName", "")
    if not user_id:
        return None
    key = dedup_key(channel, fields)
    kind = fields.get("MsgType", "").lower()
    if kind == "text":
        content = fields.get("Content", "").strip()
        return Inbound(key, user_id, text=content) if content else None
    if kind == "voice" and fields.get("Recognition", "").strip():
        return Inbound(key, user_id, text=fields["Recognition"].strip())
    if kind == "event":
        event = fields.get("Event", "").lower()
        if event == "subscribe":
            return Inbound(key, user_id, fixed_reply=WELCOME)
        if event == "click" and fields.get("EventKey"):
            return Inbound(key, user_id, text=topic_for_click(fields["EventKey"]))
        return None  # unsubscribe, VIEW, LOCATION, ...: nothing to say
    return Inbound(key, user_id, fixed_reply=UNSUPPORTED)
