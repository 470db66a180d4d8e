"""Asking two notes at once in everyday words (一起办, 一块办, 同时办) is a joint ask, never a
slip of the platform 易企办 (retrieval.homophones: the commonest words are not slips of part
of a term). Generated over every pair of products × joint wordings × styles written here."""

from __future__ import annotations

import itertools

import pytest

from bot.reading import ConversationContext, Lexicon, read

JOINT = ("能{w}吗", "可以{w}不", "两个{w}行不行", "想{w}，能{w}吗")
WORDS = ("一起办", "一块办", "同时办", "一起申请")
STYLES = ("{a}和{b}{q}", "{a}跟{b}{q}？", "我们是做出口的科技企业，{a}和{b}{q}")


@pytest.mark.parametrize(("joint", "word", "style"), itertools.product(JOINT, WORDS, STYLES))
def test_a_joint_ask_in_everyday_words_names_no_platform(
    lexicon: Lexicon, joint: str, word: str, style: str
) -> None:
    products = sorted(d for d in lexicon.documents if lexicon.kind(d) == "product")
    for one, other in itertools.combinations(products, 2):
        a, b = lexicon.display_name(one), lexicon.display_name(other)
        text = style.format(a=a, b=b, q=joint.format(w=word))
        reading = read(lexicon, ConversationContext(), text)
        assert "易企办" not in reading.resolved, (text, reading.resolved)
        assert word[:2] in reading.resolved, reading.resolved
        named = {n.doc_id for n in lexicon.named(reading.resolved)}
        assert {one, other} <= named and "platform-yiqiban" not in named


def test_the_platform_typed_by_name_is_still_read(lexicon: Lexicon) -> None:
    reading = read(lexicon, ConversationContext(), "易企办上能看哪些政策")
    assert "platform-yiqiban" in {n.doc_id for n in lexicon.named(reading.resolved)}
