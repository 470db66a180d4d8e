"""Subscriptions and the notices queued for subscribers (models: Subscription,
SubscriptionNotice).

- `subscribe(session, *, channel, user_id, topic, source)` records an opt-in (time, channel);
  subscribing again to a cancelled topic opts in anew. Returns True when it is new.
- `unsubscribe(session, *, channel, user_id, topic=None)` cancels one topic or all; returns how
  many were active.
- `active_topics(session, *, channel, user_id)` / `subscribers(session)`.
- `queue_notice(session, *, channel, user_id, day, kind, key, outbox_channel, text)` queues one
  outbox row unless the person already has a notice that Beijing day (unique per person and
  day, so concurrent instances cannot both queue one); returns the notice or None.
- `notice_sent_for(session, *, channel, user_id, key)` says whether a notice had that key.
- `subscription_stats(session)`: counts and delivery states for /admin/subscriptions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core import clock
from storage.models import Notification, Subscription, SubscriptionNotice
from storage.notifications import MAX_ATTEMPTS, enqueue_notification


def subscribe(session: Session, *, channel: str, user_id: str, topic: str, source: str) -> bool:
    """Opt in to a topic (True when it was not active before)."""
    found = session.scalar(
        select(Subscription).where(
            Subscription.channel == channel,
            Subscription.user_id == user_id,
            Subscription.topic == topic,
        )
    )
    if found is not None and found.cancelled_at is None:
        return False
    if found is None:
        session.add(Subscription(channel=channel, user_id=user_id, topic=topic, source=source))
    else:
        found.cancelled_at, found.created_at, found.source = None, clock.now(), source
    session.flush()
    return True


def unsubscribe(session: Session, *, channel: str, user_id: str, topic: str | None = None) -> int:
    """Cancel one topic (or every topic); returns how many were active."""
    query = select(Subscription).where(
        Subscription.channel == channel,
        Subscription.user_id == user_id,
        Subscription.cancelled_at.is_(None),
    )
    if topic is not None:
        query = query.where(Subscription.topic == topic)
    rows = list(session.scalars(query))
    for row in rows:
        row.cancelled_at = clock.now()
    session.flush()
    return len(rows)


def active_topics(session: Session, *, channel: str, user_id: str) -> list[str]:
    """The topics a person is subscribed to, in order of opt-in."""
    return list(
        session.scalars(
            select(Subscription.topic)
            .where(
                Subscription.channel == channel,
                Subscription.user_id == user_id,
                Subscription.cancelled_at.is_(None),
            )
            .order_by(Subscription.id)
        )
    )


def subscribers(session: Session) -> dict[tuple[str, str], set[str]]:
    """Every active subscriber (channel, user_id) with their topics."""
    people: dict[tuple[str, str], set[str]] = {}
    rows = session.execute(
        select(Subscription.channel, Subscription.user_id, Subscription.topic).where(
            Subscription.cancelled_at.is_(None)
        )
    )
    for channel, user_id, topic in rows:
        people.setdefault((channel, user_id), set()).add(topic)
    return people


def queue_notice(
    session: Session,
    *,
    channel: str,
    user_id: str,
    day: date,
    kind: str,
    key: str,
    outbox_channel: str,
    text: str,
) -> SubscriptionNotice | None:
    """Queue the notice unless the person already has one on `day` (module docstring)."""
    taken = session.scalar(
        select(SubscriptionNotice.id).where(
            SubscriptionNotice.channel == channel,
            SubscriptionNotice.user_id == user_id,
            SubscriptionNotice.day == day,
        )
    )
    if taken is not None:
        return None
    try:
        with session.begin_nested():
            note = enqueue_notification(session, channel=outbox_channel, user_id=user_id, text=text)
            row = SubscriptionNotice(
                channel=channel,
                user_id=user_id,
                day=day,
                kind=kind,
                key=key,
                notification_id=note.id,
            )
            session.add(row)
            session.flush()
    except IntegrityError:  # another instance queued this person's notice of the day
        return None
    return row


def notice_sent_for(session: Session, *, channel: str, user_id: str, key: str) -> bool:
    """True when a notice with this key was queued for the person."""
    return (
        session.scalar(
            select(SubscriptionNotice.id).where(
                SubscriptionNotice.channel == channel,
                SubscriptionNotice.user_id == user_id,
                SubscriptionNotice.key == key,
            )
        )
        is not None
    )


@dataclass
class SubscriptionStats:
    """What /admin/subscriptions shows."""

    by_topic: Counter[str] = field(default_factory=Counter)
    by_channel: Counter[str] = field(default_factory=Counter)
    people: int = 0
    cancelled: int = 0
    states: Counter[str] = field(default_factory=Counter)  # sent | pending | held | failed
    recent: list[dict[str, object]] = field(default_factory=list)


def notice_state(note: Notification | None) -> str:
    """sent, held (waits for the owner's next message), failed (given up) or pending."""
    if note is None:
        return "failed"
    if note.sent_at is not None:
        return "sent"
    if note.channel.endswith(":held"):
        return "held"
    return "failed" if note.attempts >= MAX_ATTEMPTS else "pending"


def subscription_stats(session: Session, *, recent: int = 50) -> SubscriptionStats:
    """Counts by topic and channel, people, cancellations, notice delivery states."""
    stats = SubscriptionStats()
    people: set[tuple[str, str]] = set()
    for row in session.scalars(select(Subscription)):
        if row.cancelled_at is not None:
            stats.cancelled += 1
            continue
        stats.by_topic[row.topic] += 1
        stats.by_channel[row.channel] += 1
        people.add((row.channel, row.user_id))
    stats.people = len(people)
    rows = session.execute(
        select(SubscriptionNotice, Notification)
        .outerjoin(Notification, Notification.id == SubscriptionNotice.notification_id)
        .order_by(SubscriptionNotice.id.desc())
    )
    for i, (notice, note) in enumerate(rows):
        state = notice_state(note)
        stats.states[state] += 1
        if i < recent:
            stats.recent.append(
                {
                    "day": notice.day,
                    "channel": notice.channel,
                    "kind": notice.kind,
                    "key": notice.key,
                    "state": state,
                    "attempts": note.attempts if note is not None else 0,
                    "created_at": notice.created_at,
                }
            )
    return stats
