"""A term asked what it means after an answer (X是什么意思, 啥叫X): defined where a source defines
it (无还本续贷 from its Q&A entry), else said honestly not explained by the measures that only
name it (用足抵押率, 线上转线下审批 of 第9条), never answered with the topic's stock line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.compose.meaning import asked_term
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

ASKS = ("{t}是什么意思", "{t}是啥", "啥叫{t}", "那个{t}是怎么回事")
NAMED_ONLY = {
    "用足抵押率": ("额度被银行降了怎么办", 9),
    "线上转线下审批": ("抵押的厂房缩水了，银行要降额度", 9),
}


@pytest.mark.parametrize("ask", ASKS)
@pytest.mark.parametrize("term", sorted(NAMED_ONLY))
def test_a_term_the_measure_only_names_is_said_unexplained(
    answerer: Answerer, term: str, ask: str
) -> None:
    opener, article = NAMED_ONLY[term]
    answer = talk(answerer, opener, ask.format(t=term))[-1].answer
    lead = answer.answer.split("\n")[0]
    assert lead.startswith(f"措施里没有单独解释{term}") and len(lead) <= 60, lead
    assert article in [c.article for c in answer.citations]


@pytest.mark.parametrize("ask", ASKS)
@pytest.mark.parametrize("opener", ["续贷要什么条件", "贷款快到期了还要用钱"])
def test_renewal_without_repaying_is_defined(answerer: Answerer, opener: str, ask: str) -> None:
    answer = talk(answerer, opener, ask.format(t="无还本续贷"))[-1].answer
    lead = answer.answer.split("\n")[0]
    assert lead.startswith("无还本续贷就是"), lead
    assert answer.citations[0].article == 6


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("那个保险增信是啥", "保险增信"),
        ("啥叫白名单？", "白名单"),
        ("你说的应收账款质押是什么意思", "应收账款质押"),
        ("中登网到底是什么", "中登网"),
        ("贷款要什么条件", ""),
    ],
)
def test_the_asked_term_is_read_without_pronouns(question: str, term: str) -> None:
    assert asked_term(question) == term
