"""A chat turn's reads and writes: the prebuilt conversation insert, the read connection (no
transaction on the server for one SELECT on PostgreSQL), and a pool that keeps its connections."""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any

import pytest
from sqlalchemy import event, select

from core import clock
from storage.conversations import add_messages, insert_conversation, save_state
from storage.db import Database
from storage.models import Conversation
from storage.turn_start import TURN_START_PREBUILT, read_turn_start
from web.chat_turn import PG_ENGINE_THREADS

STATES = [{}, {"topic": "续贷", "misses": 0}, {"context": {"mentioned": ["a", "b"]}, "hints": {}}]


@pytest.mark.parametrize("state", STATES, ids=["empty", "flat", "nested"])
def test_insert_conversation_creates_version_one_with_the_state(
    db: Database, state: dict[str, Any]
) -> None:
    with db.session() as session:
        created = insert_conversation(session, channel="web", user_id="new", state=state)
    with db.session() as session:
        row = session.scalars(select(Conversation)).one()
    assert created == row.id and row.version == 1 and row.state == state
    assert row.created_at == row.updated_at


def test_insert_conversation_returns_none_when_it_exists(db: Database) -> None:
    with db.session() as session:
        first = insert_conversation(session, channel="web", user_id="u", state={"a": 1})
    with db.session() as session:
        again = insert_conversation(session, channel="web", user_id="u", state={"b": 2})
        other = insert_conversation(session, channel="telegram", user_id="u", state={})
    with db.session() as session:
        kept = session.get(Conversation, first)
    assert again is None and other not in (None, first)
    assert kept is not None and kept.state == {"a": 1} and kept.version == 1


@pytest.mark.parametrize("saves", [0, 1, 3])
def test_reading_connection_sees_the_committed_turn(db: Database, saves: int) -> None:
    with db.session() as session:
        created = insert_conversation(session, channel="web", user_id="r", state={"n": 0})
    assert created is not None
    for version in range(1, saves + 1):
        with db.session() as session:
            save_state(
                session, conversation_id=created, state={"n": version}, expected_version=version
            )
    with db.reading() as connection:
        start = read_turn_start(connection, channel="web", user_id="r", ended_key="none")
    assert (start.conversation_id, start.version, start.state) == (created, saves + 1, {"n": saves})
    assert start.last_active is not None and not start.ended and not start.notices_due


def _server_transaction_open(connection: Any) -> bool:
    """Whether the DBAPI connection is inside a transaction after its last statement."""
    dbapi = connection.connection.dbapi_connection
    info = getattr(dbapi, "info", None)  # psycopg: the server's transaction status
    if info is not None:
        return str(info.transaction_status.name) != "IDLE"
    return bool(dbapi.in_transaction)  # sqlite3


def test_reading_leaves_no_transaction_open_unlike_a_session(db: Database) -> None:
    """On PostgreSQL the read is autocommit: no BEGIN before it, no COMMIT after it."""
    with db.reading() as connection:
        read_turn_start(connection, channel="web", user_id="nobody")
        assert not _server_transaction_open(connection)
    with db.session() as session:
        read_turn_start(session, channel="web", user_id="nobody")
        # A session's read holds a transaction on PostgreSQL (SQLite opens none for a SELECT).
        assert _server_transaction_open(session.connection()) is not db.is_sqlite


def test_pool_keeps_as_many_connections_as_turns_hold_at_once(db: Database) -> None:
    """Returned connections stay open for the next requests: none is closed and opened again
    while a worker's chat turns and as many other requests hold one each."""
    if db.is_sqlite:
        pytest.skip("PostgreSQL pool")
    opened: list[object] = []
    event.listen(db.engine, "connect", lambda *_: opened.append(object()))
    db.engine.dispose()  # count from an empty pool
    at_once = 2 * PG_ENGINE_THREADS
    for _ in range(3):
        with ExitStack() as held:
            for _ in range(at_once):
                held.enter_context(db.reading()).exec_driver_sql("SELECT 1")
    assert len(opened) == at_once


def test_turn_start_reads_the_newest_message_time_from_the_conversation_index(
    db: Database,
) -> None:
    """The newest message time of the visitor's conversation comes from one entry of
    `ix_messages_conversation_created`, not from a walk over every newer message of other
    conversations (PostgreSQL walked `ix_messages_created_at` backwards, filtering by
    conversation; SQLite read each of the conversation's rows)."""
    with db.session() as session:
        quiet = insert_conversation(session, channel="web", user_id="quiet", state={})
        busy = insert_conversation(session, channel="web", user_id="busy", state={})
    assert quiet is not None and busy is not None
    with db.writing() as (connection, _session):
        add_messages(connection, conversation_id=quiet, rows=[{"direction": "in", "text": "早"}])
        for first in range(0, 600, 200):  # the other conversation's newer messages
            rows = [{"direction": "in", "text": f"问{i}"} for i in range(first, first + 200)]
            add_messages(connection, conversation_id=busy, rows=rows)
    # many conversations, as in service: the planner's estimate of one conversation's rows is
    # then small (with two conversations it is half the table, and a walk looks cheap)
    with db.session() as session:
        others = [
            insert_conversation(session, channel="web", user_id=f"other{n}", state={})
            for n in range(150)
        ]
    with db.writing() as (connection, _session):
        for other in others:
            assert other is not None
            rows = [{"direction": "in", "text": "好"}, {"direction": "out", "text": "嗯"}]
            add_messages(connection, conversation_id=other, rows=rows)
    with db.reading() as connection:
        compiled = TURN_START_PREBUILT.compiled(connection.dialect)
        params: dict[str, object] = {"channel": "web", "user_id": "quiet", "ended_key": ""}
        params |= {"inbox": "web", "now": clock.now()}
        if not db.is_sqlite:
            connection.exec_driver_sql("ANALYZE messages")
        explain = ("EXPLAIN QUERY PLAN " if db.is_sqlite else "EXPLAIN ") + compiled.sql
        bound = compiled.parameters(params)  # SQLite: positional, PostgreSQL: named
        found = connection.exec_driver_sql(
            explain, bound if isinstance(bound, dict) else tuple(bound)
        )
        plan = "\n".join(str(row[-1]) for row in found)
        assert "ix_messages_conversation_created" in plan, plan
        turn = read_turn_start(connection, channel="web", user_id="quiet")
    assert turn.conversation_id == quiet and turn.last_active is not None
