"""Per-turn context of the LLM layer, carried in context variables (set by engine and channels).

The engine is synchronous and channel-agnostic; a channel that can show text as it is produced
installs a `StreamSink` around its engine call, and the engine opens a `conversation_scope` so
the LLM layer can read the last turns of this conversation from the database; `bot.dialogue`
opens a `reading_scope` with how the offline reader read the message (for the question rewrite).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from storage.db import Database


class StreamSink(Protocol):
    """Receives an answer as it is produced (called from the engine's worker thread)."""

    def delta(self, text: str) -> None:
        """A piece of answer text that passed the grounding check (append it)."""

    def abort(self) -> None:
        """The pieces sent so far are withdrawn; the final message replaces them."""


@dataclass(frozen=True)
class ConversationRef:
    """Which conversation a turn belongs to, and the database holding its transcript."""

    db: Database
    channel: str
    user_id: str


@dataclass(frozen=True)
class TurnReading:
    """How the offline reader (bot.reading) read the turn's message.

    message: the owner's words; resolved: the self-contained question(s) answered offline;
    subject: the words naming the conversation's focus before the message ("" for none);
    referent: the doc id a follow-up was completed with (None when read on its own);
    move: new | continue | return | switch | small_talk.
    """

    message: str
    resolved: str
    subject: str = ""
    referent: str | None = None
    move: str = "new"


_SINK: ContextVar[StreamSink | None] = ContextVar("policybot_stream_sink", default=None)
_CONVERSATION: ContextVar[ConversationRef | None] = ContextVar(
    "policybot_conversation", default=None
)
_READING: ContextVar[TurnReading | None] = ContextVar("policybot_turn_reading", default=None)


@contextmanager
def streaming_to(sink: StreamSink | None) -> Iterator[None]:
    """Send answer text produced inside this block to `sink` as it is produced."""
    token = _SINK.set(sink)
    try:
        yield
    finally:
        _SINK.reset(token)


@contextmanager
def conversation_scope(db: Database, channel: str, user_id: str) -> Iterator[None]:
    """Mark the block as one turn of this channel user's conversation."""
    token = _CONVERSATION.set(ConversationRef(db, channel, user_id))
    try:
        yield
    finally:
        _CONVERSATION.reset(token)


@contextmanager
def reading_scope(reading: TurnReading | None) -> Iterator[None]:
    """Mark the block as answering a message read as `reading`."""
    token = _READING.set(reading)
    try:
        yield
    finally:
        _READING.reset(token)


def current_reading() -> TurnReading | None:
    """The reading of the running turn's message, or None (e.g. `policybot ask`)."""
    return _READING.get()


def current_sink() -> StreamSink | None:
    """The sink installed by the channel, or None (the answer is sent when complete)."""
    return _SINK.get()


def current_conversation() -> ConversationRef | None:
    """The conversation of the running turn, or None (e.g. `policybot ask`)."""
    return _CONVERSATION.get()


def llm_enabled(engine: Any) -> bool:
    """Whether the engine's answerer runs in LLM mode (so answers may stream)."""
    answerer = getattr(engine, "answerer", None)
    return getattr(answerer, "llm", None) is not None


class LoopSink:
    """A StreamSink handing pieces from the engine's worker thread to an asyncio loop's queue
    (`("delta", text)` and `("abort", "")` items), for channels that stream."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()

    def delta(self, text: str) -> None:
        """Worker thread: a checked piece of the answer."""
        self.loop.call_soon_threadsafe(self.queue.put_nowait, ("delta", text))

    def abort(self) -> None:
        """Worker thread: the pieces sent are withdrawn."""
        self.loop.call_soon_threadsafe(self.queue.put_nowait, ("abort", ""))
