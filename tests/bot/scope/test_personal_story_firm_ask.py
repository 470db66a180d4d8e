"""A personal matter told in one clause (家里装修借了钱, 花呗用得多, 房贷月供压力大)
before a question about the firm's own loan (厂里的续贷, 公司这边能贷点钱周转吗) is the
firm's question; the same personal matters asked for themselves stay declined. Generated
over stories × firms × asks."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

STORIES = ("家里装修借了点钱", "我用花呗借呗比较多", "房贷月供压力挺大", "前阵子买车贷了款")
FIRMS = ("厂里", "公司", "我们企业")
ASKS = ("的续贷能办吗", "这边能贷点钱周转吗", "贷款会不会被拒", "想转贷还能办吗")


@pytest.mark.parametrize(
    ("story", "firm", "ask"), list(itertools.product(STORIES, FIRMS, ASKS))[::2]
)
def test_a_personal_story_before_the_firms_loan_is_answered(
    answerer: Answerer, story: str, firm: str, ask: str
) -> None:
    (turn,) = talk(answerer, f"{story}，{firm}{ask}")
    assert turn.answer.in_scope, turn.answer.answer


@pytest.mark.parametrize(
    "text",
    [
        "花呗额度怎么提高",
        "借呗利息怎么算",
        "房贷利率现在多少",
        "家里装修想贷点钱",
        "房贷月供多少合适",
    ],
)
def test_the_personal_matter_asked_for_itself_is_declined(answerer: Answerer, text: str) -> None:
    (turn,) = talk(answerer, text)
    assert not turn.answer.in_scope, turn.answer.answer
