"""The last turns of a conversation, read from the transcript for the model (SQLite, PostgreSQL)."""

from __future__ import annotations

from langchain_core.messages import AIMessage, HumanMessage

from bot.llm.context import ConversationRef
from bot.llm.history import MAX_TURN_CHARS, load_history
from core.settings import Settings
from storage.conversations import add_message, get_or_create_conversation, recent_turns
from storage.db import open_database


def test_history_gives_last_turns_without_footers(db_settings: Settings) -> None:
    db = open_database(db_settings)
    with db.session() as session:
        conversation = get_or_create_conversation(session, channel="web", user_id="u1")
        other = get_or_create_conversation(session, channel="web", user_id="u2")
        add_message(session, conversation_id=other.id, direction="in", text="别人的问题")
        for i in range(4):
            add_message(session, conversation_id=conversation.id, direction="in", text=f"问题{i}")
            add_message(
                session,
                conversation_id=conversation.id,
                direction="out",
                text=f"回答{i}\n依据：《若干措施》第6条\n有效期：三年",
            )
        add_message(session, conversation_id=conversation.id, direction="out", text="长" * 500)
    with db.session() as session:
        rows = recent_turns(session, channel="web", user_id="u1", limit=3)
        assert [d for d, _ in rows] == ["in", "out", "out"]
        assert recent_turns(session, channel="web", user_id="nobody", limit=3) == []
    messages = load_history(ConversationRef(db, "web", "u1"), turns=2)
    db.dispose()
    assert isinstance(messages[0], HumanMessage)  # starts with a question
    assert [m.content for m in messages[:3]] == ["问题2", "回答2", "问题3"]
    assert all("依据" not in str(m.content) for m in messages)
    assert isinstance(messages[-1], AIMessage)
    assert len(str(messages[-1].content)) == MAX_TURN_CHARS + 1  # cut, with an ellipsis
    assert load_history(None, turns=3) == []
