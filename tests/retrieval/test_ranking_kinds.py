"""Each kind of ranking fault (`ranking_kinds.KINDS`), generated over its subjects and wordings:
read in a new conversation as the engine reads it, the question stays in scope, one of the
kind's articles leads the ranking and the kind's `top3` articles are among the first three."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from knowledge.eval_outcomes import merged_ranking
from tests.retrieval.ranking_kinds import KINDS, Kind

if TYPE_CHECKING:
    from bot.answerer import Answerer

CASES = [
    pytest.param(kind, question, id=f"{kind.name}-{i}")
    for kind in KINDS
    for i, question in enumerate(kind.questions())
]


def test_kinds_are_generated_over_several_subjects_and_wordings() -> None:
    """Every kind crosses at least two wordings with at least three subjects, no repeats."""
    for kind in KINDS:
        assert len(kind.templates) >= 2 and len(kind.subjects) >= 3, kind.name
        assert len(set(kind.questions())) == len(kind.templates) * len(kind.subjects)
        assert kind.first, kind.name


@pytest.mark.parametrize(("kind", "question"), CASES)
def test_question_of_a_kind_ranks_its_measure_first(
    answerer: Answerer, kind: Kind, question: str
) -> None:
    """The kind's measure leads the articles the answer is ranked by."""
    exchange = answer_in_context(answerer, ConversationContext(), question)
    assert exchange.answer.in_scope, (question, exchange.answer)
    ranked = merged_ranking(answerer, (ask.text for ask in exchange.reading.asks))
    assert ranked and ranked[0] in kind.first, (question, ranked[:5])
    assert kind.top3 <= set(ranked[:3]), (question, ranked[:5])
