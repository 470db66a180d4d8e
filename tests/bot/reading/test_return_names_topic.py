"""A return cue that names its own topic (说回续贷，…) goes to that topic, not to the focus
before the current one; a bare return cue (说回刚才的，…) still goes back. Generated over
conversations on two products × return cues × named topics × follow-up asks, with typos and
traditional characters; the topics are glossary subjects, never evaluation wordings."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

OPENINGS = (("外贸贷利息多少", "那商贸贷呢"), ("科技贷要抵押吗", "那提质增产争效贷呢"))
CUES = ("说回", "回到", "再说回", "說回")
NAMED = (("续贷", "续贷"), ("续代", "续贷"), ("信用修复", "信用修复"), ("专利质押", "专利"))
ASKS = ("要多久能批", "要什么材料", "去哪办")


def _context(answerer: Answerer, *messages: str) -> ConversationContext:
    context = ConversationContext()
    for message in messages:
        context = answer_in_context(answerer, context, message).context
    return context


@pytest.mark.parametrize(
    ("opening", "cue", "named", "ask"), itertools.product(OPENINGS, CUES, NAMED, ASKS)
)
def test_a_return_cue_naming_a_topic_goes_to_that_topic(
    answerer: Answerer, opening: tuple[str, str], cue: str, named: tuple[str, str], ask: str
) -> None:
    written, subject = named
    context = _context(answerer, *opening)
    turn = answer_in_context(answerer, context, f"{cue}{written}，{ask}")
    resolved = " ".join(a.text for a in turn.reading.asks)
    first_product = opening[0][:3]
    assert first_product not in resolved, resolved
    assert subject in turn.answer.answer or subject in resolved, (resolved, turn.answer.answer)


@pytest.mark.parametrize("opening", OPENINGS)
def test_a_bare_return_cue_still_goes_back(answerer: Answerer, opening: tuple[str, str]) -> None:
    context = _context(answerer, *opening)
    turn = answer_in_context(answerer, context, "说回刚才那个，要什么材料")
    resolved = " ".join(a.text for a in turn.reading.asks)
    assert opening[0][:3] in resolved, resolved
