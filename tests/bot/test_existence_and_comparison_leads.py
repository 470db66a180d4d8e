"""Leads in the question's own terms: an existence ask on loans without collateral (有没有…)
opens with 有： and names the routes the measures give (第6条's 信用贷, 第7条's orders,
warehouse receipts and receivables without collateral); whether private firms pay more than
state firms (是不是比国企高) opens 同等条件下不应更高, not a verdict on propriety. Generated over
openers × objects × endings; the texts are the tests' own."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

OPENERS = ("有没有", "有没有那种", "请问有没有", "你们这有没有")
OBJECTS = ("不用抵押的贷款", "免抵押的贷款", "不需要抵押物的贷款")
ENDINGS = ("", "？", "啊")
FIRMS = ("民营企业", "民企", "私营企业", "我们民营小厂")
MEASURES = ("贷款利率", "贷款利息")
COMPARED = ("是不是比国企高", "会不会比国有企业高", "是不是要比国企高一些")


def _lead(answerer: Answerer, text: str) -> str:
    return answer_in_context(answerer, ConversationContext(), text).answer.answer.splitlines()[0]


@pytest.mark.parametrize(
    ("opener", "thing", "ending"), itertools.product(OPENERS, OBJECTS, ENDINGS)
)
def test_an_existence_ask_opens_with_yes_and_the_routes(
    answerer: Answerer, opener: str, thing: str, ending: str
) -> None:
    text = f"{opener}{thing}{ending}"
    lead = _lead(answerer, text)
    assert lead.startswith("有："), (text, lead)
    assert "信用贷" in lead and "应收" in lead, (text, lead)
    assert len(lead) <= 60, lead


@pytest.mark.parametrize(
    ("firm", "measure", "compared"), itertools.product(FIRMS, MEASURES, COMPARED)
)
def test_a_rate_comparison_is_answered_in_its_terms(
    answerer: Answerer, firm: str, measure: str, compared: str
) -> None:
    text = f"{firm}{measure}{compared}"
    lead = _lead(answerer, text)
    assert lead.startswith("同等条件下不应更高"), (text, lead)
    assert "不合理" not in lead, lead
