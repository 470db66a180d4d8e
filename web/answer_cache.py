"""A bounded cache of answers in front of the answerer: popular questions cost one retrieval."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from bot.answer_source import AnswerSource
from web.metrics import ANSWER_CACHE

DEFAULT_SIZE = 4096


class CachedAnswerer:
    """Wraps an Answerer; `answer(question, topic=, ask=)` is memoised, and `respond(asks)`
    answers each ask through that cache.

    Answers depend only on the question (read in context before it gets here), the topic and
    ask type passed with it, the day (a document's validity: `Answerer.today()`) and the
    immutable index the answerer was loaded with, so a cached answer is the answer. A new
    index means a new Answerer and an empty cache. Everything else
    is delegated unchanged.
    """

    def __init__(self, answerer: AnswerSource, size: int = DEFAULT_SIZE) -> None:
        self.inner: Any = answerer  # `ask` is passed on only when given (Answerer takes it)
        self.size = size
        self._cache: OrderedDict[tuple[str, str | None, str | None, Any], Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def answer(self, question: str, *, topic: str | None = None, ask: str | None = None) -> Any:
        """The inner answerer's answer, computed once per (question, topic, ask type)."""
        if getattr(self.inner, "llm", None) is not None:
            # LLM mode: answers depend on the conversation and stream as produced; not cached
            return self._inner_answer(question, topic, ask)
        today = getattr(self.inner, "today", None)
        key = (question.strip(), topic, ask, today() if callable(today) else None)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                self.hits += 1
                ANSWER_CACHE.labels("hit").inc()
                return found
            self.misses += 1
        ANSWER_CACHE.labels("miss").inc()
        answer = self._inner_answer(question, topic, ask)
        with self._lock:
            self._cache[key] = answer
            if len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return answer

    def respond(self, asks: Sequence[Any], *, topic: str | None = None) -> Any:
        """The inner answerer's `respond`, its per-ask answers taken from this cache (an
        answerer with only `answer`, a stand-in, answers the first ask)."""
        respond = getattr(type(self.inner), "respond", None)
        if respond is None:
            return self.answer(asks[0].text, topic=topic)
        return respond(self, asks, topic=topic)

    def _inner_answer(self, question: str, topic: str | None, ask: str | None) -> Any:
        """The inner answer (the ask type is passed only when there is one)."""
        if ask is None:
            return self.inner.answer(question, topic=topic)
        return self.inner.answer(question, topic=topic, ask=ask)

    def __getattr__(self, name: str) -> Any:
        """Everything else (document, is_ready, retriever…) comes from the inner answerer."""
        return getattr(self.inner, name)
