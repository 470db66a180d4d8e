"""A national body's requirements asked as such are declined (national_rules); a bare 人民银行
asking what it requires stays in scope, as it may be 人行三明市分行 (lead unit of several
measures) or the 征信中心 behind a platform. Generated over bodies × asks written here."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bot.answerer import Answerer

ASKS = ("对小微企业贷款有什么考核指标", "有哪些规定", "在普惠金融上有啥要求")
NATIONAL = [
    f"{b}{a}" for b, a in itertools.product(("中国人民银行", "金融监管总局", "国务院"), ASKS)
]
LOCAL = [
    f"{b}{a}"
    for b, a in itertools.product(("人民银行", "人民银行那块"), ("有什么要求", "有哪些要求"))
]


@pytest.mark.parametrize("question", NATIONAL)
def test_a_national_bodys_requirements_are_declined(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert not answer.in_scope and answer.refusal == "national_rules", (question, answer.answer)


@pytest.mark.parametrize("question", LOCAL)
def test_a_bare_peoples_bank_is_not_a_national_rule(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question).refusal != "national_rules", question
