"""What the engine needs from whatever answers questions: `AnswerSource`; and what evaluations
need besides: `AssessingSource`.

`bot.answerer.Answerer` (offline or LLM mode), `web.answer_cache.CachedAnswerer` and the tests'
stand-ins all satisfy `AnswerSource`. `respond(asks: list[Ask], *, topic=None) -> Answer`
(several asks of one message) is used when present (`bot.dialogue`); a source without it
answers the first ask. `Answerer` also satisfies `AssessingSource`.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from bot.messages import Answer
from knowledge.documents import Document

if TYPE_CHECKING:  # the type only: bot.answerer loads the retriever and the composer
    from bot.answerer import Assessment


class AnswerSource(Protocol):
    """answer(question, *, topic=None) -> Answer (topic: the previous answer's `Answer.topic`);
    document(doc_id) -> the full document or None (for 查看条款原文 and source cards)."""

    def answer(self, question: str, *, topic: str | None = None) -> Answer: ...

    def document(self, doc_id: str) -> Document | None: ...


class AssessingSource(AnswerSource, Protocol):
    """An answer source that also tells how it reads one question, before any answer is
    composed: assess(question, *, topic=None) -> `bot.answerer.Assessment` (intent, scope, the
    ranked documents and measures, the prepared text). What the evaluations
    (`knowledge.evaluation`, `knowledge.eval_outcomes`, `knowledge.conversation_eval`) read."""

    def assess(self, question: str, *, topic: str | None = None) -> Assessment: ...


Built = TypeVar("Built")


def kept_per_answerer(build: Callable[[Any], Built]) -> Callable[[Any], Built]:
    """`build(answerer)` made on first use and kept while that answerer lives (an index swap
    brings a new answerer, hence a new one); an answerer that cannot be weakly referenced (a
    test double) gets a fresh one each time. Thread-safe: one build per answerer."""
    kept: weakref.WeakKeyDictionary[Any, Built] = weakref.WeakKeyDictionary()
    lock = threading.Lock()

    def kept_for(answerer: Any) -> Built:
        with lock:
            try:
                found = kept.get(answerer)
            except TypeError:  # not weakly referable
                return build(answerer)
            if found is None:
                found = kept[answerer] = build(answerer)
            return found

    return kept_for
