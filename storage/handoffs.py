"""Handoffs (转人工): open, claim, staff replies, close, and the figures of the dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core import clock
from storage.conversations import add_message
from storage.models import Handoff, Message

STAFF_INTENT = "staff"  # transcript intent of a staff reply: "staff:<username>"
MAX_REPLY = 2000


def find_open_handoff(session: Session, *, conversation_id: int) -> Handoff | None:
    """The conversation's open handoff, if any."""
    query = select(Handoff).where(
        Handoff.conversation_id == conversation_id, Handoff.status == "open"
    )
    return session.scalars(query.order_by(Handoff.id.desc())).first()


def open_handoff(
    session: Session, *, conversation_id: int, channel: str, user_id: str, reason: str = "asked"
) -> Handoff:
    """Open a handoff for the conversation (the open one is returned when there is one)."""
    found = find_open_handoff(session, conversation_id=conversation_id)
    if found is not None:
        return found
    handoff = Handoff(
        conversation_id=conversation_id, channel=channel, user_id=user_id, reason=reason[:20]
    )
    session.add(handoff)
    session.flush()
    return handoff


def note_user_message(session: Session, *, handoff_id: int) -> None:
    """Stamp the owner's latest message (WeChat's 48-hour reply window counts from it)."""
    session.execute(
        update(Handoff).where(Handoff.id == handoff_id).values(last_user_at=clock.now())
    )


def close_handoff(session: Session, *, handoff_id: int, actor: str) -> bool:
    """Close an open handoff; False when it was already closed (or does not exist)."""
    result = session.execute(
        update(Handoff)
        .where(Handoff.id == handoff_id, Handoff.status == "open")
        .values(status="closed", closed_at=clock.now(), closed_by=actor[:64])
    )
    return int(getattr(result, "rowcount", 0) or 0) == 1


def claim_handoff(session: Session, *, handoff_id: int, actor: str) -> bool:
    """Claim an open handoff for `actor`; False when someone else holds it or it is closed."""
    result = session.execute(
        update(Handoff)
        .where(Handoff.id == handoff_id, Handoff.status == "open")
        .where((Handoff.claimed_by.is_(None)) | (Handoff.claimed_by == actor))
        .values(claimed_by=actor[:64], claimed_at=clock.now())
    )
    return int(getattr(result, "rowcount", 0) or 0) == 1


def record_staff_reply(session: Session, *, handoff: Handoff, text: str, actor: str) -> Message:
    """Add a staff reply to the transcript; the first reply stamps the response time.

    Raises ValueError when the text is empty or longer than MAX_REPLY characters.
    """
    text = text.strip()
    if not text or len(text) > MAX_REPLY:
        raise ValueError(f"reply must be 1-{MAX_REPLY} characters")
    if handoff.first_reply_at is None:
        handoff.first_reply_at = clock.now()
    if handoff.claimed_by is None:
        handoff.claimed_by, handoff.claimed_at = actor[:64], clock.now()
    return add_message(
        session,
        conversation_id=handoff.conversation_id,
        direction="out",
        text=text,
        intent=f"{STAFF_INTENT}:{actor}",
    )


def list_handoffs(session: Session, *, closed_limit: int = 20) -> list[Handoff]:
    """Open handoffs (longest waiting first), then the most recently closed ones."""
    open_query = select(Handoff).where(Handoff.status == "open").order_by(Handoff.id)
    closed_query = (
        select(Handoff)
        .where(Handoff.status == "closed")
        .order_by(Handoff.closed_at.desc(), Handoff.id.desc())
        .limit(closed_limit)
    )
    return list(session.scalars(open_query)) + list(session.scalars(closed_query))


def transcript(session: Session, *, handoff: Handoff, limit: int = 300) -> list[Message]:
    """The conversation's last `limit` messages, oldest first."""
    query = (
        select(Message)
        .where(Message.conversation_id == handoff.conversation_id)
        .order_by(Message.id.desc())
        .limit(limit)
    )
    return list(reversed(list(session.scalars(query))))


@dataclass
class HandoffStats:
    """Dashboard figures: handoffs per local day and minutes to the first staff reply."""

    per_day: list[tuple[str, int]]
    open_now: int
    answered: int
    avg_first_reply_min: float | None
    median_first_reply_min: float | None


def handoff_stats(session: Session, *, days: int = 14, now: datetime | None = None) -> HandoffStats:
    """Figures over the last `days` local days (per_day: ("MM-DD", count), oldest first)."""
    now = now or clock.now()
    today = clock.local_day(now)
    start = today - timedelta(days=days - 1)
    since = clock.local_start(start)
    rows: list[Any] = list(
        session.execute(
            select(Handoff.created_at, Handoff.first_reply_at, Handoff.status).where(
                Handoff.created_at >= since
            )
        )
    )
    counts = {start + timedelta(days=i): 0 for i in range(days)}
    waits: list[float] = []
    for created, first_reply, _status in rows:
        day = clock.local_day(created)
        if day in counts:
            counts[day] += 1
        if first_reply is not None:
            waits.append((first_reply - created).total_seconds() / 60)
    open_now = len(list(session.scalars(select(Handoff.id).where(Handoff.status == "open"))))
    waits.sort()
    return HandoffStats(
        per_day=[(d.strftime("%m-%d"), n) for d, n in counts.items()],
        open_now=open_now,
        answered=len(waits),
        avg_first_reply_min=round(sum(waits) / len(waits), 1) if waits else None,
        median_first_reply_min=round(waits[len(waits) // 2], 1) if waits else None,
    )
