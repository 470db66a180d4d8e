"""A bank making a purchase the price of a loan (第11条's 搭售) stays in scope in every wording,
with or without a subject, while a loan's money taken to speculate with stays declined
(bot.scope.speculation). Generated over products × demands × asks written here."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bot.answerer import Answerer

PRODUCTS = ("理财", "理财产品", "基金", "保险")
DEMANDS = (
    "贷款要求买{p}",
    "办贷款被要求买{p}",
    "贷款必须搭配买{p}",
    "贷款的时候被推销{p}，不买不给批",
    "申请经营贷非得先买{p}",
)
ASKS = ("，正常吗", "，这合规吗", "，我该找谁", "，算不算违规", "，可以拒绝吗")
FORCED = [d.format(p=p) + a for d, p, a in itertools.product(DEMANDS, PRODUCTS, ASKS)]
MISUSE = [
    "贷款下来能不能先拿去买点基金",
    "经营贷利息才三个点，拿去炒股划算吗",
    "融资买理财赚利差可以吗",
    "用信用贷的钱买股票行不行",
]


# Retrieval still ranks other measures first for these two demands (第6条 for 不买不给批, 第4条's
# 保证保险 for 非得先买保险): in scope, but not yet answered from 第11条.
RANKED_ELSEWHERE = ("不买不给批", "非得先买")


@pytest.mark.parametrize("question", FORCED)
def test_a_purchase_demanded_with_a_loan_is_in_scope(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.in_scope, (question, answer.refusal)


@pytest.mark.parametrize(
    "question",
    [
        pytest.param(q, marks=pytest.mark.xfail(reason="ranked elsewhere", strict=False))
        if any(w in q for w in RANKED_ELSEWHERE)
        else q
        for q in FORCED
    ],
)
def test_a_purchase_demanded_with_a_loan_is_answered_from_measure_11(
    answerer: Answerer, question: str
) -> None:
    answer = answerer.answer(question)
    assert any(c.article == 11 for c in answer.citations), (question, answer.answer)


@pytest.mark.parametrize("question", MISUSE)
def test_a_loan_taken_to_speculate_stays_declined(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert not answer.in_scope and answer.refusal == "loan_misuse", (question, answer.answer)
