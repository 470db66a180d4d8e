"""The answerer over the shared session index: scope, intent, citations."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.answer_grounding import ungrounded_numbers
from tests.helpers.answers import document_of

if TYPE_CHECKING:
    from bot.answerer import Answerer


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("银行非要我把一部分贷款存回去才肯放款，这合理吗？", 11),
        ("科技型小企业有什么专门的贷款产品？", 6),
    ],
)
def test_answer_cites_expected_measure(answerer: Answerer, question: str, article: int) -> None:
    answer = answerer.answer(question)
    assert answer.in_scope
    articles = [c.article for c in answer.citations] + [
        a for c in answer.citations for a in document_of(answerer, c.doc_id).articles
    ]
    assert article in articles
    assert not ungrounded_numbers(answer.answer, answer.citations)


def test_answer_declines_weather(answerer: Answerer) -> None:
    answer = answerer.answer("后天三明会不会下大雨？")
    assert not answer.in_scope
    assert answer.intent == "out_of_scope"
    assert answer.citations == []


def test_answer_greets_greeting(answerer: Answerer) -> None:
    assert answerer.answer("您好").intent == "greeting"
