"""What a term of the measures is (不动产抵押登记“总对总”直连 of 第8条, 政府性融资担保 of 第9条)
opens with what it is, in the measure's words, never a neighbouring line of the measure
(林业贷款可以上福农e林…). Wordings are made up over the kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

STYLES = ("{q}", "{q}？", "请问{q}")
TERMS = (
    ("不动产抵押登记总对总是什么", 8, "不动产抵押登记"),
    ("总对总直连是什么意思", 8, "不动产抵押登记"),
    ("政府性融资担保是什么", 9, "担保"),
    ("政府性融资担保是干啥的", 9, "担保"),
)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize(("ask", "article", "word"), TERMS)
def test_a_term_opens_with_what_it_is(
    answerer: Answerer, ask: str, article: int, word: str, style: str
) -> None:
    answer = talk(answerer, style.format(q=ask))[-1].answer
    lead = answer.answer.split("\n")[0]
    assert lead.startswith("是") and word in lead, lead
    assert "福农e林" not in lead and "没有单独解释" not in lead, lead
    assert answer.citations[0].article == article
