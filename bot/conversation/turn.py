"""What one turn of the conversation decided: replies, transcript metadata and side effects."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.messages import Answer, OutMessage


@dataclass
class Reply:
    """One outgoing message plus what the transcript records about it."""

    message: OutMessage
    intent: str | None = None
    in_scope: bool | None = None
    top_score: float | None = None
    rateable: bool = False  # offer thumbs-up/down buttons once its transcript id is known
    meta: dict[str, str] | None = None  # how the answer came about (storage Message.meta)

    @classmethod
    def from_answer(cls, message: OutMessage, answer: Answer, *, move: str = "") -> Reply:
        """A rateable reply carrying the answer's intent, scope and score, and as meta how the
        message was read (`move`: the reading's move, "continue"/"return" = a follow-up) and,
        for a refusal, the scope family that declined it."""
        meta = {k: v for k, v in (("move", move), ("refusal", answer.refusal)) if v}
        return cls(
            message, answer.intent, answer.in_scope, answer.top_score, rateable=True, meta=meta
        )


@dataclass
class Turn:
    """The outcome of handling one user message, applied atomically by the engine."""

    state: dict[str, Any]
    replies: list[Reply] = field(default_factory=list)
    channel: str = ""  # where the message came from (what a handoff offer may promise there)
    intent: str | None = None  # of the user's message
    in_scope: bool | None = None
    top_score: float | None = None
    submit: dict[str, Any] | None = None  # consented form data to store
    submit_key: str | None = None  # the form's id: stores it at most once
    feedback: tuple[int, int] | None = None  # (message id, +1/-1)
    handoff: str | None = None  # asked / offer (open one), message (to staff), close
    survey_score: int | None = None  # answer to the satisfaction question after an outcome
    discard_since: str | None = None  # ISO time a refused/cancelled form began: redact since

    def say(self, message: OutMessage, intent: str | None = None) -> None:
        """Append a plain (not rateable) reply."""
        self.replies.append(Reply(message, intent))

    def note_answer(self, answer: Answer) -> None:
        """Record the answerer's view of the user's message in the transcript."""
        self.intent, self.in_scope, self.top_score = (
            answer.intent,
            answer.in_scope,
            answer.top_score,
        )
