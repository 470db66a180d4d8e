"""LlmAnswerer: the model's grounded answer, streamed as it is checked, or the offline answer.

Never raises and never blocks start-up: the chat model comes from `bot.llm.availability` (built
once per configuration, its server checked in the background and re-checked with back-off);
while it is unavailable every answer is the offline one (outcome `unavailable`).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from bot.llm.attempt import Attempt, LlmResult
from bot.llm.availability import ModelAvailability, availability_for
from bot.llm.breaker import CircuitBreaker
from bot.llm.context import StreamSink, current_conversation, current_reading, current_sink
from bot.llm.metrics import LLM_DURATION, LLM_REQUESTS
from bot.llm.passages import PassageLibrary
from bot.llm.rewrite import QuestionRewriter
from bot.messages import Answer
from core.masking import mask_text
from core.settings import Settings

if TYPE_CHECKING:
    from bot.answerer import Answerer

__all__ = ["LlmAnswerer", "LlmResult"]

log = logging.getLogger(__name__)

RETRIEVED = 5  # passages asked from the retriever (pinned offline sources come first)
MAX_QUESTION_CHARS = 500  # as the offline answerer: an owner's question is a few sentences
QUIET_OUTCOMES = ("circuit_open", "unavailable")  # logged once elsewhere, not per answer


class LlmAnswerer:
    """Runs the LangChain chain for in-scope questions; the offline answer is the fallback."""

    def __init__(
        self,
        settings: Settings,
        answerer: Answerer,
        *,
        model: Any = None,
        availability: ModelAvailability | None = None,
    ) -> None:
        """Over `answerer`'s retriever and documents; the model comes from `availability`
        (default: the process's one for these settings; a given `model` is used as is)."""
        self.settings = settings
        self.answerer = answerer
        plain = getattr(getattr(answerer, "composer", None), "plain", None)
        self.library = PassageLibrary(answerer.documents, plain)
        self.breaker = CircuitBreaker(
            int(settings.llm_breaker_failures), float(settings.llm_breaker_cooldown_s)
        )
        if availability is None:
            availability = (
                availability_for(settings)
                if model is None
                else ModelAvailability(settings, build=lambda _settings: model, probe=None)
            )
        self.availability = availability
        self.rewriter = QuestionRewriter(settings, answerer, self.breaker)
        self._chain: Any = None
        self._chain_model: Any = None
        self._chain_lock = threading.Lock()

    def status(self) -> Literal["ok", "unavailable"]:
        """ok when the model can be used now; unavailable when its client could not be built,
        its server was not reached at the last check, or the circuit breaker holds it off."""
        if self.availability.status() != "ok" or self.breaker.is_open:
            return "unavailable"
        return "ok"

    def answer(
        self,
        question: str,
        offline: Answer,
        *,
        topic: str | None = None,
        qa: Sequence[Any] = (),
    ) -> Answer:
        """The grounded model answer, else `offline` (streamed to the turn's sink if any)."""
        return self.generate(question, offline, topic=topic, qa=qa).answer

    def generate(
        self,
        question: str,
        offline: Answer,
        *,
        topic: str | None = None,
        sink: StreamSink | None = None,
        history: list[Any] | None = None,
        qa: Sequence[Any] = (),
    ) -> LlmResult:
        """Rewrite the question in context, then run the chain once; never raises.

        `question`: the question as the offline reader resolved it; `qa`: the Q&A entries
        (knowledge.qa.QaEntry) the offline answer matched, given to the model as context
        beside the passages (the passages they cite are sent too). `sink` receives grounded
        text as it is checked; `history` (LangChain messages) and the sink default to the
        turn's context (`bot.llm.context`). The rewrite (bot.llm.rewrite) takes at most
        LLM_REWRITE_TIMEOUT_S, then the answer at most about LLM_TIMEOUT_S
        (LLM_FIRST_TOKEN_TIMEOUT_S when no token comes). Grounding checks numbers against the
        cited passages and the resolved question, never against the rewrite.
        """
        started = time.monotonic()
        question = question.strip()[:MAX_QUESTION_CHARS]
        sink = sink if sink is not None else current_sink()
        chain = self._current_chain()
        if chain is None:
            reason = self.availability.reason or "model not available"
            return self._fallback(offline, "unavailable", reason, started)
        if history is None:
            from bot.llm.history import load_history

            history = load_history(current_conversation(), int(self.settings.llm_history_turns))
        rewrite = self.rewriter.rewrite(
            self.availability.model(), question, history, current_reading()
        )
        if not self.breaker.allow():
            result = self._fallback(offline, "circuit_open", "circuit breaker open", started)
            result.rewrite = rewrite
            return result
        inputs = {
            "question": rewrite.question,
            "query": rewrite.question,  # self-contained: read in context (and rewritten)
            "history": history,
            "pinned": list(
                dict.fromkeys(
                    [c.doc_id for c in offline.citations if c.doc_id]
                    + [pid for entry in qa for pid in entry.cites]
                )
            ),
            "qa": list(qa),
        }
        attempt = Attempt(self, chain, question, sink, time.monotonic())
        result = attempt.execute(inputs, offline)
        result.rewrite = rewrite
        return result

    def _current_chain(self) -> Any:
        """The chain over the available model (built once per model), or None."""
        if not self.availability.usable():
            return None
        model = self.availability.model()
        if model is None:
            return None
        with self._chain_lock:
            if self._chain is not None and self._chain_model is model:
                return self._chain
            try:
                from bot.llm.chain import build_chain
                from retrieval.langchain_adapters import PolicyRetriever

                retriever = PolicyRetriever(retriever=self.answerer.retriever, k=RETRIEVED)
                self._chain = build_chain(model, retriever, self.library.select)
            except Exception as exc:  # an incompatible LangChain: unavailable, checked later
                self.availability.report_broken(exc)
                return None
            self._chain_model = model
            return self._chain

    def _fallback(
        self, offline: Answer, outcome: str, reason: str, started: float, **extra: Any
    ) -> LlmResult:
        """Count, log once, and return the offline answer."""
        total = time.monotonic() - started
        LLM_REQUESTS.labels(outcome).inc()
        LLM_DURATION.labels(outcome).observe(total)
        if outcome not in (*QUIET_OUTCOMES, "rate_limited"):
            self.breaker.failure()  # a 429 set its own back-off
        if outcome not in QUIET_OUTCOMES:
            log.warning(
                "LLM answer not used (%s: %s); offline answer given", outcome, mask_text(reason)
            )
        return LlmResult(offline, outcome, reason, total_s=total, **extra)
