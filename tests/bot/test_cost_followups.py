"""Asking the cost of what is in focus in the owners' words (要钱吗, 要花钱吗, 用它得交钱不):
read as the sources' 收费, answered with what they say of fees (or that they are silent),
never the last answer again. Generated over topics × wordings written here."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

import pytest

from bot.reading.facets import facet_of

if TYPE_CHECKING:
    from bot.answerer import Answerer

TOPICS = (
    "应收账款怎么融资",
    "福农e林是干嘛的",
    "专利能质押贷款吗",
    "无还本续贷怎么申请",
    "金服云平台是什么",
    "政府性融资担保怎么找",
)
MONEY = ("要钱吗", "要花钱吗", "得交钱不", "要不要钱", "办这个要掏钱吗", "用它要付钱吗", "收不收费")


@pytest.mark.parametrize("wording", MONEY)
def test_money_wordings_ask_the_cost(wording: str) -> None:
    assert facet_of(wording) == "cost"


@pytest.mark.parametrize("wording", ["我还要钱周转", "钱不够", "贷多少钱合适"])
def test_needing_money_is_not_asking_a_fee(wording: str) -> None:
    assert facet_of(wording) != "cost" or "多少钱" in wording


@pytest.mark.parametrize(("topic", "wording"), list(itertools.product(TOPICS, MONEY[:5])))
def test_a_cost_follow_up_is_answered_on_fees(answerer: Answerer, topic: str, wording: str) -> None:
    from bot.dialogue import answer_in_context
    from bot.reading import ConversationContext

    before = answer_in_context(answerer, ConversationContext(), topic)
    turn = answer_in_context(answerer, before.context, wording)
    lead = turn.answer.answer.splitlines()[0]
    assert turn.answer.in_scope, (topic, wording)
    assert re.search(r"收费|费用|费率|利率|免费|担保费", lead), (topic, wording, lead)
    assert lead != before.answer.answer.splitlines()[0], (topic, wording, lead)
    assert not re.search(r"\d+(?:\.\d+)?\s*[%％元]", lead), lead  # no invented fee


@pytest.mark.parametrize(
    "wording",
    ["要对方同意吗", "对方同不同意有关系吗", "要买方确认吗", "得他们签字不", "答不答应有影响吗"],
)
def test_asking_for_someones_consent_is_the_consent_facet(wording: str) -> None:
    assert facet_of(wording) == "consent"


@pytest.mark.parametrize(
    "wording", ["银行不同意怎么办", "人家不答应咋整", "银行不认可我们的评估", "客户经理不同意续"]
)
def test_a_refusal_is_not_asking_for_consent(wording: str) -> None:
    assert facet_of(wording) != "consent"


@pytest.mark.parametrize("topic", ["贷款快到期了想续贷", "想办无还本续贷", "续代要先还本金吗"])
@pytest.mark.parametrize("refusal", ["银行不同意怎么办", "银行不答应咋办", "要是银行不同意呢"])
def test_a_refusal_follow_up_gets_no_step_about_signatures(
    answerer: Answerer, topic: str, refusal: str
) -> None:
    """银行不同意怎么办 after renewal is the bank refusing: never 问…要谁同意、签哪些文件."""
    from bot.dialogue import answer_in_context
    from bot.reading import ConversationContext

    before = answer_in_context(answerer, ConversationContext(), topic)
    text = answer_in_context(answerer, before.context, refusal).answer.answer
    assert "签" not in text and "谁同意" not in text, (topic, refusal, text)


# a service the owner pays for, opened in several styles; its price asked as owners do
SERVICES = (
    "担保公司收费太高了",
    "找不到担保怎么办",
    "抵押物评估费谁出",
    "應收賬款怎麼融資",
    "我们是做家具的，听说闽光云商能融资，它是干嘛的",
)
PRICE_WORDINGS = (
    "那个担保要花多少钱",
    "要花多少钱",
    "收多少钱",
    "费用多少",
    "贵不贵",
    "要花多少錢",
    "我们小本生意，利润薄，办这个大概要多少钱",
)


@pytest.mark.parametrize(
    ("text", "priced_text"),
    [
        ("那个担保要花多少钱", "那个担保收费多少"),
        ("评估贵不贵", "评估收费贵不贵"),
        ("登记费用多少", "登记收费多少"),
        ("担保贷款能贷多少钱", "担保贷款能贷多少钱"),  # an amount to borrow stays one
        ("这个要多少钱", "这个要多少钱"),  # no service named
    ],
)
def test_a_service_price_is_asked_as_its_fee(text: str, priced_text: str) -> None:
    from bot.reading.facets import priced

    assert priced(text) == priced_text


@pytest.mark.parametrize(("topic", "wording"), list(itertools.product(SERVICES, PRICE_WORDINGS)))
def test_a_service_price_follow_up_asks_the_fee_not_the_amount(
    answerer: Answerer, topic: str, wording: str
) -> None:
    from bot.dialogue import answer_in_context
    from bot.reading import ConversationContext

    before = answer_in_context(answerer, ConversationContext(), topic)
    turn = answer_in_context(answerer, before.context, wording)
    lead = turn.answer.answer.splitlines()[0]
    assert turn.reading.asks[0].type == "how_much", (topic, wording, turn.reading.asks)
    assert "收费" in turn.reading.resolved, (topic, wording, turn.reading.resolved)
    assert re.search(r"收费|费率|费用", lead) and "额度" not in lead, (topic, wording, lead)
