"""An ask phrase the glossary knows (多久能批, 能贷多少) asked of the topic in focus is what was
asked, never part of the topic's name: after 续贷 → 多久能批, "在哪办" is asked of 续贷, not of
"续贷多久能批" (bot.reading.memory.subject_for). Generated over topics × asks of time or sum ×
where asks written here."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

TOPICS = (
    ("续贷要先还本金吗", "续贷"),
    ("科技贷要什么条件", "科技贷"),
    ("外贸贷要抵押吗", "外贸贷"),
    ("商贸贷怎么申请", "商贸贷"),
)
ASKED = ("多久能批", "几天能批", "多久放款", "办贷要多久", "几天能拿到", "要等多久")
WHERE = ("在哪办", "去哪里申请", "找谁办")


@pytest.mark.parametrize(
    ("first", "subject", "asked", "where"),
    [(f, s, a, w) for (f, s), a, w in itertools.product(TOPICS, ASKED, WHERE)][::3],
)
def test_where_after_an_ask_phrase_is_asked_of_the_topic(
    answerer: Answerer, first: str, subject: str, asked: str, where: str
) -> None:
    turns = talk(answerer, first, asked, where)
    last = turns[-1]
    resolved = " ".join(a.text for a in last.reading.asks)
    assert subject in resolved and asked not in resolved, resolved
    assert last.context.focus is not None and last.context.focus.subject == subject, last.context
    assert last.answer.in_scope, last.answer.answer
