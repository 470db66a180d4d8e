"""Widget sessions end: on the owner's request (结束会话) or after WEB_SESSION_IDLE_MINUTES idle.

A web session is the `session_id` the widget keeps in the browser (channel "web", the engine's
user id), issued and signed by the server (web/session_ids.py): an id it did not issue is
treated exactly like a dead session below, so an invented or guessed id reads nothing of
anyone's. On a shared computer the next visitor must see nothing of the previous one, so a
session that was ended, or whose last message is older than the idle limit, is dead for good:
chat turns get a fresh `session_id` (the client drops what it showed), the inbox and feedback
answer as for an unknown session, and a web form names no session. Ended sessions are
remembered in `processed_messages` (key `web-session-ended:<id>`), shared by every instance.

Route: `POST /api/session/end` `{"session_id": str}` → `{"ended": true}` (also for unknown ids;
nothing is stored for an id the server did not issue).
"""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from bot.services import services
from core import clock
from core.settings import Settings
from storage.db import Database
from storage.models import ProcessedMessage
from storage.turn_start import TurnStart, load_turn_start
from web.schemas import SESSION_PATTERN
from web.session_ids import issue_session_id, session_id_issued

CHANNEL = "web"
ENDED_PREFIX = "web-session-ended:"
ENDED_STATUS = "web-ended"

router = APIRouter(prefix="/api")


def idle_limit(settings: Settings) -> timedelta:
    """WEB_SESSION_IDLE_MINUTES as a duration."""
    return timedelta(minutes=settings.web_session_idle_minutes)


def session_alive(db: Database, session_id: str, idle: timedelta) -> bool:
    """False when the session was ended or its last message is older than `idle`.

    A session with no conversation yet (a new visitor) is alive.
    """
    start = load_turn_start(
        db, channel=CHANNEL, user_id=session_id, ended_key=ended_key(session_id)
    )
    return start_alive(start, idle)


def ended_key(session_id: str) -> str:
    """The `processed_messages` key recording that the session was ended."""
    return ENDED_PREFIX + session_id


def start_alive(start: TurnStart, idle: timedelta) -> bool:
    """`session_alive` on an already read `TurnStart`."""
    if start.ended:
        return False
    if start.last_active is None:
        return True
    return clock.now() - start.last_active <= idle


def end_session(db: Database, session_id: str) -> None:
    """Mark the session ended (idempotent)."""
    try:
        with db.session() as session:
            session.add(ProcessedMessage(key=ended_key(session_id), status=ENDED_STATUS))
            session.flush()
    except IntegrityError:
        pass  # ended before


def issued(settings: Settings, session_id: str | None) -> bool:
    """True when the server issued `session_id` (any instance sharing SECRET_KEY)."""
    return session_id_issued(settings.session_secret, session_id)


def new_session_id(settings: Settings) -> str:
    """A new visitor's id, signed so that this deployment accepts it."""
    return issue_session_id(settings.session_secret)


async def live_session_id(request: Request, session_id: str | None) -> str | None:
    """`session_id` while it is one the server issued and the session is alive, else None (the
    caller starts a new one, or answers as for an unknown session)."""
    db, settings = services(request).db, services(request).settings
    if session_id is None or not issued(settings, session_id):
        return None
    alive = await run_in_threadpool(session_alive, db, session_id, idle_limit(settings))
    return session_id if alive else None


class EndIn(BaseModel):
    """The session to end."""

    session_id: str = Field(..., min_length=1, pattern=SESSION_PATTERN)


class EndOut(BaseModel):
    """The session is ended (nothing of it is shown again)."""

    ended: bool


@router.post("/session/end", response_model=EndOut, summary="End a widget session (结束会话)")
async def end(body: EndIn, request: Request) -> EndOut:
    """End the session: its conversation, progress and form answers are not shown again."""
    if issued(services(request).settings, body.session_id):
        await run_in_threadpool(end_session, services(request).db, body.session_id)
    return EndOut(ended=True)
