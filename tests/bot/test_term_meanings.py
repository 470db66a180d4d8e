"""A term the last answer used, asked what it means (保险增信是什么意思, 担保费是啥), is defined
first, from its own Q&A entry, not answered with the topic's stock line again."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

TERMS = {
    "保险增信": ("抵押物不够怎么办", "抵押的厂房缩水了，银行要降额度"),
    "担保费": ("找担保公司要收费吗", "没人担保能贷款吗"),
}
ASKS = ("{t}是什么意思", "{t}是啥", "啥叫{t}", "那个{t}是怎么回事")


@pytest.mark.parametrize(
    ("term", "opener", "ask"),
    [(t, o, a) for t, openers in TERMS.items() for o, a in itertools.product(openers, ASKS)],
)
def test_a_term_asked_after_an_answer_is_defined(
    answerer: Answerer, term: str, opener: str, ask: str
) -> None:
    answer = talk(answerer, opener, ask.format(t=term))[-1].answer
    lead = answer.answer.split("\n")[0]
    assert lead.startswith(f"{term}是"), lead
    assert 9 in [c.article for c in answer.citations]
