"""Who the assistant is: "你是谁" in its wordings gets the greeting (what it is and can do);
questions about who runs it get the trust text, whose first line is one short honest line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.catalog import GREETING
from bot.refusals import asks_who_you_are, trust_text
from tests.bot.scope.cases import TRUST

if TYPE_CHECKING:
    from bot.answerer import Answerer

WHO = [
    f"{p}{v}{e}"
    for p in ("", "请问")
    for v in ("你是谁", "您是谁", "你是什么", "你叫什么", "你能干什么")
    for e in ("", "？", "呀", "啊?")
]


@pytest.mark.parametrize("question", WHO)
def test_who_are_you_gets_the_greeting(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.answer.startswith(GREETING.splitlines()[0][:8]), question
    assert answer.in_scope and answer.intent == "greeting"


@pytest.mark.parametrize("question", ["你是谁开发的", "你是谁做的呀", "科技贷你是什么意思"])
def test_longer_questions_are_not_who_are_you(question: str) -> None:
    assert not asks_who_you_are(question)


def test_trust_text_opens_with_one_short_honest_line(answerer: Answerer) -> None:
    text = trust_text(answerer.settings)
    first = text.splitlines()[0]
    assert len(first) <= 60 and "不是" in first and "政府" in first


@pytest.mark.parametrize("question", TRUST)
def test_trust_questions_still_get_the_trust_text(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question).answer == trust_text(answerer.settings)
