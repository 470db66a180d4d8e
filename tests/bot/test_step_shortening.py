"""A next step in a numbered part is cut only between whole clauses (sentences and ；-clauses)
within STEP_CHARS, never at a comma inside one: "符合条件仍被拒，可向…反映" keeps its action,
"遇到搭售，保留凭证" its occasion. A step whose first clause alone is too long is kept whole
(the layout drops points, or the step, when the screen is short).

Generated over condition + action + tail steps, over every next step the knowledge writes
(Q&A entries) and over two-demand messages (bot/compose/demands.py) × frames, whose numbered
parts each show their step whole or cut at a clause boundary."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

import pytest

from bot.compose.demands import demands_apart
from bot.compose.layout import STEP_CHARS, shorten_step
from bot.messages import NEXT_PREFIX, Ask

if TYPE_CHECKING:
    from bot.answerer import Answerer

CONDITIONS = (
    "是核心企业上下游的供应商或客户",
    "已经进了白名单的企业",
    "符合条件仍被拒",
    "协商不成",
)
ACTIONS = (
    "可以向核心企业或合作银行询问能否融资",
    "先问开户银行是不是合作机构",
    "可向三明金融监管分局或协调办反映",
)
FIRSTS = ("请银行书面说明原因", "带上报表找贷款银行", "")
TAILS = ("问清额度和费用。", "多问几家比一比。", "")


def clause_prefixes(step: str) -> set[str]:
    """The step's leading whole clauses, each closed with 。 (the cuts shorten_step may give)."""
    clauses = [c for c in re.split(r"(?<=[。；;！!])", step.strip()) if c.strip()]
    return {"".join(clauses[:n]).rstrip("；;。 ") + "。" for n in range(1, len(clauses) + 1)}


def whole_or_clauses(step: str, short: str) -> bool:
    """short is the step, or its leading whole clauses."""
    step = step.strip().removeprefix(NEXT_PREFIX)
    return short == step or short in clause_prefixes(step)


@pytest.mark.parametrize(
    ("first", "condition", "action", "tail"),
    list(itertools.product(FIRSTS, CONDITIONS, ACTIONS, TAILS)),
)
def test_a_step_is_cut_between_whole_clauses_only(
    first: str, condition: str, action: str, tail: str
) -> None:
    step = f"{first}；{condition}，{action}。{tail}" if first else f"{condition}，{action}。{tail}"
    short = shorten_step(step)
    assert whole_or_clauses(step, short), short
    assert len(short) <= STEP_CHARS + 1 or short == step.strip()
    if condition in short:  # a condition is never kept without its action
        assert action in short, short
    assert not short.endswith(("，", "；", "、")), short


def test_knowledge_steps_are_cut_between_whole_clauses(answerer: Answerer) -> None:
    steps = {e.next_step for e in answerer.qa.entries.values() if e.next_step}
    assert len(steps) > 50
    cut = 0
    for step in steps:
        short = shorten_step(step)
        assert whole_or_clauses(step, short), (step, short)
        cut += short != step.strip().removeprefix(NEXT_PREFIX)
    assert cut > 5  # the kind is exercised: some steps are long enough to be cut


DEMANDS = ("存保证金", "买他们的保险", "交评估费", "买理财", "先还本金", "交手续费", "存一笔定期")
FRAMES = ("这合理吗", "合规吗", "这样对吗", "这正常吗")
TWO_DEMANDS = [
    f"银行要我{one}还要{two}，{frame}"
    for (one, two), frame in itertools.product(itertools.combinations(DEMANDS, 2), FRAMES)
]


@pytest.mark.parametrize("question", TWO_DEMANDS)
def test_each_demand_part_shows_its_step_whole_or_cut_between_clauses(
    answerer: Answerer, question: str
) -> None:
    pieces = demands_apart(question)
    assert len(pieces) == 2, question
    own_steps = []
    for piece in pieces:
        reply = answerer.reply(piece, ask="yesno")
        own_steps.append([p.next_step for p in getattr(reply, "parts", ())])
    answer = answerer.respond([Ask("yesno", question)])
    screen = answer.answer.split("\n原文", 1)[0]
    assert len(screen) <= 250, screen
    shown = [line for line in screen.split("\n") if line.startswith(NEXT_PREFIX)]
    written = [s for steps in own_steps for s in steps if s]
    for line in shown:
        short = line.removeprefix(NEXT_PREFIX)
        assert any(whole_or_clauses(step, short) for step in written), (question, line)
