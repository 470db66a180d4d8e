"""Back-office sessions kept on the server: start, look up, revoke.

The browser holds only a random token (inside the signed cookie); the database keeps its
SHA-256, so a copied cookie stops working as soon as the session row is revoked.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from core import clock
from storage.models import StaffSession, StaffUser

SESSION_HOURS = 8
KEEP_DAYS = 30  # ended sessions are kept this long after expiry (who was signed in when)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_staff_session(
    session: Session, *, user: StaffUser, ip: str | None = None, now: datetime | None = None
) -> str:
    """Open a session for `user`, valid SESSION_HOURS; returns the token for the cookie.

    Rows that expired more than KEEP_DAYS ago are deleted on the way, so the table stays small.
    """
    now = now or clock.now()
    session.execute(
        delete(StaffSession).where(StaffSession.expires_at < now - timedelta(days=KEEP_DAYS))
    )
    token = secrets.token_urlsafe(32)
    session.add(
        StaffSession(
            user_id=user.id,
            token_hash=_digest(token),
            created_at=now,
            expires_at=now + timedelta(hours=SESSION_HOURS),
            ip=ip,
        )
    )
    session.flush()
    return token


def find_staff_session(
    session: Session, *, token: str, now: datetime | None = None
) -> tuple[StaffSession, StaffUser] | None:
    """The live session of this token and its enabled account, or None.

    None when the token is unknown, revoked, expired, or its account is disabled.
    """
    if not token:
        return None
    now = now or clock.now()
    row = session.scalar(select(StaffSession).where(StaffSession.token_hash == _digest(token)))
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        return None
    user = session.get(StaffUser, row.user_id)
    if user is None or user.disabled:
        return None
    return row, user


def revoke_staff_session(session: Session, *, token: str) -> None:
    """End the session of this token (logout); unknown tokens are ignored."""
    session.execute(
        update(StaffSession)
        .where(StaffSession.token_hash == _digest(token), StaffSession.revoked_at.is_(None))
        .values(revoked_at=clock.now())
    )


def revoke_user_sessions(session: Session, *, user_id: int) -> int:
    """End every open session of an account; returns how many were open."""
    result = session.execute(
        update(StaffSession)
        .where(StaffSession.user_id == user_id, StaffSession.revoked_at.is_(None))
        .values(revoked_at=clock.now())
    )
    return int(getattr(result, "rowcount", 0) or 0)


def count_open_sessions(session: Session, *, now: datetime | None = None) -> dict[int, int]:
    """Open (not revoked, not expired) sessions per account id."""
    now = now or clock.now()
    rows = session.scalars(select(StaffSession).where(StaffSession.revoked_at.is_(None)))
    counts: dict[int, int] = {}
    for row in rows:
        if row.expires_at > now:
            counts[row.user_id] = counts.get(row.user_id, 0) + 1
    return counts
