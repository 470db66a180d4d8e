"""`Database.writing()`: a turn's Core statements and the ORM writes of its rarer paths go out in
one transaction, committed together or rolled back together (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from storage.conversations import add_messages, insert_conversation, save_state
from storage.db import Database
from storage.models import Conversation, Message

ROWS = [
    [{"direction": "in", "text": "续代怎么办"}],
    [{"direction": "in", "text": "抵压贷款"}, {"direction": "out", "text": "答复", "intent": "x"}],
    [{"direction": "in", "text": "擔保費"}]
    + [{"direction": "out", "text": f"第{i}条"} for i in range(3)],
]


def counts(db: Database) -> tuple[int, int]:
    """(conversations, messages) stored."""
    with db.session() as session:
        conversations = session.scalar(select(func.count()).select_from(Conversation))
        messages = session.scalar(select(func.count()).select_from(Message))
    return int(conversations or 0), int(messages or 0)


@pytest.mark.parametrize("rows", ROWS, ids=["one", "two", "four"])
def test_core_and_orm_writes_commit_together(db: Database, rows: list[dict[str, str]]) -> None:
    with db.writing() as (connection, session):
        conversation_id = insert_conversation(connection, channel="web", user_id="u", state={})
        assert conversation_id is not None
        ids = add_messages(connection, conversation_id=conversation_id, rows=rows)
        session.get(Message, ids[-1]).feedback = 1  # type: ignore[union-attr]
    with db.session() as session:
        stored = session.scalars(select(Message).order_by(Message.id)).all()
        assert [m.text for m in stored] == [r["text"] for r in rows]
        assert [m.feedback for m in stored] == [None] * (len(rows) - 1) + [1]


@pytest.mark.parametrize("use_session", [False, True], ids=["core-only", "with-orm"])
def test_error_rolls_back_every_write(db: Database, use_session: bool) -> None:
    with db.session() as session:
        kept = insert_conversation(session, channel="web", user_id="kept", state={"n": 1})
    assert kept is not None
    with pytest.raises(RuntimeError), db.writing() as (connection, session):
        assert save_state(connection, conversation_id=kept, state={"n": 2}, expected_version=1)
        add_messages(connection, conversation_id=kept, rows=ROWS[1])
        if use_session:
            session.add(Conversation(channel="web", user_id="orm", state={}, version=0))
            session.flush()
        raise RuntimeError("the turn failed")
    assert counts(db) == (1, 0)
    with db.session() as session:
        found = session.get(Conversation, kept)
        assert found is not None and found.state == {"n": 1} and found.version == 1


@pytest.mark.parametrize("turns", [1, 3])
def test_unused_session_still_commits_core_writes(db: Database, turns: int) -> None:
    for turn in range(turns):
        with db.writing() as (connection, session):
            insert_conversation(connection, channel="web", user_id=f"u{turn}", state={"t": turn})
            assert not session.in_transaction()
    assert counts(db) == (turns, 0)
