"""A platform pointed at while a product is in focus (外贸贷, then "刚才那个平台在哪办") is asked
of that product when the way in is asked: the platform serves several products, and its answer
on one (科技贷's push by 省科技厅) is not the way in for another (外贸贷's loans from partner
banks). A platform's own fee is asked of the platform alone. Inputs: the knowledge's products
and the platforms their notes name, crossed with pointing words and asks."""

from __future__ import annotations

import pytest

from bot.answerer import Answerer
from bot.reading import Lexicon, lexicon_for, read
from tests.helpers.reading import focused, notes, talk

POINTERS = ("刚才那个平台", "那个平台", "这个平台", "你说的那个平台")
GETTING_DONE = ("在哪办", "怎么申请", "入口在哪", "去哪里办", "怎么操作")
OWN_FACETS = ("收费吗", "要钱吗", "是谁运营的")


def pairs(lexicon: Lexicon) -> list[tuple[str, str, str]]:
    """(product doc id, product name, platform name) for each product whose note names a
    platform that has a note of its own."""
    found = []
    for product in notes(lexicon, "product"):
        text = str(getattr(lexicon.documents[product], "text", ""))
        for platform in notes(lexicon, "platform"):
            name = lexicon.display_name(platform)
            if name.removesuffix("平台") in text:
                found.append((product, lexicon.display_name(product), name))
    return found


def test_products_name_platforms(lexicon: Lexicon) -> None:
    assert len(pairs(lexicon)) >= 3  # the tests below must have pairs to work on


@pytest.mark.parametrize("pointer", POINTERS)
@pytest.mark.parametrize("ask", GETTING_DONE)
def test_the_way_in_is_asked_of_the_product_in_focus(
    lexicon: Lexicon, pointer: str, ask: str
) -> None:
    for product, product_name, platform_name in pairs(lexicon):
        reading = read(lexicon, focused(lexicon, product), pointer + ask)
        assert product_name in reading.resolved, reading.resolved
        assert platform_name.removesuffix("平台") in reading.resolved, reading.resolved


@pytest.mark.parametrize("pointer", POINTERS)
@pytest.mark.parametrize("ask", OWN_FACETS)
def test_a_platforms_own_facet_is_asked_of_the_platform(
    lexicon: Lexicon, pointer: str, ask: str
) -> None:
    for product, product_name, _ in pairs(lexicon):
        reading = read(lexicon, focused(lexicon, product), pointer + ask)
        assert product_name not in reading.resolved, reading.resolved


@pytest.mark.parametrize("ask", ["刚才那个平台在哪办", "那个平台怎么申请"])
def test_the_answer_speaks_of_the_product_in_focus(answerer: Answerer, ask: str) -> None:
    lexicon = lexicon_for(answerer)
    for _, product_name, _ in pairs(lexicon):
        others = [n for _, n, _ in pairs(lexicon) if n != product_name]
        answer = talk(answerer, f"{product_name}是什么", ask)[-1].answer.answer
        said = answer.split("依据")[0]  # the lead, points and next step
        assert product_name in said, answer
        assert not any(other in said for other in others), answer


@pytest.mark.parametrize("next_ask", ["利率呢", "要多久", "要抵押吗"])
def test_the_product_stays_the_topic_after_its_platform_is_asked(
    answerer: Answerer, next_ask: str
) -> None:
    lexicon = lexicon_for(answerer)
    for _, product_name, _ in pairs(lexicon):
        last = talk(answerer, f"{product_name}是什么", "刚才那个平台在哪办", next_ask)[-1]
        assert last.reading.resolved.startswith(product_name), last.reading.resolved
