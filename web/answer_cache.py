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
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def answer(self, question: str, *, topic: str | None = None, ask: str | None = None) -> Any:
        """The inner answerer's answer, computed once per (question, topic, ask type)."""
        if getattr(self.inner, "llm", None) is not None:
            # LLM mode: answers depend on the conversation and stream as produced; not cached
            return self._inner_answer(question, topic, ask)
        key = (question.strip(), topic, ask, self._day())
        answer = self._cached(key)
        if answer is None:
            answer = self._inner_answer(question, topic, ask)
            self._store(key, answer)
        return answer

    def respond(self, asks: Sequence[Any], *, topic: str | None = None) -> Any:
        """The inner answerer's `respond`: one ask answered through this cache's `answer`; a
        message of several asks cached whole (a repeated one runs no embedding batch, no
        scope split); an answerer with only `answer`, a stand-in, answers the first ask."""
        respond = getattr(type(self.inner), "respond", None)
        if respond is None:
            return self.answer(asks[0].text, topic=topic)
        if len(asks) < 2 or getattr(self.inner, "llm", None) is not None:
            return respond(self, asks, topic=topic)
        key = (tuple((a.type, a.text) for a in asks), topic, "respond", self._day())
        found = self._cached(key)
        if found is not None:
            return found
        answer = respond(self, asks, topic=topic)
        self._store(key, answer)
        return answer

    def _day(self) -> Any:
        """The answerer's day (`Answerer.today()`), part of every key; None without one."""
        today = getattr(self.inner, "today", None)
        return today() if callable(today) else None

    def _cached(self, key: tuple[Any, ...]) -> Any:
        """The cached answer under `key` (counted as a hit), else None (a miss)."""
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                self.hits += 1
            else:
                self.misses += 1
        ANSWER_CACHE.labels("hit" if found is not None else "miss").inc()
        return found

    def _store(self, key: tuple[Any, ...], answer: Any) -> None:
        """Keep `answer` under `key`, the oldest entry evicted past the size."""
        with self._lock:
            self._cache[key] = answer
            if len(self._cache) > self.size:
                self._cache.popitem(last=False)

    def _inner_answer(self, question: str, topic: str | None, ask: str | None) -> Any:
        """The inner answer (the ask type is passed only when there is one)."""
        if ask is None:
            return self.inner.answer(question, topic=topic)
        return self.inner.answer(question, topic=topic, ask=ask)

    def __getattr__(self, name: str) -> Any:
        """Everything else (document, is_ready, retriever…) comes from the inner answerer."""
        return getattr(self.inner, name)
