"""The last turns of a conversation, read from the transcript, as the model sees them."""

from __future__ import annotations

import logging

from langchain_core.messages import BaseMessage

from bot.llm.context import ConversationRef
from bot.llm.prompt import history_messages

log = logging.getLogger(__name__)

MAX_TURN_CHARS = 240  # an earlier answer is context, not a source: its opening is enough
FOOTER_PREFIXES = ("依据：", "责任单位：", "有效期：", "资料来源：", "政策依据：", "另见：")


def trim(text: str) -> str:
    """A transcript text without citation footer lines, cut to MAX_TURN_CHARS."""
    lines = [line for line in text.splitlines() if not line.startswith(FOOTER_PREFIXES)]
    kept = "\n".join(lines).strip()
    return kept if len(kept) <= MAX_TURN_CHARS else kept[:MAX_TURN_CHARS] + "…"


def load_history(conversation: ConversationRef | None, turns: int) -> list[BaseMessage]:
    """Chat messages of the last `turns` question/answer pairs ([] without a conversation)."""
    if conversation is None or turns <= 0:
        return []
    from storage.conversations import recent_turns

    try:
        with conversation.db.session() as session:
            rows = recent_turns(
                session, channel=conversation.channel, user_id=conversation.user_id, limit=turns * 3
            )
    except Exception:  # history is a help, not a requirement
        log.exception("could not read the conversation history")
        return []
    while rows and rows[0][0] != "in":
        rows = rows[1:]  # start with a question
    return history_messages([(direction, trim(text)) for direction, text in rows if text])
