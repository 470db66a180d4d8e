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
