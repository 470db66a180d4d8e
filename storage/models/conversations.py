"""Conversations and what passes through them: the transcript, handled channel
messages, answers shared on the web, and handoffs to a person."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, _now
from storage.types import UtcDateTime


class Conversation(Base):
    """One user's conversation on one channel; `state` holds the engine's state as JSON."""

    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("channel", "user_id", name="uq_conversation_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(128))
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now, onupdate=_now)


class Message(Base):
    """One message of a conversation transcript (in = from the user, out = from the bot)."""

    __tablename__ = "messages"
    # a conversation's messages in time order: its newest message time, read at the start of
    # every chat turn (storage/turn_start.py), is one index entry (migration 0013)
    __table_args__ = (Index("ix_messages_conversation_created", "conversation_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"))
    direction: Mapped[str] = mapped_column(String(3))
    text: Mapped[str] = mapped_column(Text)
    intent: Mapped[str | None] = mapped_column(String(32), default=None)
    in_scope: Mapped[bool | None] = mapped_column(Boolean, default=None)
    top_score: Mapped[float | None] = mapped_column(Float, default=None)
    citations: Mapped[list[Any]] = mapped_column(default=list)
    feedback: Mapped[int | None] = mapped_column(Integer, default=None)  # +1 / -1
    # Out messages: the buttons shown with it, [{"label", "value"}] (None before migration 0007),
    # so a transcript shows a pressed button's label where the message holds its value.
    buttons: Mapped[list[Any] | None] = mapped_column(JSON, default=None)
    # Bot answers: how the owner's message was read and declined, {"move": "continue"|"return"|
    # "switch"|"new", "refusal": scope family or "no_evidence"} (None before migration 0011).
    meta: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now, index=True)


class ProcessedMessage(Base):
    """Inbound channel messages already handled (WeChat retries), with the reply given."""

    __tablename__ = "processed_messages"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), default="processing")
    reply: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)


class SharedAnswer(Base):
    """A full answer reachable on the web at /a/{id} (for channels that must shorten)."""

    __tablename__ = "shared_answers"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    citations: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)


class Handoff(Base):
    """A conversation handed to a person (转人工): open until staff or the owner close it."""

    __tablename__ = "handoffs"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)  # open / closed
    reason: Mapped[str] = mapped_column(String(20), default="asked")  # asked / offer
    claimed_by: Mapped[str | None] = mapped_column(String(64), default=None)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    first_reply_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    last_user_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    closed_by: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now, index=True)
