"""An amount asked as a follow-up (bot.followups.amounts, the "amount" facet of
bot.followups.sources): answered for the subject in focus, never with another note's lead
(专项贷款, 科技贷) the owner did not name, and with a step on the amount, not on rates.
Generated over openings × amount wordings written here, never evaluation sets."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from bot.reading.facets import asks_amount
from bot.reading.memory import lead_line, step_line

if TYPE_CHECKING:
    from bot.answerer import Answerer

OPENINGS = ("我想续贷", "想贷款", "无还本续贷是什么意思")
AMOUNTS = ("能贷多少", "一般能批多少", "最多能借多少钱", "额度有多少")


@pytest.mark.parametrize(("opening", "asked"), list(itertools.product(OPENINGS, AMOUNTS)))
def test_an_amount_follow_up_is_answered_for_its_subject(
    answerer: Answerer, opening: str, asked: str
) -> None:
    first = answer_in_context(answerer, ConversationContext(), opening)
    turn = answer_in_context(answerer, first.context, asked)
    lead = lead_line(turn.answer.answer)
    assert turn.answer.in_scope, turn.answer.answer
    assert "科技贷" not in lead and "专项贷款" not in lead, lead
    assert "额度" in lead or "多少" in lead, lead
    step = step_line(turn.answer.answer)
    assert "利率" not in step or "额度" in step, step
    cited = {c.doc_id for c in turn.answer.citations}
    assert "product-kejidai" not in cited, cited


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("能贷多少", True),
        ("最多能借多少钱", True),
        ("额度多大", True),
        ("批下来多少", True),
        ("利息多少钱", False),
        ("要花多少钱", False),
        ("费率多少", False),
    ],
)
def test_an_amount_is_not_a_cost(text: str, amount: bool) -> None:
    assert asks_amount(text) is amount
