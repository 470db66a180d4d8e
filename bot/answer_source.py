"""What the engine needs from whatever answers questions: `AnswerSource`.

`bot.answerer.Answerer` (offline or LLM mode), `web.answer_cache.CachedAnswerer` and the tests'
stand-ins all satisfy it. `respond(asks: list[Ask], *, topic=None) -> Answer` (several asks of
one message) is used when present (`bot.dialogue`); a source without it answers the first ask.
"""

from __future__ import annotations

from typing import Protocol

from bot.messages import Answer
from knowledge.documents import Document


class AnswerSource(Protocol):
    """answer(question, *, topic=None) -> Answer (topic: the previous answer's `Answer.topic`);
    document(doc_id) -> the full document or None (for 查看条款原文 and source cards)."""

    def answer(self, question: str, *, topic: str | None = None) -> Answer: ...

    def document(self, doc_id: str) -> Document | None: ...
