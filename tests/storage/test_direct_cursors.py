"""Prebuilt statements (storage.direct) reuse one cursor per statement and pooled connection,
drop it after a driver error, and start over on a connection opened anew."""

from __future__ import annotations

import pytest
from sqlalchemy import insert, literal_column, select
from sqlalchemy.exc import DBAPIError, IntegrityError

from core import clock
from storage.conversations import insert_conversation, save_state
from storage.db import Database
from storage.direct import CURSORS, Prebuilt
from storage.models import Conversation
from storage.turn_start import read_turn_start

SUM = Prebuilt(select(literal_column("1") + literal_column("2")))


def test_a_statement_reuses_its_cursor_on_the_same_connection(db: Database) -> None:
    db.engine.pool.dispose()  # one pooled connection from here on (tests run serially)
    with db.engine.connect() as connection:
        first = SUM.execute(connection, {})
        assert first.fetchall()[0][0] == 3
        assert SUM.execute(connection, {}) is first  # the same cursor, results fresh
        assert SUM.rows(connection, {}) == [(3,)]
        assert connection.connection.info[CURSORS][SUM.compiled(connection.dialect).sql] is first


@pytest.mark.parametrize("turns", [1, 3])
def test_turns_on_reused_cursors_read_and_write_as_before(db: Database, turns: int) -> None:
    for n in range(turns):
        with db.reading() as connection:
            start = read_turn_start(connection, channel="web", user_id="u", ended_key="k")
        assert start.version == n
        with db.writing() as (connection, _session):
            if start.conversation_id is None:
                assert insert_conversation(connection, channel="web", user_id="u", state={"n": n})
            else:
                assert save_state(
                    connection,
                    conversation_id=start.conversation_id,
                    state={"n": n},
                    expected_version=start.version,
                )
    with db.reading() as connection:
        final = read_turn_start(connection, channel="web", user_id="u")
    assert final.state == {"n": turns - 1} and final.version == turns


def test_a_driver_error_drops_the_cursor_and_the_next_statement_works(db: Database) -> None:
    with db.writing() as (connection, _session):
        assert insert_conversation(connection, channel="web", user_id="x", state={}) is not None
    bad = Prebuilt(select(literal_column("1")).where(literal_column("no_such_column") == 1))
    now = clock.now()
    row = {"channel": "web", "user_id": "x", "state": {}, "version": 0}
    duplicate = Prebuilt(insert(Conversation).values(**row, created_at=now, updated_at=now))
    with db.engine.connect() as connection:
        cursors = connection.connection.info.setdefault(CURSORS, {})
        with pytest.raises(DBAPIError), connection.begin():  # rolled back
            bad.rows(connection, {})
        with pytest.raises(IntegrityError), connection.begin():
            duplicate.rowcount(connection, {})  # (channel, user_id) is unique
        for statement in (bad, duplicate):
            assert statement.compiled(connection.dialect).sql not in cursors
        assert SUM.rows(connection, {}) == [(3,)]
        assert read_turn_start(connection, channel="web", user_id="x").conversation_id


def test_a_connection_opened_anew_has_no_cursors(db: Database) -> None:
    with db.reading() as connection:
        SUM.rows(connection, {})
        connection.invalidate()  # closed: SQLAlchemy clears the pooled connection's info
    with db.reading() as connection:
        assert CURSORS not in connection.connection.info
        assert SUM.rows(connection, {}) == [(3,)]
