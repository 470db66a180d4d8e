"""LlmAnswerer: the model's grounded answer, streamed as it is checked, or the offline answer."""

from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Any

from bot.llm.breaker import CircuitBreaker
from bot.llm.context import StreamSink, current_conversation, current_sink
from bot.llm.errors import classify_error
from bot.llm.grounding import Passage, SentenceGate, UngroundedError
from bot.llm.history import load_history
from bot.llm.metrics import LLM_DURATION, LLM_FIRST_TOKEN, LLM_REQUESTS, LLM_TOKENS
from bot.llm.passages import PassageLibrary
from bot.llm.reasoning import ReasoningFilter
from bot.messages import Answer
from core.masking import mask_text

log = logging.getLogger(__name__)

RETRIEVED = 5  # passages asked from the retriever (pinned offline sources come first)
MAX_QUESTION_CHARS = 500  # as the offline answerer: an owner's question is a few sentences


@dataclass
class LlmResult:
    """One LLM attempt: the answer given and how it went (for logs, metrics and evaluation)."""

    answer: Answer
    outcome: str  # "ok" or why the offline answer was used
    reason: str = ""
    cited: list[str] = field(default_factory=list)  # passage ids the answer cites
    passages: list[str] = field(default_factory=list)  # passage ids sent to the model
    first_token_s: float | None = None
    total_s: float = 0.0

    @property
    def fell_back(self) -> bool:
        """Whether the offline answer was given instead of the model's."""
        return self.outcome != "ok"


class LlmAnswerer:
    """Runs the LangChain chain for in-scope questions; the offline answer is the fallback."""

    def __init__(self, settings: Any, answerer: Any, *, model: Any = None) -> None:
        """Chain over `answerer`'s retriever and documents; `model` defaults to ChatOpenAI."""
        from bot.llm.chain import build_chain, build_chat_model
        from retrieval.langchain_adapters import PolicyRetriever

        self.settings = settings
        self.answerer = answerer
        plain = getattr(getattr(answerer, "composer", None), "plain", None)
        self.library = PassageLibrary(answerer.documents, plain)
        self.breaker = CircuitBreaker(
            int(settings.llm_breaker_failures), float(settings.llm_breaker_cooldown_s)
        )
        retriever = PolicyRetriever(retriever=answerer.retriever, k=RETRIEVED)
        self.chain = build_chain(
            model or build_chat_model(settings), retriever, self.library.select
        )

    def answer(self, question: str, offline: Answer, *, topic: str | None = None) -> Answer:
        """The grounded model answer, else `offline` (streamed to the turn's sink if any)."""
        return self.generate(question, offline, topic=topic).answer

    def generate(
        self,
        question: str,
        offline: Answer,
        *,
        topic: str | None = None,
        sink: StreamSink | None = None,
        history: list[Any] | None = None,
    ) -> LlmResult:
        """Run the chain once; never raises.

        `sink` receives grounded text as it is checked; `history` (LangChain messages) and the
        sink default to the turn's context (`bot.llm.context`). Takes at most about
        LLM_TIMEOUT_S (LLM_FIRST_TOKEN_TIMEOUT_S when no token comes).
        """
        started = time.monotonic()
        question = question.strip()[:MAX_QUESTION_CHARS]
        sink = sink if sink is not None else current_sink()
        if not self.breaker.allow():
            return self._fallback(offline, "circuit_open", "circuit breaker open", started)
        if history is None:
            history = load_history(current_conversation(), int(self.settings.llm_history_turns))
        inputs = {
            "question": question,
            "query": question,  # read in context already (bot.reading): self-contained
            "history": history,
            "pinned": [c.doc_id for c in offline.citations if c.doc_id],
        }
        run = _Run(self, question, sink, started)
        return run.execute(inputs, offline)

    def _fallback(
        self, offline: Answer, outcome: str, reason: str, started: float, **extra: Any
    ) -> LlmResult:
        """Count, log once, and return the offline answer."""
        total = time.monotonic() - started
        LLM_REQUESTS.labels(outcome).inc()
        LLM_DURATION.labels(outcome).observe(total)
        if outcome not in ("circuit_open", "rate_limited"):
            self.breaker.failure()  # a 429 set its own back-off
        if outcome != "circuit_open":
            log.warning(
                "LLM answer not used (%s: %s); offline answer given", outcome, mask_text(reason)
            )
        return LlmResult(offline, outcome, reason, total_s=total, **extra)


class _Run:
    """One attempt: a producer thread streams the chain into a queue, we check and forward."""

    def __init__(self, owner: LlmAnswerer, question: str, sink: StreamSink | None, started: float):
        self.owner = owner
        self.question = question
        self.sink = sink
        self.started = started
        self.events: queue.Queue[tuple[str, Any]] = queue.Queue()
        self.stop = threading.Event()
        self.passages: list[Passage] = []

    def produce(self, inputs: dict[str, Any]) -> None:
        """Producer thread: chain chunks → queue (stops early when the consumer gave up)."""
        try:
            for chunk in self.owner.chain.stream(inputs):
                if self.stop.is_set():
                    return
                if "passages" in chunk:
                    self.events.put(("passages", chunk["passages"]))
                message = chunk.get("answer")
                if message is not None:
                    usage = getattr(message, "usage_metadata", None)
                    if usage:
                        self.events.put(("usage", usage))
                    content = message.content
                    text = (
                        content
                        if isinstance(content, str)
                        else "".join(
                            part.get("text", "") if isinstance(part, dict) else str(part)
                            for part in content
                        )
                    )
                    if text:
                        self.events.put(("token", text))
            self.events.put(("end", None))
        except Exception as exc:  # reported to the consumer, which falls back
            self.events.put(("error", exc))

    def execute(self, inputs: dict[str, Any], offline: Answer) -> LlmResult:
        """Consume until done, a timeout, an error or an ungrounded sentence."""
        settings, owner = self.owner.settings, self.owner
        first_deadline = self.started + float(settings.llm_first_token_timeout_s)
        total_deadline = self.started + float(settings.llm_timeout_s)
        threading.Thread(target=self.produce, args=(inputs,), daemon=True).start()
        gate: SentenceGate | None = None
        first: float | None = None
        visible = ReasoningFilter()
        try:
            while True:
                deadline = (
                    total_deadline if first is not None else min(first_deadline, total_deadline)
                )
                try:
                    kind, value = self.events.get(timeout=max(deadline - time.monotonic(), 0))
                except queue.Empty:
                    outcome = (
                        "timeout"
                        if first is not None or deadline == total_deadline
                        else "first_token_timeout"
                    )
                    return self._fail(offline, outcome, "no answer in time", gate, first)
                if kind == "passages":
                    self.passages = value
                    gate = SentenceGate(
                        {p.pid: p for p in value}, owner.library.names, self.question
                    )
                elif kind == "usage":
                    for key in ("input_tokens", "output_tokens"):
                        LLM_TOKENS.labels(key.split("_")[0]).inc(int(value.get(key) or 0))
                elif kind == "error":
                    outcome, reason, retry_after = classify_error(value)
                    if outcome == "rate_limited":
                        owner.breaker.back_off(retry_after)
                    return self._fail(offline, outcome, reason, gate, first)
                elif kind == "token" and gate is not None:
                    if first is None:
                        first = time.monotonic() - self.started
                        LLM_FIRST_TOKEN.observe(first)
                    self._show(gate.feed(visible.feed(value)))
                elif kind == "end" and gate is not None:
                    self._show(gate.feed(visible.finish()) + gate.finish())
                    return self._finish(offline, gate, first)
        except UngroundedError as exc:
            return self._fail(
                offline, "ungrounded", f"{exc.reason} in {exc.sentence!r}", gate, first
            )
        finally:
            self.stop.set()

    def _show(self, piece: str) -> None:
        if piece and self.sink is not None:
            self.sink.delta(piece)

    def _fail(
        self,
        offline: Answer,
        outcome: str,
        reason: str,
        gate: SentenceGate | None,
        first: float | None,
    ) -> LlmResult:
        if gate is not None and gate.shown and self.sink is not None:
            self.sink.abort()
        return self.owner._fallback(
            offline,
            outcome,
            reason,
            self.started,
            first_token_s=first,
            passages=[p.pid for p in self.passages],
            cited=list(gate.cited) if gate is not None else [],
        )

    def _finish(self, offline: Answer, gate: SentenceGate, first: float | None) -> LlmResult:
        text = gate.shown.strip()
        if not text:
            return self._fail(offline, "empty", "the model returned no text", gate, first)
        if not gate.cited:
            return self._fail(offline, "format", "no passage cited", gate, first)
        library = self.owner.library
        citations = library.citations(gate.cited)
        answer = replace(
            offline,
            answer=text,
            citations=citations,
            topic=library.topic(gate.cited) or offline.topic,
        )
        total = time.monotonic() - self.started
        LLM_REQUESTS.labels("ok").inc()
        LLM_DURATION.labels("ok").observe(total)
        self.owner.breaker.success()
        return LlmResult(
            answer,
            "ok",
            cited=list(gate.cited),
            passages=[p.pid for p in self.passages],
            first_token_s=first,
            total_s=total,
        )
