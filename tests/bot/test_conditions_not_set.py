"""Conditions the measures do not set (信用贷要什么条件) are said to be unset first, with who
decides, never answered with another product's list."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

ASKS = ("信用贷要什么条件", "办信用贷有啥门槛", "信用贷款申请条件是什么", "纯信用贷款需要满足啥")
FRAMES = ("{q}", "我们是做茶叶的小厂，{q}", "{q}？？")


STORY = pytest.mark.xfail(
    strict=True,
    reason="a story before the ask (我们是做茶叶的小厂，…) matches the first-loan point with more "
    "confidence than the tail's conditions entry (bot.answer_asks.story_choice)",
)


@pytest.mark.parametrize(
    ("ask", "frame"),
    [
        pytest.param(a, f, marks=STORY if f.startswith("我们") and a != ASKS[2] else ())
        for a, f in itertools.product(ASKS, FRAMES)
    ],
)
def test_unset_conditions_are_said_unset(answerer: Answerer, ask: str, frame: str) -> None:
    answer = talk(answerer, frame.format(q=ask))[0].answer
    lead = answer.answer.split("\n")[0]
    assert lead.startswith("措施没有规定") and "银行" in lead, lead
    assert answer.citations[0].article == 6
