"""Leads that answer the predicate a wording hides (bot/compose/predicates.py): a sum asked as
yes/no, whom a thing is for, borrowing while something is short, and weighing a bank's action
in words other than compliance. Wordings are generated here over each kind."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.compose.predicates import asks_sum, asks_when_short, asks_whom_for, qa_ask, restated
from bot.compose.question import propriety_stance, question_shape, weighs_propriety
from bot.messages import Answer

if TYPE_CHECKING:
    from bot.answerer import Answerer

PRODUCTS = ("科技贷", "外贸贷", "商贸贷", "提质增产争效贷")
SUMS = ("300万", "1000万", "两百万", "50w", "一千万")
SUM_ASKS = (
    "想贷{s}{p}行不行",
    "{s}的{p}能批吗",
    "我们申请{p}，{s}批得下来吗",
    "{p}贷{s}可以吗",
    "办{p}借{s}有戏吗",
)
BARE = ("可以", "不行", "合规", "是", "会")


def lead_of(answerer: Answerer, question: str) -> str:
    """The first sentence the answerer gives to question."""
    reply = answerer.reply(question)
    assert not isinstance(reply, Answer), question
    return reply.parts[0].lead


def opens_bare(lead: str) -> bool:
    """The lead opens with a bare stance word (可以。/ 不行，…)."""
    return any(lead.startswith(w) and lead[len(w) : len(w) + 1] in "。，：" for w in BARE)


@pytest.mark.parametrize(("template", "amount"), list(itertools.product(SUM_ASKS, SUMS))[::2])
def test_a_sum_asked_as_yes_no_is_an_amount_ask(template: str, amount: str) -> None:
    question = template.format(s=amount, p="科技贷")
    assert asks_sum(question)
    assert qa_ask(question, "yesno") == "how_much"
    shape = question_shape(question, "yesno")
    assert not shape.stance and [d.name for d in shape.dimensions] == ["amount"]
    assert restated(question, "科技贷") == "科技贷能贷多少额度"


@pytest.mark.parametrize(
    "question",
    [
        "贷了300万利息多少",
        "续贷500万要先还本金吗",
        "已经借了两百万还能再借吗",
        "科技贷能贷多少",
        "找银行贷一百万，客户经理要我先存一笔钱，这样合规吗",
        "想发点债券融资，三千万左右，市里支持吗",
        "想贷个八十万，能不能在手机上直接申请",
    ],
)
def test_a_sum_already_borrowed_or_no_sum_is_no_amount_ask(question: str) -> None:
    assert not asks_sum(question)


@pytest.mark.parametrize(
    ("product", "template", "amount"),
    [
        (p, t, s)
        for i, (p, t, s) in enumerate(itertools.product(PRODUCTS, SUM_ASKS, SUMS))
        if i % 7 == 0
    ],
)
def test_a_sum_lead_says_no_figure_is_set_and_who_decides(
    answerer: Answerer, product: str, template: str, amount: str
) -> None:
    lead = lead_of(answerer, template.format(s=amount, p=product))
    assert not opens_bare(lead), lead
    assert "额度" in lead and "银行" in lead, lead
    assert "没有" in lead, lead  # the honest silence, never an invented figure
    if product in ("外贸贷", "商贸贷"):
        assert "企业库" in lead, lead  # the real precondition


SHORT_ASKS = (
    ("抵押物不够能贷款吗", "抵押"),
    ("押的东西不够还能贷到钱吗", "抵押"),
    ("没有房产抵押能不能借到款", "抵押"),
    ("纳税少能不能贷款", "纳税"),
    ("公司交税不多还能贷吗", "纳税"),
    ("流水不够能贷款吗", "流水"),
    ("对公流水太少银行会批吗", "流水"),
)


@pytest.mark.parametrize(
    "question",
    [
        "没有房产可以押，库存的木材能拿来抵押贷款吗",
        "抵押不够，能不能走政府的担保公司增信",
        "纳税少了银行要把授信额度降下来，这样对吗",
    ],
)
def test_a_route_asked_or_a_cut_line_is_no_shortage_ask(question: str) -> None:
    assert not asks_when_short(question)


@pytest.mark.parametrize(("question", "short"), SHORT_ASKS)
def test_borrowing_while_short_gets_the_routes(
    answerer: Answerer, question: str, short: str
) -> None:
    assert asks_when_short(question) and qa_ask(question, "yesno") == "how"
    lead = lead_of(answerer, question)
    assert "额度" not in lead and "降" not in lead, lead  # not the reduced credit line
    routes = ("担保", "信用", "质押", "资金流")
    assert sum(r in lead for r in routes) >= 2, lead
    assert not opens_bare(lead), lead


PRACTICES = ("突然抽贷", "压贷", "无故断贷", "突然停贷")
PROPRIETY = ("合法吗", "合理吗", "允许吗", "能这样吗", "应该吗", "这样对吗")


@pytest.mark.parametrize(
    ("practice", "predicate"), list(itertools.product(PRACTICES, PROPRIETY))[::3]
)
def test_weighing_a_banks_action_states_the_sources_force(
    answerer: Answerer, practice: str, predicate: str
) -> None:
    question = f"生意一直正常，银行{practice}，{predicate}"
    assert weighs_propriety(question)
    lead = lead_of(answerer, question)
    assert not opens_bare(lead), lead  # never a bare 不行 / 可以 read as another predicate
    assert "第4条" in lead or "措施" in lead, lead
    assert "防止" in lead or "不该" in lead, lead  # the source's force


@pytest.mark.parametrize(
    ("predicate", "stance"),
    [("合理吗", "不合理"), ("有道理吗", "不合理"), ("合法吗", "不应该"), ("能这样吗", "不应该")],
)
def test_a_ruled_out_practice_is_weighed_in_the_predicates_terms(
    predicate: str, stance: str
) -> None:
    assert propriety_stance(f"银行突然抽贷，{predicate}") == stance


@pytest.mark.parametrize("predicate", ["合规吗", "违规吗", "可以吗", "行不行"])
def test_compliance_and_can_predicates_are_not_propriety(predicate: str) -> None:
    assert not weighs_propriety(f"银行要我买理财才放款，{predicate}")


WHOM_ASKS = ("{p}是给谁的", "{p}适合哪些企业", "{p}面向什么企业", "哪些企业可以申请{p}")


@pytest.mark.parametrize(("product", "template"), list(itertools.product(PRODUCTS, WHOM_ASKS)))
def test_whom_a_product_is_for_names_the_group(
    answerer: Answerer, product: str, template: str
) -> None:
    question = template.format(p=product)
    assert asks_whom_for(question) and qa_ask(question, "what_is") == "conditions"
    lead = lead_of(answerer, question)
    assert not lead.startswith(f"{product}是"), lead  # not its definition
    assert "企业" in lead, lead


@pytest.mark.parametrize(
    "question",
    ["白名单企业有什么好处", "进了融资白名单能得到啥支持", "上了白名单对贷款有什么帮助"],
)
def test_a_benefit_question_names_the_benefit(answerer: Answerer, question: str) -> None:
    lead = lead_of(answerer, question)
    assert "优先" in lead and not lead.startswith("白名单是"), lead
