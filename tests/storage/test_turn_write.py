"""A plain chat turn's one-statement write on PostgreSQL (`storage.turn_write`): the rows it
stores are the rows the transaction's statements store, ids come back in the rows' order, and
a stale version or a conversation created meanwhile writes nothing."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text

from storage.conversations import add_messages, insert_conversation, save_state
from storage.db import Database
from storage.turn_write import write_plain_turn

# Every shape a transcript row takes: the owner's message, answers with and without citations,
# buttons, meta, scores; None and empty values alike.
OWNER = [
    {"direction": "in", "text": "你好", "intent": None, "in_scope": None, "top_score": None},
    {"direction": "in", "text": "问题", "intent": "policy_question" * 3, "in_scope": True},
    {
        "direction": "in",
        "text": "别的",
        "intent": "out_of_scope",
        "in_scope": False,
        "top_score": 0.1,
    },
]
REPLIES = [
    {"direction": "out", "text": "答", "intent": "answer", "citations": [{"doc_id": "m-1"}]},
    {"direction": "out", "text": "按钮", "buttons": [{"label": "申请", "value": "申请"}]},
    {"direction": "out", "text": "读法", "meta": {"move": "new", "refusal": "no_evidence"}},
    {"direction": "out", "text": "空", "citations": [], "buttons": None, "meta": None},
]
COLUMNS = "direction, text, intent, in_scope, top_score, citations::text, buttons::text, meta::text"


@pytest.fixture
def pg(migrated_postgres_url: str) -> Iterator[Database]:
    """A migrated PostgreSQL database of its own."""
    db = Database(migrated_postgres_url)
    yield db
    db.dispose()


def stored(db: Database, ids: list[int]) -> list[tuple[Any, ...]]:
    """The rows as PostgreSQL holds them (JSON as its text), in the ids' order."""
    with db.reading() as connection:
        found = connection.execute(
            text(f"SELECT id, {COLUMNS} FROM messages WHERE id = ANY(:ids) ORDER BY id"),
            {"ids": ids},
        ).all()
    return [tuple(row[1:]) for row in found]


@pytest.mark.parametrize(
    "owner, replies",
    [
        (o, list(r))
        for o, n in zip(OWNER, (0, 1, 3), strict=True)
        for r in itertools.combinations(REPLIES, n)
    ],
)
def test_plain_write_stores_what_the_transaction_stores(
    pg: Database, owner: dict[str, Any], replies: list[dict[str, Any]]
) -> None:
    rows = [owner, *replies]
    with pg.writing() as (connection, _session):
        old_id = insert_conversation(connection, channel="web", user_id="old", state={})
        assert old_id is not None
        old = add_messages(connection, conversation_id=old_id, rows=rows)
    with pg.statement() as connection:
        found = write_plain_turn(
            connection,
            conversation_id=None,
            expected_version=0,
            channel="web",
            user_id="new",
            state={"k": [1, "二"]},
            rows=rows,
        )
    assert found is not None
    new_id, new = found
    assert len(new) == len(rows) and new == sorted(new)
    assert stored(pg, new) == stored(pg, old)
    with pg.reading() as connection:
        state, version, created, updated = connection.execute(
            text("SELECT state, version, created_at, updated_at FROM conversations WHERE id = :i"),
            {"i": new_id},
        ).one()
    assert (state, version) == ({"k": [1, "二"]}, 1) and created == updated


def test_plain_write_checks_the_version_and_the_conversation(pg: Database) -> None:
    row = {"direction": "in", "text": "你好"}
    kwargs: dict[str, Any] = {"channel": "web", "user_id": "u", "rows": [row, row]}
    with pg.statement() as connection:
        created = write_plain_turn(
            connection, conversation_id=None, expected_version=0, state={"n": 1}, **kwargs
        )
        assert created is not None
        conversation = created[0]
        # created meanwhile by another turn: nothing written, the engine decides again
        again = write_plain_turn(
            connection, conversation_id=None, expected_version=0, state={"n": 9}, **kwargs
        )
        assert again is None
        saved = write_plain_turn(
            connection, conversation_id=conversation, expected_version=1, state={"n": 2}, **kwargs
        )
        assert saved is not None and saved[0] == conversation
        stale = write_plain_turn(
            connection, conversation_id=conversation, expected_version=1, state={"n": 9}, **kwargs
        )
        assert stale is None
    with pg.session() as session:  # the transaction's path sees the same version
        assert not save_state(session, conversation_id=conversation, state={}, expected_version=1)
    with pg.reading() as connection:
        count = connection.execute(text("SELECT count(*) FROM messages")).scalar()
        state, version = connection.execute(
            text("SELECT state, version FROM conversations WHERE id = :i"), {"i": conversation}
        ).one()
    assert (count, state, version) == (4, {"n": 2}, 2)


def test_plain_write_needs_a_row(pg: Database) -> None:
    with pg.statement() as connection, pytest.raises(ValueError):
        write_plain_turn(
            connection,
            conversation_id=None,
            expected_version=0,
            channel="web",
            user_id="u",
            state={},
            rows=[],
        )
