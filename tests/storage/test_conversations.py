"""Tests of conversation storage: creation, optimistic state saves, transcript, feedback."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import func, select

from storage.conversations import (
    add_message,
    get_or_create_conversation,
    list_messages,
    save_state,
    set_feedback,
)
from storage.db import Database
from storage.models import Conversation


def test_get_or_create_conversation_returns_same_row(db: Database) -> None:
    with db.session() as session:
        first = get_or_create_conversation(session, channel="web", user_id="a")
    with db.session() as session:
        again = get_or_create_conversation(session, channel="web", user_id="a")
        other = get_or_create_conversation(session, channel="telegram", user_id="a")
    assert again.id == first.id and other.id != first.id and again.version == 0


def test_get_or_create_conversation_under_concurrent_first_messages(db: Database) -> None:
    def create(_: int) -> int:
        with db.session() as session:
            return get_or_create_conversation(session, channel="web", user_id="same").id

    with ThreadPoolExecutor(max_workers=10) as pool:
        ids = set(pool.map(create, range(10)))
    assert len(ids) == 1
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Conversation)) == 1


def test_save_state_rejects_stale_version(db: Database) -> None:
    with db.session() as session:
        conversation_id = get_or_create_conversation(session, channel="web", user_id="a").id
    with db.session() as session:
        assert save_state(
            session, conversation_id=conversation_id, state={"step": 1}, expected_version=0
        )
    with db.session() as session:
        assert not save_state(
            session, conversation_id=conversation_id, state={"step": 2}, expected_version=0
        )
    with db.session() as session:
        stored = session.get(Conversation, conversation_id)
        assert stored is not None and stored.state == {"step": 1} and stored.version == 1


def test_set_feedback_only_on_own_bot_messages(db: Database) -> None:
    with db.session() as session:
        mine = get_or_create_conversation(session, channel="web", user_id="a").id
        theirs = get_or_create_conversation(session, channel="web", user_id="b").id
        question = add_message(session, conversation_id=mine, direction="in", text="问")
        answer = add_message(
            session,
            conversation_id=mine,
            direction="out",
            text="答",
            intent="policy_question",
            in_scope=True,
            top_score=0.5,
            citations=[{"doc_id": "measure-6", "article": 6}],
        )
    with db.session() as session:
        assert set_feedback(session, conversation_id=mine, message_id=answer.id, value=-1)
        assert not set_feedback(session, conversation_id=mine, message_id=question.id, value=1)
        assert not set_feedback(session, conversation_id=theirs, message_id=answer.id, value=1)
        assert not set_feedback(session, conversation_id=mine, message_id=999999, value=1)
    with db.session() as session:
        transcript = list_messages(session, conversation_id=mine)
        assert [(m.direction, m.feedback) for m in transcript] == [("in", None), ("out", -1)]
        assert transcript[1].citations[0]["article"] == 6


def test_add_messages_returns_ids_in_the_order_given(db: Database) -> None:
    from storage.conversations import add_messages
    from storage.models import Message

    rows: list[dict[str, Any]] = [
        {"direction": "in", "text": "续贷要什么材料", "intent": "policy_question"},
        {"direction": "out", "text": "甲", "intent": None, "citations": [{"doc_id": "m-6"}]},
        {"direction": "out", "text": "乙", "in_scope": True, "top_score": 0.5, "buttons": []},
        {"direction": "out", "text": "丙", "buttons": [{"label": "是", "value": "y"}]},
    ]
    with db.session() as session:
        conversation = get_or_create_conversation(session, channel="web", user_id="s1")
        ids = add_messages(session, conversation_id=conversation.id, rows=rows)
        stored = {m.id: m for m in session.scalars(select(Message))}
    assert len(set(ids)) == 4
    assert [stored[i].text for i in ids] == ["续贷要什么材料", "甲", "乙", "丙"]
    assert [stored[i].direction for i in ids] == ["in", "out", "out", "out"]
    assert stored[ids[1]].citations == [{"doc_id": "m-6"}] and stored[ids[0]].citations == []
    assert stored[ids[3]].buttons == [{"label": "是", "value": "y"}]
    assert all(m.created_at is not None for m in stored.values())


def test_add_messages_writes_a_question_turn_in_one_statement(db: Database) -> None:
    from sqlalchemy import event

    from storage.conversations import add_messages
    from storage.direct import STATEMENT_LISTENERS

    common = {"intent": "policy_question", "in_scope": True, "top_score": 0.8}
    rows: list[dict[str, Any]] = [
        {"direction": "in", "text": "续贷要什么材料", **common},
        {"direction": "out", "text": "答", "citations": [{"doc_id": "m-6"}], **common},
        {
            "direction": "out",
            "text": "现在开始吗？",
            "buttons": [{"label": "是", "value": "y"}],
            **common,
        },
    ]
    statements: list[str] = []

    def count(conn: object, cursor: object, sql: str, *args: object) -> None:
        statements.append(sql)

    with db.session() as session:
        conversation = get_or_create_conversation(session, channel="web", user_id="s2")
        event.listen(db.engine, "before_cursor_execute", count)
        STATEMENT_LISTENERS.append(statements.append)  # prebuilt: sent on the DBAPI cursor
        try:
            ids = add_messages(session, conversation_id=conversation.id, rows=rows)
        finally:
            STATEMENT_LISTENERS.remove(statements.append)
            event.remove(db.engine, "before_cursor_execute", count)
    assert len(statements) == 1 and statements[0].startswith("INSERT INTO messages")
    assert len(ids) == 3 and ids == sorted(ids)
