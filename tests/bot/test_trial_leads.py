"""Leads that answer the predicate asked (issue 19, leads round 10), generated over kinds:

1. a bare "may we apply" after a story of the firm's trade: the stance first, for the product
   the story points to (做外贸的 → 外贸贷);
2. a sum above 第5条's focus asked "还能享受吗": whether it falls in the focus, not the amount
   silence, and never read as "can this sum be lent";
3. terms worse than a state-owned firm's, told: 第12条's equal terms, not the rate silence;
4. a delay in paying out an approved loan (受托支付): no 不合规 stance on the way of payment,
   第11条's 贷款延迟支付 named;
5. whether supply-chain financing on a platform needs a guarantee: what 第7条 says (无需);
6. an order-financing yes/no: no pledge point padding it;
7. follow-ups after "no guarantor" asking other things get other leads;
8. who helps after a refusal: the office that follows refused firms, no whitelist step.
The texts are the tests' own, written from the measures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.compose.predicates import asks_sum, qa_ask, trade_product, unequal_terms
from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from knowledge.documents import Document

if TYPE_CHECKING:
    from bot.answerer import Answerer


def _answers(answerer: Answerer, *texts: str) -> list[list[str]]:
    """Each answer's lines before its 原文 part, the messages sent in one conversation."""
    context = ConversationContext()
    found = []
    for text in texts:
        exchange = answer_in_context(answerer, context, text)
        context = exchange.context
        found.append(exchange.answer.answer.split("原文", 1)[0].splitlines())
    return found


def _lead(answerer: Answerer, *texts: str) -> list[str]:
    return _answers(answerer, *texts)[-1]


# --- 1. a bare "may we apply" after a trade story ----------------------------------------------
STORIES = (
    "我们公司在三明做外贸的，二十来个人，今年订单多了，资金有点紧，",
    "我们是做进出口的外贸企业，去年出口三百多万美元，现在想扩大生产，",
    "我家厂子主要做外贸出口，客户在东南亚，回款慢，",
)
APPLY = ("我们能不能申请？", "能申请吗", "我们可以申请吗？", "可以办吗")


@pytest.mark.parametrize("story", STORIES)
@pytest.mark.parametrize("ask", APPLY)
def test_trade_story_apply_ask_leads_with_the_stance(
    answerer: Answerer, story: str, ask: str
) -> None:
    lines = _lead(answerer, story + ask)
    assert lines[0].startswith(("可以", "要看", "做进出口的可以")), lines
    assert "外贸贷" in lines[0], lines


def _doc(doc_id: str, title: str, kind: str) -> Document:
    article = 6 if kind == "measure" else None
    return Document(doc_id=doc_id, article=article, title=title, text="", kind=kind)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("我们做外贸的，我们能不能申请", "外贸贷"),
        ("我们是科技企业，可以申请吗", "科技贷"),
        ("我们做外贸的，利率多少", ""),  # not a bare apply ask
        ("我们开饭店的，能申请吗", ""),  # no product's name in the story
    ],
)
def test_trade_product_only_for_a_bare_apply_ask(text: str, expected: str) -> None:
    docs = [
        _doc("measure-6", "落实专项贷款政策", "measure"),
        _doc("product-waimaodai", "外贸贷（福建省商贸贷外贸贷）", "product"),
        _doc("product-kejidai", "科技贷（福建省科技型中小微企业贷款）", "product"),
    ]
    assert trade_product(text, docs) == expected


# --- 2. a sum above 第5条's focus --------------------------------------------------------------
SUMS = ("1500万", "一千二百万", "2000万", "三千万")
STILL = ("还能享受吗", "还能享受政策吗", "还算重点支持吗")


@pytest.mark.parametrize("amount", SUMS)
@pytest.mark.parametrize("still", STILL)
def test_sum_above_focus_is_not_an_amount_ask(amount: str, still: str) -> None:
    text = f"我们要贷{amount}{still}"
    assert not asks_sum(text)
    assert qa_ask(text, "yesno") == "yesno"


@pytest.mark.parametrize("amount", ("1500万", "2000万", "三千万"))
@pytest.mark.parametrize("still", ("还能享受吗", "还能享受政策吗"))
def test_sum_above_focus_says_whether_it_is_in_the_focus(
    answerer: Answerer, amount: str, still: str
) -> None:
    lead = _lead(answerer, f"我们要贷{amount}{still}")[0]
    assert "1000万元" in lead and "不在" in lead and "没有禁止" in lead, lead


@pytest.mark.parametrize("text", ["我想贷300万，能批吗", "科技贷能贷500万吗"])
def test_a_sum_asked_as_lendable_stays_an_amount_ask(text: str) -> None:
    assert asks_sum(text)


# --- 3. terms worse than a state-owned firm's ---------------------------------------------------
COMPLAINTS = (
    "银行给我们的利率比国企高了一个点",
    "同一家银行，我们的贷款利息比隔壁国有企业贵不少",
    "给国企的利率低，给我们民企的高",
    "我们的贷款条件比国企苛刻多了",
)


@pytest.mark.parametrize("text", COMPLAINTS)
def test_unequal_terms_are_told(text: str) -> None:
    assert unequal_terms(text)
    assert qa_ask(text, "how_much") is None


@pytest.mark.parametrize("text", ["国企贷款利率一般多少", "利率比上次高了", "利息多少"])
def test_other_rate_asks_are_not_unequal_terms(text: str) -> None:
    assert not unequal_terms(text)


# (…比隔壁国有企业贵 is read by the intake as the firm being 国企: left to its owners)
@pytest.mark.parametrize("text", (COMPLAINTS[0], COMPLAINTS[2], "我们民企的贷款利率比国企上浮得多"))
def test_unequal_rate_leads_with_equal_terms(answerer: Answerer, text: str) -> None:
    lines = _lead(answerer, text)
    assert ("国企" in lines[0] or "国有企业" in lines[0]) and "一致" in lines[0], lines
    assert not lines[0].startswith("措施没有规定具体利率"), lines
    follow = _lead(answerer, text, "我能怎么办")
    assert "带上企业的基本情况" not in "".join(follow), follow


def test_rate_silence_and_complaint_get_different_leads(answerer: Answerer) -> None:
    silence = _lead(answerer, "利率呢")[0]
    complaint = _lead(answerer, COMPLAINTS[0])[0]
    assert silence != complaint


# --- 4. a delay in paying out an approved loan ---------------------------------------------------
DELAYS = (
    "贷款批了，银行说是受托支付，拖了一个多月钱才付出去，正常吗",
    "放款后银行按受托支付一直拖着不付给供应商，这合理吗",
    "受托支付拖了三周才到账，这样正常吗",
)


@pytest.mark.parametrize("text", DELAYS)
def test_entrusted_payment_delay_is_not_called_unlawful(answerer: Answerer, text: str) -> None:
    lines = _lead(answerer, text)
    assert not lines[0].startswith(("不合规", "不合理")), lines
    assert "延迟支付" in lines[0], lines
    assert "以贷转存" not in "".join(lines), lines


# --- 5. a platform's supply-chain financing and a guarantee -------------------------------------
@pytest.mark.parametrize(
    "text", ["闽光云商要担保吗", "闽光云商融资要不要担保", "在闽光云商融资得找担保吗"]
)
def test_platform_supply_chain_needs_no_guarantee(answerer: Answerer, text: str) -> None:
    lead = _lead(answerer, text)[0]
    assert lead.startswith("不需要") and "无需抵押担保" in lead, lead


# --- 6. order financing without pledge padding ---------------------------------------------------
@pytest.mark.parametrize(
    "text", ["三钢的订单能融资吗", "给核心企业供货的订单能融资吗", "大企业的订单可以拿来融资吗"]
)
def test_order_financing_is_not_padded_with_pledges(answerer: Answerer, text: str) -> None:
    lines = _lead(answerer, text)
    assert lines[0].startswith("可以") and "订单" in lines[0], lines
    assert not any("知识产权" in line for line in lines), lines


# --- 7. follow-ups after "no guarantor" ----------------------------------------------------------
@pytest.mark.parametrize("first", ["找不到担保怎么办", "没有担保人怎么贷款"])
def test_no_guarantor_followups_get_their_own_leads(answerer: Answerer, first: str) -> None:
    answers = _answers(answerer, first, "我们有林地", "找哪家担保公司")
    leads = [a[0].removeprefix("前面说过：") for a in answers]
    assert len(set(leads)) == 3, leads
    assert "林权" in leads[1], leads
    assert "放大倍数" not in leads[2], leads


# --- 8. who helps after a refusal ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text", ["贷款被拒了可以找谁帮忙", "银行不给贷，找哪个部门帮忙", "被拒贷了去哪里求助"]
)
def test_refused_loan_help_names_the_office(answerer: Answerer, text: str) -> None:
    lines = _lead(answerer, text)
    assert "协调" in lines[0], lines
    step = next(line for line in lines if line.startswith("下一步"))
    assert "白名单" not in step, step


# --- 6b. fee answers without the forbidden-practice point ----------------------------------------
@pytest.mark.parametrize("fee", ["评估费", "担保费", "抵押登记费"])
@pytest.mark.parametrize("how", ["太高了", "太贵了，正常吗", "收得有点多"])
def test_fee_answers_are_not_padded_with_deposit_back(
    answerer: Answerer, fee: str, how: str
) -> None:
    lines = _lead(answerer, f"{fee}{how}")
    points = [line for line in lines if not line.startswith(("下一步", "依据"))]
    assert not any("存回银行" in line or "以贷转存" in line for line in points), lines


def test_a_point_on_forbidden_practices_stays_for_its_own_matter(answerer: Answerer) -> None:
    lines = _lead(answerer, "银行让我们把贷款存一部分回去")
    assert any("存回" in line or "以贷转存" in line for line in lines), lines


# --- 7b. a holding told without a question carries no ask ---------------------------------------
@pytest.mark.parametrize("held", ["我们有林地", "我们手上有专利", "公司名下有厂房"])
@pytest.mark.parametrize("carried", ["conditions", "how", "yesno"])
def test_a_told_holding_carries_no_ask(held: str, carried: str) -> None:
    assert qa_ask(f"没有担保，{held}", carried) is None  # type: ignore[arg-type]
    assert qa_ask(f"{held}，能贷款吗", carried) == carried  # type: ignore[arg-type]
