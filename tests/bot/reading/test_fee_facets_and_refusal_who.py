"""Follow-ups read against the right subject:

- a loan's own facet asked bare (利率呢, 额度多少) while a fee is in focus (评估费, 担保费) is
  asked of the loan discussed before the fee, never of the fee (评估费利率);
- a bare who (那找谁) after a refusal told (银行不给续贷) asks whom to turn to about it
  (第15条's coordination office), not who offers the product;
- a refusal for the owner's industry (说我们行业不行) is 第4条's 行业发展前景.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

LOANS = ("我们有专利 能质押贷款吗", "林权能抵押贷款吗", "应收账款能融资吗")
FEES = ("评估费谁出", "担保费贵吗", "登记要收费吗")
FACETS = ("利率呢", "那利息呢", "额度多少")
REFUSALS = ("银行不给续贷 说要先还本金", "支行不给批", "贷款申请被拒了，银行不给贷")
WHO = ("那找谁", "那我该找谁呢", "找谁")


@pytest.mark.parametrize(("loan", "fee", "facet"), list(itertools.product(LOANS, FEES[:2], FACETS)))
def test_a_loan_facet_after_a_fee_is_asked_of_the_loan(
    answerer: Answerer, loan: str, fee: str, facet: str
) -> None:
    turn = talk(answerer, loan, fee, facet)[-1]
    resolved = turn.reading.asks[0].text
    assert "费" not in resolved, resolved
    lead = turn.answer.answer.split("\n")[0]
    assert "评估机构定" not in lead and "担保机构定" not in lead, lead


@pytest.mark.parametrize(("refusal", "who"), list(itertools.product(REFUSALS, WHO)))
def test_a_bare_who_after_a_refusal_gets_whom_to_turn_to(
    answerer: Answerer, refusal: str, who: str
) -> None:
    answer = talk(answerer, refusal, who)[-1].answer
    assert 15 in [c.article for c in answer.citations], answer.answer
    assert "协调" in answer.answer.split("\n")[0], answer.answer


@pytest.mark.parametrize(
    "text",
    ["支行不给批 说我们行业不行", "银行说我们这行不给贷", "客户经理说我们行业一刀切不贷"],
)
def test_a_refusal_for_the_industry_is_measure_4(answerer: Answerer, text: str) -> None:
    answer = talk(answerer, text)[0].answer
    assert answer.citations[0].article == 4, answer.answer
