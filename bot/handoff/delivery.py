"""Staff replies and closes reach the owner through the outbox of their channel.

They are ordinary outbox rows (`storage.notifications`), sent once by the shared delivery loop
(`bot.channels.outbox.Outbox`) with each channel's `send`: Telegram (sendMessage), WeChat
(customer-service API), WeCom (message/send); the web widget takes them with
`GET /api/chat/inbox`. WeChat refuses customer-service messages more
than 48 hours after the owner's last message: such replies are held and shown with the bot's reply
the next time the owner writes (see `HandoffHook.apply`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.handoff.flow import CLOSED_BY_STAFF, held_channel
from core import clock
from storage.handoffs import close_handoff, record_staff_reply
from storage.models import Handoff
from storage.notifications import enqueue_notification

WECHAT_WINDOW = timedelta(hours=48)
REPLY_PREFIX = "【协调办回复】"


@dataclass(frozen=True)
class Delivery:
    """How a staff reply will reach the owner: "queued" (pushed/polled) or "held"."""

    message_id: int
    mode: str


def send_staff_reply(
    session: Session, *, handoff: Handoff, text: str, actor: str, now: datetime | None = None
) -> Delivery:
    """Store a staff reply in the transcript and queue it for the owner's channel.

    Raises ValueError for an empty or too long text, or when the handoff is closed.
    """
    if handoff.status != "open":
        raise ValueError("handoff is closed")
    now = now or clock.now()
    message = record_staff_reply(session, handoff=handoff, text=text, actor=actor)
    channel, mode = handoff.channel, "queued"
    if channel == "wechat" and now - handoff.last_user_at > WECHAT_WINDOW:
        channel, mode = held_channel(channel), "held"
    enqueue_notification(
        session, channel=channel, user_id=handoff.user_id, text=REPLY_PREFIX + message.text
    )
    return Delivery(message.id, mode)


def close_by_staff(
    session: Session, *, handoff: Handoff, actor: str, now: datetime | None = None
) -> bool:
    """Close the handoff and tell the owner the bot answers again; False if already closed."""
    if not close_handoff(session, handoff_id=handoff.id, actor=actor):
        return False
    now = now or clock.now()
    channel = handoff.channel
    if channel == "wechat" and now - handoff.last_user_at > WECHAT_WINDOW:
        channel = held_channel(channel)
    enqueue_notification(session, channel=channel, user_id=handoff.user_id, text=CLOSED_BY_STAFF)
    return True
