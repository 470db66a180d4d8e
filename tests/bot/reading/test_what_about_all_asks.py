""" "那X呢" after a message of two asks asks both of X (trial 5: only the first was carried),
and the other asks survive the conversation state (several instances share it)."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.reading import ConversationContext
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

PRODUCTS = ("外贸贷", "科技贷", "商贸贷")
PAIRS = (("要抵押吗", "利率多少"), ("怎么申请", "能贷多少"), ("要什么条件", "多久能批"))


@pytest.mark.parametrize(
    ("first", "then", "pair"),
    [(a, b, p) for a, b in itertools.permutations(PRODUCTS, 2) for p in PAIRS],
)
def test_what_about_another_asks_each_ask_of_it(
    answerer: Answerer, first: str, then: str, pair: tuple[str, str]
) -> None:
    turns = talk(answerer, f"{first}{pair[0]} {pair[1]}", f"那{then}呢")
    asks = [a.text for a in turns[-1].reading.asks]
    assert len(asks) == 2, asks
    assert all(then in a and first not in a for a in asks), asks
    assert pair[1].rstrip("吗") in asks[1], asks


def test_a_single_ask_stays_single(answerer: Answerer) -> None:
    turns = talk(answerer, "外贸贷要抵押吗", "那科技贷呢")
    assert [a.text for a in turns[-1].reading.asks] == ["科技贷要抵押吗"]


def test_the_other_asks_survive_the_state(answerer: Answerer) -> None:
    context = talk(answerer, "外贸贷要抵押吗 利率多少")[-1].context
    assert context.other_asks == (("how_much", "外贸贷利率多少"),)
    again = ConversationContext.from_state({"context": context.to_state()})
    assert again.other_asks == context.other_asks


@pytest.mark.parametrize(
    "raw", [None, "x", [["nonsense", "a"]], [["how_much"]], [[1, 2]], [["how_much", 3]]]
)
def test_bad_stored_other_asks_are_dropped(raw: object) -> None:
    state = {"context": {"other_asks": raw}}
    assert ConversationContext.from_state(state).other_asks == ()
