"""Outbox of messages to users on their channel (status changes), delivered by channel adapters."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core import clock
from storage.models import Notification

MAX_ATTEMPTS = 5


def enqueue_notification(
    session: Session, *, channel: str, user_id: str, text: str, request_id: int | None = None
) -> Notification:
    """Queue a message for a user on their channel."""
    note = Notification(channel=channel, user_id=user_id, text=text, request_id=request_id)
    session.add(note)
    session.flush()
    return note


def pending_notifications(session: Session, *, channel: str, limit: int = 50) -> list[Notification]:
    """Unsent messages for a channel, oldest first, skipping those that failed too often."""
    query = (
        select(Notification)
        .where(Notification.channel == channel, Notification.sent_at.is_(None))
        .where(Notification.attempts < MAX_ATTEMPTS)
        .order_by(Notification.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def mark_notification(session: Session, notification_id: int, *, sent: bool) -> None:
    """Record a delivery attempt; `sent` stamps the delivery time."""
    note = session.get(Notification, notification_id)
    if note is None:
        return
    note.attempts += 1
    if sent:
        note.sent_at = clock.now()


def take_user_notifications(session: Session, *, channel: str, user_id: str) -> list[str]:
    """Unsent messages for one user (channels without push show them on the next visit).

    Each row is claimed with a conditional update, so two concurrent callers (two polls, or a
    poll and a chat message) never both return the same message.
    """
    query = (
        select(Notification.id, Notification.text)
        .where(Notification.channel == channel, Notification.user_id == user_id)
        .where(Notification.sent_at.is_(None))
        .order_by(Notification.id)
    )
    taken = []
    for note_id, text in session.execute(query).all():
        result = session.execute(
            update(Notification)
            .where(Notification.id == note_id, Notification.sent_at.is_(None))
            .values(sent_at=clock.now(), attempts=Notification.attempts + 1)
        )
        if int(getattr(result, "rowcount", 0) or 0) == 1:
            taken.append(text)
    return taken
