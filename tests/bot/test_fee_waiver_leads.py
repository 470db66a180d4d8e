"""Fees asked of (trial 6 kinds): whether a fee can be waived is answered with what 第11条 (and
第9条 for a guarantee) says, never a bare 可以 or a 保证金 step; a charge asked of a guarantee
(找担保要收费吗) reads as a fee question; a story naming the appraisal fee and a forced
insurance answers both charges; taking the measures to the bank is 可以 (they are public), never
the point's 不行 on what the bank may do; 信用贷 conditions are said unset, for that loan only.
Wordings are made up over each kind (never evaluation questions)."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

STYLES = ("{q}", "{q}？", "请问{q}", "我们是做家具的小厂，{q}")


def _lead(answerer: Answerer, *texts: str) -> tuple[str, list[int | None], str]:
    answer = talk(answerer, *texts)[-1].answer
    return answer.answer.split("\n")[0], [c.article for c in answer.citations], answer.answer


APPRAISAL_WAIVE = ("评估费能免掉吗", "评估费可以不收吗", "评估费有没有可能免", "评古费能不能减免")


@pytest.mark.parametrize(("ask", "style"), list(itertools.product(APPRAISAL_WAIVE, STYLES[:3])))
def test_an_appraisal_fee_waiver_is_what_measure_11_says(
    answerer: Answerer, ask: str, style: str
) -> None:
    lead, articles, whole = _lead(answerer, style.format(q=ask))
    assert not lead.startswith("可以"), lead
    assert "免评估" in lead and "银行" in lead and len(lead) <= 60, lead
    steps = whole.split("依据：")[0]  # lead, points and next step (the quote lists 保证金 too)
    assert articles[0] == 11 and "保证金" not in steps, whole


GUARANTEE_FEE = (
    "担保费能不能少收点",
    "政府性担保的担保费可以免吗",
    "找担保公司担保收不收钱",
    "政府担保需要付费吗",
    "走政府性融资担保要花钱吗",
    "担保费要交多少",
)


@pytest.mark.parametrize(("ask", "style"), list(itertools.product(GUARANTEE_FEE, STYLES[:3])))
def test_a_guarantee_charge_is_a_fee_question_of_measure_9(
    answerer: Answerer, ask: str, style: str
) -> None:
    lead, articles, _ = _lead(answerer, style.format(q=ask))
    assert lead.startswith("措施没有") and "担保机构" in lead, lead
    assert "不一定" not in lead and articles[0] == 9, lead


REGISTRATION_FEE = ("抵押登记费能免掉吗", "办抵押登记的费用可以不交吗", "质押登记费能不能减免")


@pytest.mark.parametrize("ask", REGISTRATION_FEE)
def test_a_registration_fee_is_not_said_waived(answerer: Answerer, ask: str) -> None:
    lead, articles, _ = _lead(answerer, ask)
    assert lead.startswith("措施没有规定免登记费"), lead
    assert 11 in articles


# bot/scope (not this package) declines a weighing ask naming 买保险 as an insurance purchase.
FEE_AND_BUNDLE = (
    "银行让我们掏评估费，还要买它家的保险才肯放款",
    "评估费我们出了，客户经理还非要我们买份保险才贷",
    "又要付评估费又要搭着买保险，这合规吗",
    "银行又收评估费又让搭买保险，合理吗",
    "评估费得我们出，还得搭一份保险才放款，这正常吗",
)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("story", FEE_AND_BUNDLE)
def test_an_appraisal_fee_and_a_forced_insurance_are_both_answered(
    answerer: Answerer, story: str, style: str
) -> None:
    lead, articles, _ = _lead(answerer, style.format(q=story))
    assert "评估" in lead and "搭售" in lead and "以贷转存" not in lead, lead
    assert articles[0] == 11


OPENERS = ("同等条件下民企利率跟国企一样吗", "银行对民营企业设歧视性条件怎么办")
CITES = (
    "我能拿这个文件去跟银行谈吗",
    "可以拿着这份政策去找客户经理说吗",
    "把这个措施给银行看行不行",
    "能引用这些条款跟银行讲吗",
)


@pytest.mark.parametrize("ask", CITES)
@pytest.mark.parametrize("opener", OPENERS)
def test_taking_the_measures_to_the_bank_is_allowed(
    answerer: Answerer, opener: str, ask: str
) -> None:
    lead, _, _ = _lead(answerer, opener, ask)
    assert lead.startswith("可以") and "不行" not in lead, lead


@pytest.mark.parametrize(
    "ask", ["民营企业能和国企享受一样的贷款条件吗", "民企贷款利率能跟国企一样吗"]
)
def test_the_banks_not_is_no_answer_to_whether_terms_are_equal(
    answerer: Answerer, ask: str
) -> None:
    lead, articles, _ = _lead(answerer, ask)
    assert not lead.startswith("不行"), lead
    assert 12 in articles


CREDIT_CONDITIONS = (
    "信用贷要满足哪些条件",
    "办纯信用贷款有什么门槛",
    "信用贷款申请需要啥条件",
    "想办信用贷，有什么要求",
)


@pytest.mark.parametrize(("ask", "style"), list(itertools.product(CREDIT_CONDITIONS, STYLES[:3])))
def test_credit_loan_conditions_are_said_unset(answerer: Answerer, ask: str, style: str) -> None:
    lead, articles, _ = _lead(answerer, style.format(q=ask))
    assert lead.startswith("措施没有规定信用贷") and "银行" in lead, lead
    assert articles[0] == 6


GENERAL_CONDITIONS = ("贷款要满足什么条件", "办贷款需要哪些条件", "申请贷款门槛是什么")


@pytest.mark.parametrize("ask", GENERAL_CONDITIONS)
def test_a_general_conditions_ask_never_gets_the_credit_loan_entry(
    answerer: Answerer, ask: str
) -> None:
    lead, _, _ = _lead(answerer, ask)
    assert "信用贷" not in lead, lead
