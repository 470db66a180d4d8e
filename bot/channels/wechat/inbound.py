"""What an inbound WeChat / WeCom message means: engine text, fixed reply, or nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from bot.catalog import WELCOME as CATALOG_WELCOME
from bot.catalog import menu_topics, wechat_menu

WELCOME = CATALOG_WELCOME  # bot/catalog.py
UNSUPPORTED = "目前我只能读懂文字消息，请直接输入您的问题，例如：“续贷有什么支持政策？”"
BUSY = "抱歉，系统暂时繁忙，请稍后再发一次您的问题。"

# Menu CLICK keys and the text each one sends to the engine; the default menu (bot/catalog.py).
MENU_TOPICS: dict[str, str] = menu_topics()
DEFAULT_MENU: dict[str, Any] = wechat_menu()


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
