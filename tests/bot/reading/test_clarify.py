"""Pointing words whose kind of note was never named are asked back, not given the focus."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import Lexicon, read
from bot.reading.clarify import candidates
from tests.helpers.reading import focused, measures, notes

if TYPE_CHECKING:
    from bot.answerer import Answerer

POINTING = {
    "platform": (
        "刚才那个平台在哪办？",
        "那个平台收费吗",
        "你说的那个系统怎么登录",
        "刚才说的那个网站叫什么",
    ),
    "product": (
        "你说的那个产品利率多少",
        "刚才说的那个贷款要什么条件",
        "那个贷款产品能贷多少",
    ),
}
CASES = [(kind, text) for kind, texts in POINTING.items() for text in texts]
FOCUS_MEASURES = (0, 5, 10)  # measures in focus (indexes into measures 1-16)


@pytest.mark.parametrize(("kind", "text"), CASES)
@pytest.mark.parametrize("which", FOCUS_MEASURES)
def test_nothing_of_the_kind_named_asks_back(
    lexicon: Lexicon, kind: str, text: str, which: int
) -> None:
    context = focused(lexicon, measures(lexicon)[which])
    reading = read(lexicon, context, text)
    assert reading.move == "clarify"
    assert reading.clarify == kind
    assert reading.referent is None
    assert reading.to_dict()["clarify"] == kind


@pytest.mark.parametrize(("kind", "text"), CASES)
def test_one_named_earlier_resolves_to_it(lexicon: Lexicon, kind: str, text: str) -> None:
    context = focused(lexicon, measures(lexicon)[0])
    for doc_id in notes(lexicon, kind):
        reading = read(lexicon, replace(context, mentioned=(doc_id,)), text)
        assert reading.move == "continue", (doc_id, reading)
        assert reading.referent == doc_id


@pytest.mark.parametrize(("kind", "text"), CASES)
def test_a_focus_of_the_kind_resolves_to_it(lexicon: Lexicon, kind: str, text: str) -> None:
    for doc_id in notes(lexicon, kind):
        reading = read(lexicon, focused(lexicon, doc_id), text)
        assert reading.move == "continue", (doc_id, reading)
        assert reading.referent == doc_id
        assert reading.clarify is None


@pytest.mark.parametrize(("kind", "text"), CASES)
def test_the_engine_asks_back_naming_the_notes_and_keeps_the_context(
    answerer: Answerer, lexicon: Lexicon, kind: str, text: str
) -> None:
    context = focused(lexicon, measures(lexicon)[2])
    exchange = answer_in_context(answerer, context, text)
    answer = exchange.answer
    assert answer.in_scope and answer.intent == "clarify"
    assert not answer.citations
    names = candidates(lexicon, kind)  # type: ignore[arg-type]
    assert names and all(name in answer.answer for name in names[:8])
    assert exchange.context == context
    # the owner's reply naming one is answered normally, about that note
    doc_id = notes(lexicon, kind)[0]
    after = answer_in_context(answerer, exchange.context, lexicon.display_name(doc_id))
    assert after.answer.in_scope and after.answer.intent != "clarify"
    assert after.context.focus is not None and after.context.focus.doc_id == doc_id
