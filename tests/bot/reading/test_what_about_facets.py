""" "那X呢" whose X already carries the facet asked (首贷利息呢 after 那信用贷利息多少): the last
question asked of X with the facet said once, never "首贷利息利息多少". Generated over the
products and glossary topics × facet nouns × wordings (clean, phone-typed, traditional)."""

from __future__ import annotations

import itertools

import pytest

from bot.messages import Answer
from bot.reading import ConversationContext, Lexicon, read, remember
from tests.helpers.reading import notes

FACETS = (("利息", "利息"), ("利率", "利率"), ("额度", "額度"), ("费用", "費用"))
FIRST = ("{a}{f}多少", "那{a}{f}多少", "{a}的{f}一般多少啊")
THEN = ("{b}{f}呢", "那{b}{f}呢？", "{b}{f}呢。。", "那{b}{tf}呢")  # the last: traditional
TOPICS = ("首贷", "信用贷", "林权", "续贷")


def _subjects(lexicon: Lexicon) -> list[tuple[str, str, str]]:
    """(a, the doc the answer on a cited, b): products by name, glossary topics."""
    docs = {lexicon.display_name(d): d for d in notes(lexicon, "product")[:3]}
    docs.update({t: "measure-6" for t in TOPICS if lexicon.topics(t)})
    return [(a, docs[a], b) for a, b in itertools.permutations(docs, 2)]


@pytest.mark.parametrize(("facet", "first", "then"), list(itertools.product(FACETS, FIRST, THEN)))
def test_a_what_about_carrying_the_facet_says_it_once(
    lexicon: Lexicon, facet: tuple[str, str], first: str, then: str
) -> None:
    f, tf = facet
    for a, doc_id, b in _subjects(lexicon):
        context = remember(
            lexicon,
            ConversationContext(),
            read(lexicon, ConversationContext(), first.format(a=a, f=f)),
            Answer("好的。", True, "policy_question", topic=doc_id),
        )
        asked = read(lexicon, context, then.format(b=b, f=f, tf=tf)).asks[0]
        assert asked.text.count(f) == 1 and b in asked.text, (a, b, asked.text)
        assert asked.type == "how_much", (a, b, asked)
