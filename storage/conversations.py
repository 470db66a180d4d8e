"""Conversations (engine state with optimistic versioning) and their message transcripts."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from core import clock
from storage.direct import Prebuilt
from storage.models import Conversation, Message
from storage.transcript import add_messages as add_messages  # the turn's transcript INSERT


def get_or_create_conversation(session: Session, *, channel: str, user_id: str) -> Conversation:
    """The conversation of this channel user, created when missing (safe under races)."""
    found = get_conversation(session, channel=channel, user_id=user_id)
    if found is not None:
        return found
    module = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(
        module.insert(Conversation)
        .values(channel=channel, user_id=user_id, state={}, version=0)
        .on_conflict_do_nothing(index_elements=[Conversation.channel, Conversation.user_id])
    )
    created = get_conversation(session, channel=channel, user_id=user_id)
    assert created is not None  # inserted now, or by a concurrent writer
    return created


CONVERSATIONS = cast(Table, Conversation.__table__)
MESSAGES = cast(Table, Message.__table__)


def insert_conversation_statement(module: Any) -> Any:
    """INSERT … ON CONFLICT (channel, user_id) DO NOTHING RETURNING id in `module`'s dialect
    (parameters: channel, user_id, state, stamp), built once per dialect."""
    stamp = bindparam("stamp", type_=CONVERSATIONS.c.created_at.type)
    return (
        module.insert(CONVERSATIONS)
        .values(
            channel=bindparam("channel"),
            user_id=bindparam("user_id"),
            state=bindparam("state", type_=CONVERSATIONS.c.state.type),
            version=1,
            created_at=stamp,
            updated_at=stamp,
        )
        .on_conflict_do_nothing(index_elements=[CONVERSATIONS.c.channel, CONVERSATIONS.c.user_id])
        .returning(CONVERSATIONS.c.id)
    )


INSERT_CONVERSATION = {
    "postgresql": Prebuilt(insert_conversation_statement(postgresql)),
    "sqlite": Prebuilt(insert_conversation_statement(sqlite)),
}  # run on the DBAPI cursor (storage.direct), like SAVE_STATE and the transcript INSERT


def _connection(session: Session | Connection) -> Connection:
    """The connection a Core statement goes out on: the session's, or the one given (a turn's
    write transaction, `storage.db.Database.writing`)."""
    return session.connection() if isinstance(session, Session) else session


def insert_conversation(
    session: Session | Connection, *, channel: str, user_id: str, state: dict[str, Any]
) -> int | None:
    """Create the conversation of this channel user with its first turn's `state` (version 1,
    as if created and saved once); its id, or None when a concurrent writer created it first
    (nothing written: the caller reads it and decides the turn again). Core, on the session's
    connection: a prebuilt statement, no ORM bulk-insert layer."""
    connection = _connection(session)
    statement = INSERT_CONVERSATION[
        "postgresql" if connection.dialect.name == "postgresql" else "sqlite"
    ]
    params = {"channel": channel, "user_id": user_id, "state": state, "stamp": clock.now()}
    created = statement.rows(connection, params)
    return int(created[0][0]) if created else None


def save_state_statement() -> Any:
    """UPDATE of a conversation's state at the expected version (parameters conversation_id,
    expected_version, new_state, new_version, stamp); also the first part of a plain turn's
    one statement (storage.turn_write)."""
    return (
        update(CONVERSATIONS)
        .where(
            CONVERSATIONS.c.id == bindparam("conversation_id"),
            CONVERSATIONS.c.version == bindparam("expected_version"),
        )
        .values(
            state=bindparam("new_state"),
            version=bindparam("new_version"),
            updated_at=bindparam("stamp"),
        )
    )


SAVE_STATE = Prebuilt(save_state_statement())  # built once: a turn pays no statement construction


def save_state(
    session: Session | Connection,
    *,
    conversation_id: int,
    state: dict[str, Any],
    expected_version: int,
) -> bool:
    """Store the new state only if nobody changed it since `expected_version` was read.

    Sent on the session's connection (Core: objects already loaded in this session are not
    refreshed)."""
    changed = SAVE_STATE.rowcount(
        _connection(session),
        {
            "conversation_id": conversation_id,
            "expected_version": expected_version,
            "new_state": state,
            "new_version": expected_version + 1,
            "stamp": clock.now(),
        },
    )
    return changed == 1


def add_message(
    session: Session,
    *,
    conversation_id: int,
    direction: str,
    text: str,
    intent: str | None = None,
    in_scope: bool | None = None,
    top_score: float | None = None,
    citations: list[dict[str, Any]] | None = None,
    buttons: list[dict[str, str]] | None = None,
) -> Message:
    """Append one transcript message ("in" from the user, "out" from the bot); `buttons`: the
    buttons shown with a bot message, [{"label", "value"}] (a press arrives as the value)."""
    message = Message(
        conversation_id=conversation_id,
        direction=direction,
        text=text,
        intent=intent[:32] if intent else None,
        in_scope=in_scope,
        top_score=top_score,
        citations=citations or [],
        buttons=buttons,
    )
    session.add(message)
    session.flush()
    return message


def set_feedback(
    session: Session,
    *,
    conversation_id: int,
    message_id: int,
    value: int,
    intents: Collection[str] | None = None,
) -> bool:
    """Record +1/-1 on one of this conversation's bot messages; False when it is not one (or,
    with `intents`, when the message's transcript intent is not one of them)."""
    message = session.get(Message, message_id)
    if message is None or message.conversation_id != conversation_id or message.direction != "out":
        return False
    if intents is not None and message.intent not in intents:
        return False
    message.feedback = 1 if value > 0 else -1
    return True


def list_messages(session: Session, *, conversation_id: int) -> list[Message]:
    """A conversation's transcript, oldest first."""
    query = select(Message).where(Message.conversation_id == conversation_id).order_by(Message.id)
    return list(session.scalars(query))


def get_conversation(session: Session, *, channel: str, user_id: str) -> Conversation | None:
    """The conversation of this channel user, if any."""
    query = select(Conversation).where(
        Conversation.channel == channel, Conversation.user_id == user_id
    )
    return session.scalars(query).first()


def recent_turns(
    session: Session, *, channel: str, user_id: str, limit: int
) -> list[tuple[str, str]]:
    """The last `limit` transcript messages of this channel user, oldest first.

    Returns (direction, text) pairs, direction "in" (the user) or "out" (the bot); [] when
    the user has no conversation yet. Used to give the LLM the last few turns.
    """
    conversation = get_conversation(session, channel=channel, user_id=user_id)
    if conversation is None or limit <= 0:
        return []
    query = (
        select(Message.direction, Message.text)
        .where(Message.conversation_id == conversation.id)
        .order_by(Message.id.desc())
        .limit(limit)
    )
    return [(direction, text) for direction, text in reversed(session.execute(query).all())]


FORM_DISCARDED = "（未提交的融资需求登记内容已删除）"


def redact_messages_since(session: Session, *, conversation_id: int, since: datetime) -> int:
    """Replace the text of a conversation's messages written at or after `since` (a form the
    owner refused or cancelled: nothing it collected is kept); returns the number changed."""
    result = session.execute(
        update(Message)
        .where(Message.conversation_id == conversation_id, Message.created_at >= since)
        .values(text=FORM_DISCARDED, citations=[], buttons=None)
    )
    return int(getattr(result, "rowcount", 0) or 0)
