"""A bare demonstrative before a topic of its own (那个协调办去哪找, 这个白名单怎么进) names that
topic, not the one in focus: after a credit-repair answer, "那个协调办去哪找" was read as
"企业征信，那个协调办去哪找" and answered from 第2条 (trial). A demonstrative before a word of the
focus document (那个企业库 after 商贸贷) still points back.

Generated over the kind: focus × demonstrative × a question of its own topic; the answer cites
the measure the question gets asked on its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

FOCUSES = {  # opening message → the measure its answer cites first
    "我们企业征信有逾期记录 想修复": 2,
    "银行让我买理财才给贷款": 11,
    "无还本续贷怎么办": 6,
    "专利能质押贷款吗": 7,
}
DEMONSTRATIVES = ("那个", "这个", "那")
QUESTIONS = (
    "协调办去哪找",
    "白名单怎么进",
    "首贷要抵押吗",
    "中登网怎么登记",
    "信用修复怎么弄",
    "无还本续贷要啥条件",
)


def _first_measure(answerer: Answerer, context: ConversationContext, text: str) -> int | None:
    ex = answer_in_context(answerer, context, text)
    articles = [c.article for c in ex.answer.citations if c.article]
    return articles[0] if articles else None


@pytest.mark.parametrize("focus", list(FOCUSES))
@pytest.mark.parametrize("pointer", DEMONSTRATIVES)
@pytest.mark.parametrize("question", QUESTIONS)
def test_demonstrative_before_own_topic_switches(
    answerer: Answerer, focus: str, pointer: str, question: str
) -> None:
    alone = _first_measure(answerer, ConversationContext(), question)
    if alone == FOCUSES[focus]:
        pytest.skip("the question's own measure is the focus's")
    first = answer_in_context(answerer, ConversationContext(), focus)
    ex = answer_in_context(answerer, first.context, pointer + question)
    assert ex.reading.move == "switch", ex.reading.asks
    assert ex.reading.asks[0].text == pointer + question
    assert _first_measure(answerer, first.context, pointer + question) == alone


@pytest.mark.parametrize("pointer", DEMONSTRATIVES[:2])
def test_demonstrative_before_a_word_of_the_focus_points_back(
    answerer: Answerer, pointer: str
) -> None:
    first = answer_in_context(answerer, ConversationContext(), "商贸贷怎么申请")
    ex = answer_in_context(answerer, first.context, f"{pointer}企业库要多久")
    assert ex.reading.move == "continue"
    assert "商贸贷" in ex.reading.asks[0].text
