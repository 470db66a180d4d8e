"""Leads for obstacles on a financing route, for lacking one condition, for the party that
decides what the sources leave open, and for facets with no entry of their own (issue 19,
sections 3-5): the first sentence answers exactly what is asked.

- an obstacle (抵押物不够, 评估价低, 买方不确认, 担保公司不担, 流水少) is answered with what the
  measures offer instead, saying what they do not cover — never 第9条's limit-cut point;
- lacking one of alternative conditions is 不一定要X, a required one is 不行, a thing the
  measures set no condition on is 可以 (knowledge/data/qa/, bot/compose/qa_agreement.py
  `lacking_agreement`);
- the honest silence on a loan's time, ratio or fee names who decides: the bank, the guarantor
  for a guarantee fee, the appraiser for an appraisal fee (bot/compose/deciders.py);
- 首贷 terms, how appraisal goes, and 金服云 get leads of their own.
Wordings and styles (clean, pinyin slips, no punctuation, traditional, a story with the
question last) are the tests' own."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bot.answerer import Answerer

_STORY = "我们是做竹木加工的小厂，十来个人，这两年订单还行，想再添两台设备，"
LIMIT_CUT = ("被降额度", "额度被调降", "调降")

SHORT_COLLATERAL = [
    "抵押物不太够，贷款怎么办",
    "抵押的东西不够怎么解决",
    "抵压物不够用咋整",  # slip
    "抵押物不足怎麼辦",  # traditional
    "抵押物不够了怎么办呢",  # bare
    f"{_STORY}可厂房去年就押给银行了，现在抵押物不够，怎么办？",
]
LOW_APPRAISAL = [
    "抵押物评估价低怎么办",
    "房产估值太低了怎么解决",
    "评估价给的偏低咋办",
    "評估價太低怎麼辦",  # traditional
]
BUYER_REFUSES = [
    "下游客户不愿确认应收账款怎么办",
    "客户不给确认应收帐款咋办",  # slip
    "买家不肯确认应收账款还能融资吗",
    f"{_STORY}有一笔货款在大客户那里，我们想拿应收账款融资，可客户不肯确认，怎么办？",
]
GUARANTOR_REFUSES = [
    "担保公司不愿意给我们担保怎么办",
    "融资担保公司不肯担 咋办",
    "擔保公司不肯擔保怎麼辦",  # traditional
    f"{_STORY}银行要找担保，结果担保公司不肯担保，怎么办？",
]
THIN_CASHFLOW = [
    "银行嫌我们流水太少怎么办",
    "银行说我们流水少不好贷 怎么办",
    "银行闲流水少不批咋办",  # slip
]


def _answer(answerer: Answerer, question: str) -> tuple[str, str]:
    text = str(answerer.answer(question).answer)
    return text.splitlines()[0], text


@pytest.mark.parametrize("question", SHORT_COLLATERAL)
def test_short_collateral_leads_with_other_credit_support(
    answerer: Answerer, question: str
) -> None:
    lead, _ = _answer(answerer, question)
    assert "担保" in lead and "信用" in lead, lead
    assert not any(w in lead for w in LIMIT_CUT), lead


@pytest.mark.parametrize("question", LOW_APPRAISAL)
def test_low_appraisal_says_no_figure_is_set(answerer: Answerer, question: str) -> None:
    lead, _ = _answer(answerer, question)
    assert lead.startswith("措施没有规定") and "银行" in lead, lead
    assert not any(w in lead for w in LIMIT_CUT), lead


@pytest.mark.parametrize("question", BUYER_REFUSES)
def test_buyer_refusing_is_honest_and_offers_other_routes(
    answerer: Answerer, question: str
) -> None:
    lead, _ = _answer(answerer, question)
    assert "没说" in lead or "没有说" in lead, lead
    assert "订单" in lead or "仓单" in lead, lead


@pytest.mark.parametrize("question", GUARANTOR_REFUSES)
def test_guarantor_refusing_says_the_measures_only_encourage(
    answerer: Answerer, question: str
) -> None:
    lead, answer = _answer(answerer, question)
    assert "鼓励" in lead and "保险" in lead, lead
    assert "协调办" in answer, answer


@pytest.mark.parametrize("question", THIN_CASHFLOW)
def test_thin_cash_flow_says_no_threshold_and_offers_credit_data(
    answerer: Answerer, question: str
) -> None:
    lead, _ = _answer(answerer, question)
    assert lead.startswith("措施没有规定") and "资金流" in lead, lead


# Lacking one condition: (question, the lead's opening).
LACKING = [
    ("科技贷没专利可以办吗", "不一定要专利"),
    ("没有专利 能不能申请科技贷", "不一定要专利"),
    ("沒有專利能申請科技貸嗎", "不一定要专利"),  # traditional
    ("科技带没有专利能贷吗", "不一定要专利"),  # slip
    (f"{_STORY}听说有科技贷，可我们没有专利，能申请吗？", "不一定要专利"),
    ("不是高新技术企业能办科技贷吗", "不一定要是高企"),
    ("没有进白名单可以贷款吗", "可以"),
    ("不在白名单里能不能贷款", "可以"),
    (f"{_STORY}我们没进融资白名单，能贷款吗？", "可以"),
    ("没有进出口业务可以申请外贸贷吗", "不行"),
    ("没有外贸业务 能申请外贸带吗", "不行"),  # slip
]


@pytest.mark.parametrize(("question", "opening"), LACKING)
def test_lacking_one_condition_is_answered_by_its_role(
    answerer: Answerer, question: str, opening: str
) -> None:
    lead, _ = _answer(answerer, question)
    assert lead.startswith(opening), lead


# Honest silence: (question, who decides, who must not be named as deciding).
DECIDERS = [
    ("续贷多久能批下来", "由银行", "向三明金融监管分局问清"),
    ("贷款审批下来要多久", "银行", "问清"),
    ("抵押贷款最多能贷到评估值的几成", "由银行", "向三明金融监管分局问清"),
    ("房子抵押能贷几成", "由银行", "问清"),
    ("没人担保，政府性担保收费多少", "担保机构", "由银行"),
    ("找政府的担保公司要交多少担保费", "担保机构", "由银行"),
    ("评估费要花多少钱", "评估机构", "额度"),
    ("抵押评估费大概多少", "评估机构", "额度"),
]


@pytest.mark.parametrize(("question", "who", "wrong"), DECIDERS)
def test_silence_names_who_decides(answerer: Answerer, question: str, who: str, wrong: str) -> None:
    lead, _ = _answer(answerer, question)
    assert who in lead and wrong not in lead, lead


@pytest.mark.parametrize(
    "question",
    ["首贷有啥优惠", "第一次贷款有没有什么优惠政策", "首貸有什麼優惠", "首代有什么优惠吗"],
)
def test_first_loan_terms_are_honest(answerer: Answerer, question: str) -> None:
    lead, _ = _answer(answerer, question)
    assert lead.startswith("措施没有给首贷定具体优惠") and "银行" in lead, lead


@pytest.mark.parametrize(
    "question",
    ["林权质押的评估怎么搞", "抵押物评估怎么弄", "专利质押要怎么评估", "厂房抵押评估咋办"],
)
def test_appraisal_how_is_about_appraisal(answerer: Answerer, question: str) -> None:
    lead, _ = _answer(answerer, question)
    assert "评估" in lead and "自评估或免评估" in lead, lead


@pytest.mark.parametrize(
    "question", ["金服云是什么", "金服云平台是干嘛的", "金服云在哪里", "金服雲是什麼平台"]
)
def test_jinfuyun_has_a_note(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert "金服云" in str(answer.answer).splitlines()[0], answer.answer
    assert "platform-jinfuyun" in [c.doc_id for c in answer.citations], answer.citations


@pytest.mark.parametrize(
    "question",
    [
        f"{_STORY}听说有科技贷，我们没有专利，能申请吗？",
        "我们开了六七年了，一直做出口，听说外贸贷不用抵押，是真的吗",
        "公司成立三年多，去年营收两百万，听说白名单企业能优先贷款，对吗",
    ],
)
def test_a_storys_own_figures_are_not_asked_to_be_confirmed(
    answerer: Answerer, question: str
) -> None:
    lead, _ = _answer(answerer, question)
    assert "没有这个数字" not in lead and not lead.startswith(("对，", "不对，")), lead
