"""Smaller reading kinds, each over its variants:

- a wish to obtain something (我老婆想办信用卡) is no plan acknowledged with 不客气;
- a measure word after a numeral (几百吨货) is no pinyin slip (吨货 is not 囤货);
- what the assistant can do asked colloquially (你能干嘛) gets the help text;
- a follow-up of another matter stays declined after an answer.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.reading.closings import closing
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

FIRSTS = ("续贷要先还本金吗", "科技贷能申请吗", "信用修复怎么办")


@pytest.mark.parametrize(
    "text", ["我老婆想办信用卡", "我想办个贷款", "我们打算申请科技贷", "我儿子要买车", "我想借点钱"]
)
def test_a_wish_is_no_plan_taken(text: str) -> None:
    assert closing(text, in_conversation=True) == ""


@pytest.mark.parametrize(
    "text", ["我去问问银行", "我想去问问银行", "那我下周去银行办", "我回去跟老板商量一下"]
)
def test_a_step_the_owner_will_take_closes_the_turn(text: str) -> None:
    assert closing(text, in_conversation=True) == "thanks"


@pytest.mark.parametrize(
    ("amount", "unit", "goods"),
    list(itertools.product(("几百", "300", "五十"), ("吨", "箱", "件"), ("货", "莲子", "冻品"))),
)
def test_a_counted_quantity_is_no_slip(
    answerer: Answerer, amount: str, unit: str, goods: str
) -> None:
    text = f"仓库里压了{amount}{unit}{goods} 存货能抵押吗"
    turn = talk(answerer, text)[0]
    assert f"{amount}{unit}{goods}" in turn.reading.resolved
    assert turn.answer.in_scope and turn.answer.citations[0].article == 9, turn.answer.answer


@pytest.mark.parametrize("text", ["你能干嘛", "你会干啥", "你可以帮啥", "你能做些啥"])
def test_what_the_assistant_does_asked_colloquially(answerer: Answerer, text: str) -> None:
    answer = talk(answerer, text)[0].answer
    assert answer.intent == "greeting" and "回复“申请”" in answer.answer


@pytest.mark.parametrize(
    ("first", "other"),
    list(itertools.product(FIRSTS, ("明天天气怎么样", "帮我推荐只股票", "我老婆想办信用卡"))),
)
def test_a_follow_up_of_another_matter_stays_declined(
    answerer: Answerer, first: str, other: str
) -> None:
    assert not talk(answerer, first, other)[-1].answer.in_scope
