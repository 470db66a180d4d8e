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

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.handoff.flow import held_channel
from bot.handoff.texts import CLOSED_BY_STAFF
from core import clock
from storage.handoffs import close_handoff, record_staff_reply
from storage.models import Handoff, Message
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


class OwnerWroteMeanwhile(Exception):
    """The owner wrote after the last message the closing staff member had seen."""


def close_by_staff(
    session: Session,
    *,
    handoff: Handoff,
    actor: str,
    now: datetime | None = None,
    seen_message_id: int | None = None,
) -> bool:
    """Close the handoff and tell the owner the bot answers again; False if already closed.

    With `seen_message_id` (the last transcript message shown to the staff member), raises
    OwnerWroteMeanwhile when the owner wrote after it: the caller rolls back and shows it.
    The close is written before that check, so an owner's turn running at the same time
    either commits first (and is seen here) or finds the handoff closed (and the bot answers).
    """
    if not close_handoff(session, handoff_id=handoff.id, actor=actor):
        return False
    if seen_message_id is not None:
        session.flush()
        newer = session.scalar(
            select(Message.id)
            .where(Message.conversation_id == handoff.conversation_id)
            .where(Message.direction == "in", Message.id > seen_message_id)
            .limit(1)
        )
        if newer is not None:
            raise OwnerWroteMeanwhile(handoff.id)
    now = now or clock.now()
    channel = handoff.channel
    if channel == "wechat" and now - handoff.last_user_at > WECHAT_WINDOW:
        channel = held_channel(channel)
    enqueue_notification(session, channel=channel, user_id=handoff.user_id, text=CLOSED_BY_STAFF)
    return True
