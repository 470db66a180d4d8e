"""One LLM attempt: a producer thread streams the chain into a queue; the caller's thread checks
each sentence, forwards grounded text to the sink, and gives up at the deadlines."""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from bot.llm.errors import classify_error
from bot.llm.grounding import Passage, SentenceGate, UngroundedError
from bot.llm.metrics import LLM_DURATION, LLM_FIRST_TOKEN, LLM_REQUESTS, LLM_TOKENS
from bot.llm.reasoning import ReasoningFilter
from bot.messages import Answer

if TYPE_CHECKING:
    from bot.llm.answering import LlmAnswerer
    from bot.llm.context import StreamSink
    from bot.llm.rewrite import Rewrite


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
    rewrite: Rewrite | None = None  # the question the model was asked, and how it was chosen

    @property
    def fell_back(self) -> bool:
        """Whether the offline answer was given instead of the model's."""
        return self.outcome != "ok"


class Attempt:
    """One attempt: a producer thread streams the chain into a queue, we check and forward."""

    def __init__(
        self,
        owner: LlmAnswerer,
        chain: Any,
        question: str,
        sink: StreamSink | None,
        started: float,
    ) -> None:
        self.owner = owner
        self.chain = chain
        self.question = question
        self.sink = sink
        self.started = started
        self.events: queue.Queue[tuple[str, Any]] = queue.Queue()
        self.stop = threading.Event()
        self.passages: list[Passage] = []

    def produce(self, inputs: dict[str, Any]) -> None:
        """Producer thread: chain chunks → queue (stops early when the consumer gave up)."""
        try:
            for chunk in self.chain.stream(inputs):
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
