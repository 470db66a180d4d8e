"""A next step in a numbered part is cut to whole clauses within STEP_CHARS; a leading clause
that only states the step's condition (是…的供应商或客户，…) is left out rather than kept alone,
so the step still says what to do. Over every next step the knowledge writes (notes' front
matter, Q&A entries) and over generated condition + action steps."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.compose.layout import CONDITION, STEP_CHARS, shorten_step

CONDITIONS = (
    "是核心企业上下游的供应商或客户",
    "已经进了白名单的企业",
    "贷款快到期、还要继续用钱的",
)
ACTIONS = (
    "可以向核心企业或合作银行询问能否融资",
    "先问开户银行是不是合作机构",
    "带上营业执照和流水找贷款银行",
)
TAILS = ("问清额度和费用。", "多问几家比一比。", "并随时询问进度。")


@pytest.mark.parametrize(
    ("condition", "action", "tail"), list(itertools.product(CONDITIONS, ACTIONS, TAILS))
)
def test_a_condition_is_not_kept_alone(condition: str, action: str, tail: str) -> None:
    step = f"{condition}，{action}，{tail}"
    short = shorten_step(step)
    assert len(short) <= STEP_CHARS + 1 or short == step
    assert action in short, short  # what to do is kept
    if short != step:  # cut: it does not open with the condition it dropped
        assert not short.startswith(condition), short


def test_knowledge_steps_keep_an_action(answerer: object) -> None:
    """No next step the knowledge writes is shortened to its condition alone."""
    from bot.answerer import Answerer

    assert isinstance(answerer, Answerer)
    steps = {e.next_step for e in answerer.qa.entries.values() if e.next_step}
    assert len(steps) > 50
    for step in steps:
        short = shorten_step(step)
        if short == step.strip():
            continue  # whole: fits as written
        clauses = [c for c in re.split(r"(?<=[。；，])", short) if c]
        assert not CONDITION.search(clauses[0]), (step, short)  # a dropped condition
        assert not CONDITION.search(clauses[-1].rstrip("。") + "，"), (step, short)
