"""What a chat turn reads before answering, in one statement: the conversation (id, state,
version), when it was last active, whether its web session was ended, whether messages wait.

`load_turn_start(db, channel=, user_id=, ended_key=None, inbox=None)` is the one read of every
channel's turn (`bot.engine.Engine.start`): no ORM session and, on PostgreSQL, no BEGIN/COMMIT
— one round trip. A turn then writes once (`bot.engine.saving`: on PostgreSQL a plain turn is
one statement, `storage.turn_write`); the answer is computed between the read and the write,
holding no transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, Connection, bindparam, exists, func, select, true
from sqlalchemy.orm import Session

from core import clock
from storage.db import Database
from storage.direct import Prebuilt
from storage.models import Conversation, Message, ProcessedMessage
from storage.notifications import due_conditions
from storage.types import UtcDateTime


@dataclass(frozen=True)
class TurnStart:
    """A conversation as a turn finds it.

    `conversation_id` None: the user has no conversation yet (`state` {} and `version` 0; the
    turn's write creates it). `last_active`: the newest transcript message's time, else the
    conversation's `updated_at` (aware UTC; None without a conversation). `ended`: a
    `processed_messages` row with the ended key exists (False when no key was asked about).
    `notices_due`: the outbox holds due messages for this user on the turn's inbox channel
    (`bot.handoff.flow.turn_inbox`: the web's notices, WeChat's held replies).
    `state` is the caller's own copy (freshly decoded from the row).
    """

    conversation_id: int | None = None
    state: dict[str, Any] = field(default_factory=dict)
    version: int = 0
    last_active: datetime | None = None
    ended: bool = False
    notices_due: bool = False


def _turn_start_query() -> Any:
    """The statement, built once (parameters: channel, user_id, ended_key, inbox, now): the
    flags left-joined with the conversation row and its newest message time (`messages`
    indexed by conversation), so a turn pays no statement construction."""
    channel: BindParameter[Any] = bindparam("channel")
    user_id: BindParameter[Any] = bindparam("user_id")
    now: BindParameter[Any] = bindparam("now", type_=UtcDateTime())
    flags = select(
        exists().where(ProcessedMessage.key == bindparam("ended_key")).label("ended"),
        exists().where(*due_conditions(bindparam("inbox"), now, user_id)).label("due"),
    ).subquery("flags")
    newest = (
        select(func.max(Message.created_at))
        .where(Message.conversation_id == Conversation.id)
        .scalar_subquery()
    )
    row = select(
        Conversation.id,
        Conversation.state,
        Conversation.version,
        Conversation.updated_at,
        newest.label("newest"),
    ).where(Conversation.channel == channel, Conversation.user_id == user_id)
    conversation = row.subquery("conversation")
    return select(flags, conversation).select_from(flags.outerjoin(conversation, true()))


TURN_START = _turn_start_query()
TURN_START_PREBUILT = Prebuilt(TURN_START)  # run on the DBAPI cursor: storage.direct


def read_turn_start(
    session: Session | Connection,
    *,
    channel: str,
    user_id: str,
    ended_key: str | None = None,
    inbox: str | None = None,
    now: datetime | None = None,
) -> TurnStart:
    """One SELECT (`TURN_START`, Core: on the session's connection, or on a connection such as
    `Database.reading()`) as of `now` (default: the clock); `ended_key` None asks about no
    key; `notices_due` is asked of the outbox channel `inbox` (default: `channel`)."""
    params = {
        "channel": channel,
        "user_id": user_id,
        "ended_key": ended_key or "",  # no processed_messages key is empty
        "inbox": inbox or channel,
        "now": now or clock.now(),
    }
    connection = session.connection() if isinstance(session, Session) else session
    (ended, due, found_id, state, version, updated_at, newest) = TURN_START_PREBUILT.rows(
        connection, params
    )[0]
    if found_id is None:
        return TurnStart(ended=bool(ended), notices_due=bool(due))
    last = newest if newest is not None else updated_at
    return TurnStart(
        conversation_id=found_id,
        state=dict(state or {}),
        version=version,
        last_active=clock.to_utc(last) if last is not None else None,
        ended=bool(ended),
        notices_due=bool(due),
    )


def load_turn_start(
    db: Database,
    *,
    channel: str,
    user_id: str,
    ended_key: str | None = None,
    inbox: str | None = None,
) -> TurnStart:
    """`read_turn_start` on a read connection of its own (`Database.reading()`: autocommit on
    PostgreSQL, so the read is its one statement and nothing else)."""
    with db.reading() as connection:
        return read_turn_start(
            connection, channel=channel, user_id=user_id, ended_key=ended_key, inbox=inbox
        )
