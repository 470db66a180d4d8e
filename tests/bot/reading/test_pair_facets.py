"""A follow-up naming nothing after a question asked of two notes (科技贷和外贸贷有什么区别,
then 那利率呢 / 额度呢 / 要抵押吗) is asked of both, and an answer that would speak of only
one of a pair (two platforms compared, 哪个快) is given per note in numbered parts
(bot.reading.pairs, bot.dialogue). Generated over every pair of products and of several
platforms × comparison wordings × follow-ups written here."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.messages import Answer
from bot.reading import ConversationContext, Lexicon, read, remember
from tests.helpers.reading import notes

if TYPE_CHECKING:
    from bot.answerer import Answerer

COMPARE = ("{a}和{b}有什么区别", "{a}跟{b}比哪个好", "{a}与{b}有啥不同？")
FOLLOW_UPS = ("那利率呢", "额度呢", "要抵押吗", "要多久", "利息咋算")
PLATFORMS = ("platform-minguangyunshang", "platform-xinyidai", "platform-funongelin")
PLATFORM_FOLLOW_UPS = ("哪个快", "在哪办", "要收费吗")


def _after(lexicon: Lexicon, first: str, topic: str) -> ConversationContext:
    reading = read(lexicon, ConversationContext(), first)
    answer = Answer("好的。", True, "policy_question", topic=topic)
    return remember(lexicon, ConversationContext(), reading, answer)


@pytest.mark.parametrize(("compare", "follow_up"), itertools.product(COMPARE, FOLLOW_UPS))
def test_an_elliptic_follow_up_after_a_comparison_is_asked_of_both(
    lexicon: Lexicon, compare: str, follow_up: str
) -> None:
    for one, other in itertools.permutations(notes(lexicon, "product"), 2):
        a, b = lexicon.display_name(one), lexicon.display_name(other)
        context = _after(lexicon, compare.format(a=a, b=b), one)
        asked = read(lexicon, context, follow_up).asks[0].text
        assert asked.startswith(f"{a}和{b}"), (compare, follow_up, asked)
        then = remember(
            lexicon,
            context,
            read(lexicon, context, follow_up),
            Answer("好。", True, "policy_question", topic=one),
        )
        again = read(lexicon, then, "要什么材料").asks[0].text
        assert again.startswith(f"{a}和{b}"), again  # the pair stays for the next turn


@pytest.mark.parametrize("follow_up", FOLLOW_UPS[:3])
@pytest.mark.parametrize(
    "pair",
    list(
        itertools.combinations(("product-kejidai", "product-waimaodai", "product-shangmaodai"), 2)
    ),
)
def test_a_follow_up_after_comparing_two_products_answers_both(
    answerer: Answerer, lexicon: Lexicon, pair: tuple[str, str], follow_up: str
) -> None:
    a, b = (lexicon.display_name(d) for d in pair)
    first = answer_in_context(answerer, ConversationContext(), f"{a}和{b}有什么区别")
    turn = answer_in_context(answerer, first.context, follow_up)
    text = turn.answer.answer.split("原文")[0]
    assert a in text and b in text, (follow_up, text)
    assert set(pair) <= {c.doc_id for c in turn.answer.citations}


@pytest.mark.parametrize("follow_up", PLATFORM_FOLLOW_UPS)
@pytest.mark.parametrize("pair", list(itertools.combinations(PLATFORMS, 2)))
def test_two_platforms_compared_and_followed_up_are_both_answered(
    answerer: Answerer, lexicon: Lexicon, pair: tuple[str, str], follow_up: str
) -> None:
    a, b = (lexicon.display_name(d) for d in pair)
    first = answer_in_context(answerer, ConversationContext(), f"{a}和{b}有什么区别")
    for turn in (first, answer_in_context(answerer, first.context, follow_up)):
        cited = {c.doc_id for c in turn.answer.citations}
        assert set(pair) <= cited, (follow_up, turn.answer.answer)
