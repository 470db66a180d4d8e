"""Where a notice goes, and its shape as a WeChat subscription message.

`outbox_channel(session, channel, user_id, settings)`: the channel itself; for WeChat, the
customer-service API inside the 48-hour window after the owner's last message, else a
subscription message (`WECHAT_SUBSCRIBE_TEMPLATE_ID`, outbox channel `wechat:subscribe`), else
held for the owner's next message (`wechat:held`). Channels without a way to reach the person
(cli) are not in REACHABLE.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock
from core.settings import Settings
from storage.models import Conversation, Message

REACHABLE = frozenset({"web", "telegram", "wechat", "wecom"})
WECHAT_WINDOW = timedelta(hours=48)
SUBSCRIBE_CHANNEL = "wechat:subscribe"
HELD_CHANNEL = "wechat:held"
TEMPLATE_CHARS = 20  # a subscription message's thing field


def outbox_channel(session: Session, channel: str, user_id: str, settings: Settings) -> str:
    """The outbox channel a notice to this person goes through (this module's docstring)."""
    if channel != "wechat":
        return channel
    last = session.scalar(
        select(Message.created_at)
        .join(Conversation, Conversation.id == Message.conversation_id)
        .where(Conversation.channel == channel, Conversation.user_id == user_id)
        .where(Message.direction == "in")
        .order_by(Message.id.desc())
        .limit(1)
    )
    if last is not None and clock.now() - clock.to_utc(last) <= WECHAT_WINDOW:
        return channel
    if getattr(settings, "wechat_subscribe_template_id", ""):
        return SUBSCRIBE_CHANNEL
    return HELD_CHANNEL


def template_fields(text: str) -> dict[str, str]:
    """thing1 (the heading in 【】) and thing2 (the words after it) of a notice, each cut to
    TEMPLATE_CHARS characters, for the WeChat subscription message."""
    heading, _, rest = text.removeprefix("【").partition("】")
    if not rest:
        heading, rest = "政策提醒", text
    return {"thing1": heading[:TEMPLATE_CHARS], "thing2": rest[:TEMPLATE_CHARS]}
