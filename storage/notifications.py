"""The outbox: messages to users on their channel (status changes, staff replies), each sent once.

A row is *due* while it is unsent, has had fewer than MAX_ATTEMPTS attempts and its
`available_at` (the end of a claim's lease, or of a failed attempt's back-off) has passed.

- `enqueue_notification` queues a message (in the caller's transaction).
- `claim_notifications` hands due rows to one caller: it stamps them with a fresh claim token and
  a lease (`available_at = now + lease`), so no other caller — another worker or another
  instance — gets them until the lease ends. On PostgreSQL the rows are picked with
  `SELECT … FOR UPDATE SKIP LOCKED` (concurrent claimers take different rows without waiting);
  on SQLite the `UPDATE` that claims them repeats the due conditions (the database's write lock
  orders the claimers, so a row claimed meanwhile is left out). Nothing due: nothing is written.
  The claim holds once the session commits: commit, then send.
- `finish_notification` records the outcome of a claimed row: sent (stamped, never due again),
  failed with a retry delay (due again after it), or given up (never due again).
- `take_user_notifications` claims and finishes in one transaction: for channels that show
  queued messages in their next response (the web widget's inbox, WeChat's held replies).

Delivery is exactly once while instances run; a claim whose instance dies before finishing is
due again when its lease ends (at-least-once across a crash). The delivery loop is
`bot.channels.outbox.Outbox`.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, or_, select, update
from sqlalchemy.orm import Session

from core import clock
from storage.models import Notification

MAX_ATTEMPTS = 5
CLAIM_LEASE = timedelta(minutes=10)  # longer than any send of a claimed batch


@dataclass(frozen=True)
class ClaimedNotification:
    """A due row handed to one caller; `attempts` counts the earlier attempts."""

    id: int
    channel: str
    user_id: str
    text: str
    attempts: int
    token: str


def enqueue_notification(
    session: Session, *, channel: str, user_id: str, text: str, request_id: int | None = None
) -> Notification:
    """Queue a message for a user on their channel."""
    note = Notification(channel=channel, user_id=user_id, text=text, request_id=request_id)
    session.add(note)
    session.flush()
    return note


def due_conditions(
    channel: str | BindParameter[Any],
    now: datetime | BindParameter[Any],
    user_id: str | BindParameter[Any] | None = None,
) -> list[ColumnElement[bool]]:
    """WHERE conditions of the rows due at `now` on `channel` (of one user when given); each
    a value or a bind parameter (a statement built once: `storage.turn_start`)."""
    conditions = [
        Notification.channel == channel,
        Notification.sent_at.is_(None),
        Notification.attempts < MAX_ATTEMPTS,
        or_(Notification.available_at.is_(None), Notification.available_at <= now),
    ]
    if user_id is not None:
        conditions.append(Notification.user_id == user_id)
    return conditions


def claim_notifications(
    session: Session,
    *,
    channel: str,
    limit: int,
    user_id: str | None = None,
    lease: timedelta = CLAIM_LEASE,
    now: datetime | None = None,
) -> list[ClaimedNotification]:
    """Claim up to `limit` due rows of `channel` (of one user when given), oldest first.

    The claim takes effect when the session commits; send only after that. Rows claimed by
    another caller whose lease has not ended are skipped, never waited for.
    """
    if limit < 1:
        return []
    now = now or clock.now()
    token = secrets.token_hex(16)
    due = due_conditions(channel, now, user_id)
    claim: dict[str, Any] = {"available_at": now + lease, "claim_token": token}
    picked = select(Notification.id).where(*due).order_by(Notification.id).limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        picked = picked.with_for_update(skip_locked=True)  # rows others hold are passed over
    ids = list(session.scalars(picked))
    if not ids:
        return []  # nothing due: no write (on SQLite, no write lock for a chat turn's check)
    session.execute(
        update(Notification)
        .where(Notification.id.in_(ids), *due)  # SQLite: still due once the write lock is ours
        .values(**claim)
        .execution_options(synchronize_session=False)
    )
    rows = session.execute(
        select(
            Notification.id,
            Notification.channel,
            Notification.user_id,
            Notification.text,
            Notification.attempts,
        )
        .where(Notification.claim_token == token)
        .order_by(Notification.id)
    ).all()
    return [ClaimedNotification(*row, token=token) for row in rows]


def finish_notification(
    session: Session,
    claim: ClaimedNotification,
    *,
    sent: bool,
    retry_in: timedelta | None = None,
    now: datetime | None = None,
) -> bool:
    """Record one attempt of a claimed row; False when the claim was lost (lease ended and the
    row was claimed again), in which case nothing is changed.

    `sent`: stamped as delivered. Not sent: due again after `retry_in`; without `retry_in`
    (a refusal retrying cannot fix) or at the last attempt, given up for good.
    """
    now = now or clock.now()
    values: dict[str, Any] = {"claim_token": None, "attempts": Notification.attempts + 1}
    if sent:
        values |= {"sent_at": now, "available_at": None}
    elif retry_in is None:
        values |= {"attempts": MAX_ATTEMPTS, "available_at": None}
    else:
        values["available_at"] = now + retry_in
    result = session.execute(
        update(Notification)
        .where(Notification.id == claim.id, Notification.claim_token == claim.token)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0) == 1


def release_notifications(session: Session, claims: list[ClaimedNotification]) -> None:
    """Hand claimed rows back unsent and without counting an attempt (shutting down)."""
    for claim in claims:
        session.execute(
            update(Notification)
            .where(Notification.id == claim.id, Notification.claim_token == claim.token)
            .values(claim_token=None, available_at=None)
            .execution_options(synchronize_session=False)
        )


def take_user_notifications(session: Session, *, channel: str, user_id: str) -> list[str]:
    """Every due message for one user, marked delivered in this transaction (oldest first).

    For channels without push, whose response carries the messages: two concurrent callers
    (two polls, or a poll and a chat message) never both return the same message.
    """
    claims = claim_notifications(session, channel=channel, user_id=user_id, limit=100)
    for claim in claims:
        finish_notification(session, claim, sent=True)
    return [claim.text for claim in claims]
