"""Composed leads answer the predicate asked: generated over subjects × ask templates, stance
predicates, refusals by the bank, and quantities the sources leave open.

The composer alone answers here (no Q&A entries); subjects and practices are the knowledge's
own words (product and platform names, the practices the measures name).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from bot.answer_grounding import ungrounded_numbers
from bot.compose.leads import MAX_LEAD
from knowledge.answer_review import parse_answer_text

if TYPE_CHECKING:
    from bot.answerer import Answerer

PRODUCTS = ("科技贷", "外贸贷", "商贸贷", "提质增产争效贷")
PLATFORMS = ("中登网", "信易贷", "闽光云商", "应收账款融资服务平台")
# Asks of each type about a named subject ({n}).
ASK_TEMPLATES = {
    "what_is": "{n}是什么",
    "how": "{n}怎么申请",
    "conditions": "{n}要什么条件",
    "materials": "{n}要准备哪些材料",
    "how_much": "{n}的利率是多少",
    "how_long": "{n}最长能贷几年",
}
SILENT = re.compile(r"^(措施没有|公开资料没有)")
STANCES = ("可以", "不行", "不合规", "合规", "有", "没有", "会", "不会", "是", "不是", "不一定")


def lead_of(answerer: Answerer, question: str) -> str:
    answer = answerer.answer(question)
    assert answer.in_scope, question
    assert not ungrounded_numbers(answer.answer, answer.citations), question
    return parse_answer_text(answer.answer)["lead"]


def stance_of(lead: str) -> str:
    """The stance a lead opens with ("" when none)."""
    head = lead.split("。", 1)[0]
    return head if head in STANCES else ""


@pytest.mark.parametrize("subject", PRODUCTS + PLATFORMS)
def test_each_ask_about_a_subject_gets_its_own_lead(plain_answerer: Answerer, subject: str) -> None:
    leads = {
        kind: lead_of(plain_answerer, template.format(n=subject))
        for kind, template in ASK_TEMPLATES.items()
    }
    assert all(len(lead) <= MAX_LEAD for lead in leads.values()), leads
    # no stock lead: the six kinds of question get at least four different first sentences
    assert len(set(leads.values())) >= 4, leads
    assert not SILENT.match(leads["what_is"]), leads


@pytest.mark.parametrize("subject", PRODUCTS)
@pytest.mark.parametrize(
    ("template", "label"),
    [
        ("{n}利率多少", "利率"),
        ("{n}利息一般是多少", "利率"),
        ("{n}能贷多少钱", "额度"),
        ("{n}额度最高多少", "额度"),
        ("{n}期限一般几年", "期限"),
    ],
)
def test_a_product_quantity_no_source_sets_is_answered_honestly(
    plain_answerer: Answerer, subject: str, template: str, label: str
) -> None:
    lead = lead_of(plain_answerer, template.format(n=subject))
    assert SILENT.match(lead) and label in lead and "银行" in lead, lead
    assert not re.search(r"\d", lead), lead


@pytest.mark.parametrize(
    "question",
    [
        "续贷的利率一般多少",
        "首贷利息大概多少",
        "信用贷利率是多少",
        "中长期贷款利息多少",
        "无还本续贷以后利率怎么定多少",
    ],
)
def test_a_rate_question_says_the_measures_set_none_and_what_they_say_on_cost(
    plain_answerer: Answerer, question: str
) -> None:
    answer = plain_answerer.answer(question)
    lead = parse_answer_text(answer.answer)["lead"]
    assert lead.startswith("措施没有规定具体利率"), lead
    assert "由银行" in lead
    # what the equal-terms measure says is shown and cited
    assert "国企" in answer.answer and 12 in {c.article for c in answer.citations}


@pytest.mark.parametrize(
    "question",
    [
        "科技贷从哪年开始实施的",
        "资金流信用信息平台什么时候开始试运行的",
        "外贸贷的风险分担比例是多少",
        "政府性融资担保放大倍数是多少",
    ],
)
def test_a_quantity_a_source_sets_is_given_with_its_figure(
    plain_answerer: Answerer, question: str
) -> None:
    answer = plain_answerer.answer(question)
    lead = parse_answer_text(answer.answer)["lead"]
    assert re.search(r"\d", lead) and not SILENT.match(lead), lead
    assert not ungrounded_numbers(answer.answer, answer.citations)


# Practices the measures speak of, each with the predicate asked about it.
PRACTICES = (
    "银行要求先把本金还清才给续贷",
    "银行要我把一部分贷款存回去",
    "银行放贷时要我买他们的保险",
    "银行要我交抵押物评估费",
    "银行要我存保证金",
)
PREDICATES = {
    "这个合理吗": ("合规", "不合规", "不行", "不一定"),
    "这样合规吗": ("合规", "不合规", "不行", "不一定"),
    "这正常吗": ("合规", "不合规", "不行", "不一定"),
}


@pytest.mark.parametrize("practice", PRACTICES)
@pytest.mark.parametrize("predicate", sorted(PREDICATES))
def test_an_evaluative_question_gets_no_stance_of_another_predicate(
    plain_answerer: Answerer, practice: str, predicate: str
) -> None:
    lead = lead_of(plain_answerer, f"{practice}，{predicate}")
    stance = stance_of(lead)
    assert stance == "" or stance in PREDICATES[predicate], lead


@pytest.mark.parametrize(
    ("question", "allowed"),
    [
        ("续贷能不能不先还本金", ("可以", "不行")),
        ("续贷要先还本金吗", ("不一定",)),
        ("贷款一定要抵押吗", ("不一定",)),
        ("抵押评估费要企业出吗", ("不一定",)),
        ("有没有政府性的融资担保", ("有", "没有")),
        ("经营正常的企业会不会被抽贷", ("会", "不会")),
        ("银行贷款要我买理财合规吗", ("合规", "不合规", "不行")),
    ],
)
def test_a_stance_belongs_to_the_predicate_asked(
    plain_answerer: Answerer, question: str, allowed: tuple[str, ...]
) -> None:
    stance = stance_of(lead_of(plain_answerer, question))
    assert stance == "" or stance in allowed, (question, stance)


REFUSALS = ("银行不给续贷", "银行拒绝给我们首贷", "银行突然抽贷", "银行不批信用贷", "银行压贷")


@pytest.mark.parametrize("refusal", REFUSALS)
@pytest.mark.parametrize("predicate", ("合规吗", "可以吗", "正常吗", "能这样吗"))
def test_a_refusal_by_the_bank_is_never_approved(
    plain_answerer: Answerer, refusal: str, predicate: str
) -> None:
    lead = lead_of(plain_answerer, f"{refusal}，{predicate}")
    assert stance_of(lead) not in ("可以", "有", "会", "是", "合规"), lead


@pytest.mark.parametrize(
    "question",
    ["信用修复是哪些部门负责", "融资白名单归谁管", "降低融资成本这条谁牵头", "中登网是谁运营的"],
)
def test_who_is_in_charge_is_answered_with_the_unit(
    plain_answerer: Answerer, question: str
) -> None:
    answer = plain_answerer.answer(question)
    lead = parse_answer_text(answer.answer)["lead"]
    units = [u for c in answer.citations for u in re.split(r"[、，,]", c.units) if u]
    assert any(u in lead for u in units) or "运营" in lead, lead


@pytest.mark.parametrize("subject", ("续贷", "首贷", "信用修复", "进融资白名单"))
def test_a_materials_question_without_a_list_in_the_sources_says_so(
    plain_answerer: Answerer, subject: str
) -> None:
    lead = lead_of(plain_answerer, f"{subject}要准备什么材料")
    assert "材料" in lead or "资料" in lead, lead


@pytest.mark.parametrize("subject", PRODUCTS)
@pytest.mark.parametrize("template", ("{n}要抵押吗", "{n}需不需要抵押", "办{n}要不要担保"))
def test_is_it_needed_is_answered_not_necessarily_when_no_source_requires_it(
    plain_answerer: Answerer, subject: str, template: str
) -> None:
    lead = lead_of(plain_answerer, template.format(n=subject))
    assert lead.startswith("不一定。") and "银行" in lead, lead
