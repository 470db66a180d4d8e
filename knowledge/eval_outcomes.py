"""How one evaluated question or turn fared (`Outcome`) and the ranking it is judged by.

Shared by `knowledge.evaluation` (single questions) and `knowledge.conversation_eval` (turns).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # types only: knowledge sits below bot
    from bot.answer_source import AssessingSource

# (answerer, context, text) -> an exchange with .answer (bot.messages.Answer), .reading
# (.asks, .resolved) and .context, as bot.dialogue.answer_in_context returns.
Converse = Callable[[Any, Any, str], Any]


@dataclass(frozen=True)
class Outcome:
    """How one question (or one turn of a conversation) fared.

    rank: 1-based rank of the first gold article among the answered articles (None: not
    ranked); turn: 0 for a single question, else the turn's number in its conversation.
    """

    row_id: str
    kind: str | None
    out_of_scope: bool  # the question is labelled out of scope
    declined: bool  # the bot gave no policy answer (declined it, or greeted)
    rank: int | None
    greeting: bool = False  # labelled small talk: to be greeted
    greeted: bool = False  # the bot greeted
    ask: str | None = None  # the labelled ask type
    detected: str | None = None  # the first ask type the reading found
    turn: int = 0
    text: str = ""
    resolved: str = ""  # the resolved question(s) as answered

    @property
    def right(self) -> bool:
        """Greeted when small talk, declined when out of scope, else the right measure first."""
        if self.greeting:
            return self.greeted
        if self.out_of_scope:
            return self.declined
        return self.rank == 1

    def detail(self) -> dict[str, Any]:
        """The JSON shape of one row in `details`."""
        return {
            "id": self.row_id,
            "text": self.text,
            "resolved": self.resolved,
            "ask": self.ask,
            "detected": self.detected,
            "rank": self.rank,
            "declined": self.declined,
            "right": self.right,
        }


def merged_ranking(answerer: AssessingSource, asks: Iterable[str]) -> list[int]:
    """The articles an answer to these asks leads with: each in-scope ask's first article in
    order, then each one's second, and so on (so rank 1 is the first ask's first article)."""
    lists = [a.articles for a in (answerer.assess(text) for text in asks) if a.in_scope]
    merged: list[int] = []
    for depth in range(max((len(x) for x in lists), default=0)):
        for articles in lists:
            if depth < len(articles) and articles[depth] not in merged:
                merged.append(articles[depth])
    return merged


def rank_of(ranked: list[int], gold: Iterable[int]) -> int | None:
    """1-based rank of the first gold article, or None."""
    wanted = set(gold)
    return next((i for i, a in enumerate(ranked, start=1) if a in wanted), None)


def outcome_of(
    answerer: AssessingSource,
    exchange: Any,
    row_id: str,
    labels: dict[str, Any],
    kind: str | None,
    turn: int,
) -> Outcome:
    """The outcome of a message answered in context (`labels`: articles, out_of_scope,
    greeting, ask, and the message as `question` or `text`)."""
    answer, reading = exchange.answer, exchange.reading
    greeted = answer.intent == "greeting"
    declined = greeted or not answer.in_scope
    ranked = [] if declined else merged_ranking(answerer, (a.text for a in reading.asks))
    return Outcome(
        row_id,
        kind,
        bool(labels.get("out_of_scope")),
        declined,
        rank_of(ranked, labels.get("articles", [])),
        greeting=bool(labels.get("greeting")),
        greeted=greeted,
        ask=labels.get("ask"),
        detected=reading.asks[0].type if reading.asks else None,
        turn=turn,
        text=str(labels.get("question", labels.get("text", ""))),
        resolved=reading.resolved,
    )
