"""Conversation files and asks in the evaluation: each turn read in the context before it.

Figures (added to `knowledge.evaluation.evaluate`'s result):
- conversations, turns, turn_accuracy: a turn is right when the answer leads with a right
  measure (rank 1 of its resolved asks' merged ranking, as single questions' hit@1), or it
  declines an out-of-scope turn, or greets small talk;
- follow_ups, follow_up_accuracy: the same over the turns after the first;
- greetings, greeting_accuracy: turns to be greeted (好的谢谢), greeted;
- turn_misses: ids (`conversation#turn`) of the turns not right;
- by_ask: per labelled `ask`, {n, accuracy, detected}: how many, the share right, and the
  share whose first detected ask type equals the label; ask_detection: that share overall.

Without a `converse` function each turn is assessed alone (no context): the baseline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from knowledge.eval_outcomes import Converse, Outcome, outcome_of

if TYPE_CHECKING:  # types only: knowledge sits below bot
    from bot.answer_source import AnswerSource, AssessingSource


@dataclass(frozen=True)
class _Alone:
    """A turn read on its own (no reading in context): one ask, the text."""

    answer: Any
    reading: Any
    context: Any = None


@dataclass(frozen=True)
class _AloneReading:
    asks: tuple[Any, ...]
    resolved: str


@dataclass(frozen=True)
class _AloneAsk:
    type: str
    text: str


def alone(answerer: AnswerSource, context: Any, text: str) -> _Alone:
    """Answer a turn without context (the baseline `converse`)."""
    return _Alone(answerer.answer(text), _AloneReading((_AloneAsk("other", text),), text))


def turn_outcomes(
    answerer: AssessingSource,
    dialogues: list[dict[str, Any]],
    converse: Converse | None,
    new_context: Callable[[], Any] | None,
) -> list[Outcome]:
    """One outcome per turn, each turn read in the context the turns before it left."""
    talk = converse or alone
    outcomes = []
    for row in dialogues:
        context = new_context() if new_context is not None else None
        for number, turn in enumerate(row["turns"], start=1):
            exchange = talk(answerer, context, turn["text"])
            row_id = f"{row['id']}#{number}"
            outcomes.append(outcome_of(answerer, exchange, row_id, turn, row.get("kind"), number))
            context = exchange.context
    return outcomes


def turn_report(turns: list[Outcome], conversations: int) -> dict[str, Any]:
    """conversations, turns, turn_accuracy, follow_ups, follow_up_accuracy, greetings,
    greeting_accuracy, turn_misses."""
    follow = [t for t in turns if t.turn > 1]
    greetings = [t for t in turns if t.greeting]
    return {
        "conversations": conversations,
        "turns": len(turns),
        "turn_accuracy": _share(sum(t.right for t in turns), len(turns)),
        "follow_ups": len(follow),
        "follow_up_accuracy": _share(sum(t.right for t in follow), len(follow)),
        "greetings": len(greetings),
        "greeting_accuracy": _share(sum(t.right for t in greetings), len(greetings)),
        "turn_misses": [t.row_id for t in turns if not t.right],
    }


def ask_report(outcomes: list[Outcome]) -> dict[str, Any]:
    """by_ask {ask: {n, accuracy, detected}} (labels in order of first appearance) and
    ask_detection (the share of labelled rows whose first detected ask is the label)."""
    labelled = [o for o in outcomes if o.ask]
    report = {}
    for ask in dict.fromkeys(o.ask for o in labelled):
        rows = [o for o in labelled if o.ask == ask]
        report[str(ask)] = {
            "n": len(rows),
            "accuracy": _share(sum(o.right for o in rows), len(rows)),
            "detected": _share(sum(o.detected == ask for o in rows), len(rows)),
        }
    detected = sum(o.detected == o.ask for o in labelled)
    return {"by_ask": report, "ask_detection": _share(detected, len(labelled))}


def _share(part: int, whole: int) -> float:
    """part / whole rounded to 4 places (0.0 when whole is 0)."""
    return round(part / whole, 4) if whole else 0.0
