"""One chat turn's work in a worker thread, and how many turns run at once: `chat_turn(engine,
body, idle)` (the session read, queued notices, the engine's turn), `engine_turn`,
`streaming_turn` (the answer streamed to a sink), `take_notices`, `engine_limiter(request)`,
`waiting_turn(engine, text)` (a message told to the retriever while it waits for its turn)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from anyio import CapacityLimiter
from fastapi import Request

from bot.answer_asks import question_tails
from bot.assessment import MAX_QUESTION_CHARS
from bot.conversation.form import form_in_client
from bot.engine import Engine
from bot.llm.context import llm_enabled, streaming_to
from bot.messages import OutMessage
from bot.notices import notice_message
from bot.services import services
from storage.db import Database
from storage.turn_start import TurnStart
from web.schemas import ChatIn
from web.sessions import ended_key, issued, new_session_id, start_alive

CHANNEL = "web"
SQLITE_ENGINE_THREADS = 1  # one writer per process: requests queue fairly, not in SQLite busy waits
# PostgreSQL: enough turns at once to overlap their round trips; more only contend for the GIL
# (a turn is CPU-bound between them) and for pooled connections (storage.db.PG_POOL_SIZE).
PG_ENGINE_THREADS = 8
LLM_ENGINE_THREADS = 32  # an LLM turn mostly waits for the model


def engine_threads(db: Database | None, llm: bool) -> int:
    """Threads allowed into the engine at once: LLM_ENGINE_THREADS in LLM mode (SQLite's single
    writer is no reason to queue turns that wait for the model), else SQLITE_ENGINE_THREADS or
    PG_ENGINE_THREADS."""
    if llm:
        return LLM_ENGINE_THREADS
    return SQLITE_ENGINE_THREADS if db is None or db.is_sqlite else PG_ENGINE_THREADS


def engine_limiter(request: Request) -> CapacityLimiter:
    """The process's limiter of engine threads (`engine_threads`), made on first use."""
    limiter: CapacityLimiter | None = services(request).engine_limiter
    if limiter is None:
        db = getattr(services(request), "db", None)
        engine = getattr(services(request), "engine", None)
        limiter = CapacityLimiter(engine_threads(db, llm_enabled(engine)))
        services(request).engine_limiter = limiter
    return limiter


@contextmanager
def waiting_turn(engine: Engine, text: str) -> Iterator[None]:
    """While the block runs (the message waits for the engine thread, then is answered), the
    retriever expects the message as a question (`Retriever.expect`): the next query vector
    computed alone may compute its vector in the same encoder call, identical to its own. Not
    a long message with bare tails: it is embedded with them in one batch (`embed_ahead`)."""
    retriever = getattr(getattr(engine, "answerer", None), "retriever", None)
    expect = getattr(retriever, "expect", None)
    question = text.strip()[:MAX_QUESTION_CHARS]
    if expect is None or not question or question_tails(question):
        yield
        return
    expect(question)
    try:
        yield
    finally:
        retriever.settle(question)  # type: ignore[union-attr]


def chat_turn(engine: Engine, body: ChatIn, idle: timedelta) -> tuple[str, list[OutMessage]]:
    """One chat turn in a worker thread, the turn of every channel (`Engine.handle`) with the
    web's checks between its load and its answer: the engine's one read (`Engine.start`: the
    conversation, and here also session alive? messages waiting?), the status changes queued
    for this visitor since last time when there are any, then the engine's turn on that start.
    A dead or missing session, or an id the server did not issue (web/session_ids.py), gets a
    new id (a new visitor: nothing to read)."""
    from storage.notifications import take_user_notifications

    session_id, start = body.session_id, TurnStart()
    if session_id and not issued(engine.settings, session_id):
        session_id = None  # invented or forged: never read, never written under
    if session_id:
        start = engine.start(CHANNEL, session_id, ended_key=ended_key(session_id))
        if not start_alive(start, idle):
            session_id, start = None, TurnStart()
    session_id = session_id or new_session_id(engine.settings)
    notices: list[str] = []
    if start.notices_due:
        with engine.db.session() as session:
            notices = take_user_notifications(session, channel=CHANNEL, user_id=session_id)
    replies = engine_turn(engine, body, session_id, start)
    return session_id, [notice_message(notice) for notice in notices] + replies


def engine_turn(
    engine: Engine, body: ChatIn, session_id: str, start: TurnStart | None = None
) -> list[OutMessage]:
    """One engine turn; a client with its own financing form (the widget) is told to open it.
    `start`: the conversation as just read (None: the engine reads it)."""
    extra = {} if start is None else {"start": start}
    if body.web_form:
        with form_in_client():
            return list(engine.handle(CHANNEL, session_id, body.text, **extra))
    return list(engine.handle(CHANNEL, session_id, body.text, **extra))


def take_notices(db: Database, session_id: str) -> list[str]:
    """Status changes queued for this visitor since their last message."""
    from storage.notifications import take_user_notifications

    with db.session() as session:
        return take_user_notifications(session, channel=CHANNEL, user_id=session_id)


def streaming_turn(
    engine: Engine, body: ChatIn, session_id: str, sink: Any
) -> list[dict[str, Any]]:
    """One engine turn with the answer's text streamed to `sink` (runs in a worker thread)."""
    with streaming_to(sink):
        return [m.to_dict() for m in engine_turn(engine, body, session_id)]
