"""A how-much or is-there ask about a benefit the sources never mention (补贴, 贴息 … of
something) is told so first — never "no figure set", which presupposes the benefit — then the
nearest measure and whom to ask (bot/unsourced/asked.py `asked_benefit`, lead.py). Over the
session index; subjects × wordings × styles are the tests' own."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bot.answerer import Answerer

SUBJECTS = ("到新三板挂牌", "发行债券融资", "申请首笔贷款", "办无还本续贷")
FORMS = (
    "{}政府有补贴吗补多少",  # no punctuation
    "{}有没有补贴？能补多少",
    "請問{}有補貼嗎，補多少",  # traditional
    "{}有没有贴息 贴多少",
    "{}有补帖吗补多少",  # pinyin slip
    "我们是做竹木加工的小厂，今年打算{}，听朋友说别的地方政府会给钱，想问下这边有补贴吗补多少",
)
CASES = [f.format(s) for f, s in itertools.product(FORMS, SUBJECTS)]


@pytest.mark.parametrize("question", CASES)
def test_benefit_never_mentioned_said_so(answerer: Answerer, question: str) -> None:
    lead = str(answerer.answer(question).answer).splitlines()[0]
    assert "没有提到「" in lead, lead
    assert "具体数字" not in lead and "具体金额" not in lead
    assert "第" in lead and "条" in lead  # the nearest measure is named


@pytest.mark.parametrize("question", CASES)
def test_benefit_answer_never_presupposes(answerer: Answerer, question: str) -> None:
    text = str(answerer.answer(question).answer)
    assert "没有写具体数字" not in text and "没有规定具体金额" not in text
