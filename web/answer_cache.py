"""A bounded cache of answers in front of the answerer: popular questions cost one retrieval."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from web.metrics import ANSWER_CACHE

DEFAULT_SIZE = 4096


class CachedAnswerer:
    """Wraps an Answerer; `answer(question, topic=)` is memoised.

    Answers depend only on the question, the query searched (the question, prefixed with the
    previous topic for short follow-ups) and the immutable index the answerer was loaded with,
    so a cached answer is the answer. A new index means a new Answerer and an empty cache.
    Everything else is delegated unchanged.
    """

    def __init__(self, answerer: Any, size: int = DEFAULT_SIZE) -> None:
        self.inner = answerer
        self.size = size
        self._cache: OrderedDict[tuple[str, str | None], Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def _key(self, question: str, topic: str | None) -> tuple[str, str | None]:
        """(question, the query actually searched): the topic only matters for follow-ups."""
        question = question.strip()
        effective_query = getattr(self.inner, "_with_topic", None)
        if callable(effective_query):  # the answerer's own rule for using the topic
            return question, effective_query(question, topic)
        return question, topic

    def answer(self, question: str, *, topic: str | None = None) -> Any:
        """The inner answerer's answer, computed once per (question, effective query)."""
        if getattr(self.inner, "llm", None) is not None:
            # LLM mode: answers depend on the conversation and stream as produced; not cached
            return self.inner.answer(question, topic=topic)
        key = self._key(question, topic)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                self.hits += 1
                ANSWER_CACHE.labels("hit").inc()
                return found
            self.misses += 1
        ANSWER_CACHE.labels("miss").inc()
        answer = self.inner.answer(question, topic=topic)
        with self._lock:
            self._cache[key] = answer
            if len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return answer

    def __getattr__(self, name: str) -> Any:
        """Everything else (document, is_ready, retriever…) comes from the inner answerer."""
        return getattr(self.inner, name)
