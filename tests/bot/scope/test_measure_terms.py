"""The measures' own words are never declined: every key phrase drawn from their text
(`bot.scope.measure_terms`) asked about in several wordings, and questions about the measures
as a whole (这16条管多少年, 这些措施谁发的)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.scope.measure_terms import extract_terms, measure_terms, refers_to_measures
from tests.bot.engine_support import MEASURES_FILE

if TYPE_CHECKING:
    from bot.answerer import Answerer

WORDINGS = ("是啥", "什么意思", "怎么理解", "跟我有啥关系", "对我们小企业有用吗")
# Phrases the text names (titles' subjects, quoted names, listed loans): the extraction must
# find them, whatever else it finds.
NAMED_IN_TEXT = (
    "尽职免责",
    "考核激励",
    "信用修复",
    "应续尽续",
    "阳光费率",
    "白名单",
    "首贷",
    "银担直连",
    "贷款全流程限时制",
    "千企万户",
    "减费让利",
    "以贷转存",
)
WHOLE = ("这16条", "三明这16条", "这些措施", "这个政策", "这份文件", "若干措施")
WHOLE_ASKS = ("有效期多久", "管多久", "管多少年", "什么时候出的", "还有效吗", "是谁发的")


def test_terms_come_from_the_text() -> None:
    terms = extract_terms(MEASURES_FILE.read_text(encoding="utf-8"))
    assert terms == measure_terms()
    assert set(NAMED_IN_TEXT) <= set(terms)
    assert len(terms) >= 60
    assert extract_terms("没有编号的一段话。") == ()


@pytest.mark.parametrize("wording", WORDINGS)
def test_no_measure_term_is_declined(answerer: Answerer, wording: str) -> None:
    declined = [
        (q, answerer.assess(q).scope.family)
        for q in (f"{term}{wording}" for term in measure_terms())
        if not answerer.assess(q).in_scope
    ]
    assert declined == []


@pytest.mark.parametrize("ask", WHOLE_ASKS)
def test_questions_about_the_whole_measures_are_answered(answerer: Answerer, ask: str) -> None:
    for ref in WHOLE:
        question = f"{ref}{ask}"
        assert refers_to_measures(question), question
        assert answerer.answer(question).in_scope, question


@pytest.mark.parametrize("text", ["这家店的菜好吃吗", "今天天气怎么样", "帮我订张机票"])
def test_everyday_talk_names_no_measure(text: str) -> None:
    assert not refers_to_measures(text)
