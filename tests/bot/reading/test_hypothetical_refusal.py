"""The bank's no supposed (要是银行不同意呢, 万一不批怎么办) or talks failed (谈不下来找谁),
after an answer: read as the escalate recourse, answered with the coordination office
(第15条), never as a comparison or a time limit of the topic in focus."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.reading.recourse import recourse
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

MARKERS = ("要是", "如果", "万一", "假如", "那要是")
WHO = ("", "银行", "他们", "支行")
REFUSALS = ("不同意", "不批", "不给办", "拒绝", "还是不肯")
ENDS = ("呢", "怎么办", "咋办")
FAILED_TALKS = ("谈不下来找谁", "跟银行谈不拢怎么办", "沟通不通咋办", "协商没结果呢")
FIRSTS = (
    "贷款快到期了，想续贷，能不还本金吗",
    "我们是科技型企业，科技贷能申请吗",
    "企业征信有逾期记录，能做信用修复吗",
    "抵押的厂房评估价降了，银行要降额度",
)


@pytest.mark.parametrize(
    "text",
    [f"{m}{w}{r}{e}" for m, w, r, e in itertools.product(MARKERS, WHO, REFUSALS, ENDS)]
    + list(FAILED_TALKS),
)
def test_a_supposed_refusal_is_the_escalate_recourse(text: str) -> None:
    assert recourse(text) == "escalate"


@pytest.mark.parametrize(
    "text", ["如果银行同意的话要多久", "要是没有抵押呢", "要是贷款到期了呢", "如果批下来利率多少"]
)
def test_a_supposition_of_no_refusal_is_no_recourse(text: str) -> None:
    assert recourse(text) == ""


@pytest.mark.parametrize(
    ("first", "follow_up"),
    list(itertools.product(FIRSTS, ("要是银行不同意呢", "万一支行不批怎么办", "谈不下来找谁"))),
)
def test_after_an_answer_a_supposed_refusal_gets_the_coordination_office(
    answerer: Answerer, first: str, follow_up: str
) -> None:
    answer = talk(answerer, first, follow_up)[-1].answer
    assert answer.in_scope and not answer.refusal
    assert answer.citations[0].article == 15, answer.answer
    assert "协调办" in answer.answer.split("\n")[0]
