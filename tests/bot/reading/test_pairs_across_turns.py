"""Two notes of one kind asked about in two turns (科技贷…, then "那外贸贷呢"), then a joint ask
or a choice (能同时申请吗, 哪个更适合我): asked of both, in the order they were named; a plain
where/who with 哪个 (哪个银行能办) stays on the note in focus. Generated over every pair of
products × wordings written here."""

from __future__ import annotations

import itertools

import pytest

from bot.messages import Answer
from bot.reading import ConversationContext, Lexicon, read, remember
from tests.helpers.reading import notes

FIRST = ("{a}要什么条件", "{a}能贷多少", "想了解下{a}")
THEN = ("那{b}呢", "{b}又是什么", "{b}怎么申请")
CHOICES = (
    "能同时申请吗",
    "两个都能办吗",
    "哪个更适合我",
    "只能选一个吗",
    "我该申请哪个",
    "可以叠加吗",
)
NOT_CHOICES = ("哪个银行能办", "哪个部门管", "要多久")


def _talked_about(
    lexicon: Lexicon, first: str, then: str, one: str, other: str
) -> ConversationContext:
    context = ConversationContext()
    for text, doc_id in ((first, one), (then, other)):
        reading = read(lexicon, context, text)
        context = remember(
            lexicon, context, reading, Answer("好的。", True, "policy_question", topic=doc_id)
        )
    return context


@pytest.mark.parametrize(("first", "then"), list(itertools.product(FIRST, THEN)))
@pytest.mark.parametrize("choice", CHOICES)
def test_a_choice_after_two_turns_is_asked_of_both(
    lexicon: Lexicon, first: str, then: str, choice: str
) -> None:
    for one, other in itertools.permutations(notes(lexicon, "product"), 2):
        a, b = lexicon.display_name(one), lexicon.display_name(other)
        context = _talked_about(lexicon, first.format(a=a), then.format(b=b), one, other)
        asked = read(lexicon, context, choice).asks[0].text
        assert asked.startswith(f"{a}和{b}"), (first, then, choice, asked)


@pytest.mark.parametrize("question", NOT_CHOICES)
def test_a_where_with_which_stays_on_the_focus(lexicon: Lexicon, question: str) -> None:
    one, other = notes(lexicon, "product")[:2]
    a, b = lexicon.display_name(one), lexicon.display_name(other)
    context = _talked_about(lexicon, f"{a}要什么条件", f"那{b}呢", one, other)
    asked = read(lexicon, context, question).asks[0].text
    assert a not in asked, asked


WITH_OTHER = ("能和{b}同时申请吗", "跟{b}能不能一块儿申请", "能和{b}叠加吗", "和{b}只能选一个吗")


@pytest.mark.parametrize("joint", WITH_OTHER)
def test_a_joint_ask_naming_the_other_note_is_asked_of_both(lexicon: Lexicon, joint: str) -> None:
    """ "能和科技贷同时申请吗" after 外贸贷: 外贸贷 is the other half, kept in the question."""
    for one, other in itertools.permutations(notes(lexicon, "product"), 2):
        a, b = lexicon.display_name(one), lexicon.display_name(other)
        first = read(lexicon, ConversationContext(), f"{a}是什么")
        context = remember(
            lexicon,
            ConversationContext(),
            first,
            Answer("好的。", True, "policy_question", topic=one),
        )
        asked = read(lexicon, context, joint.format(b=b)).asks[0].text
        assert a in asked and b in asked, (a, joint, asked)


@pytest.mark.parametrize("question", ["{b}要什么条件", "{b}跟它哪个好", "{b}利率多少"])
def test_naming_another_note_without_a_joint_ask_is_read_as_written(
    lexicon: Lexicon, question: str
) -> None:
    one, other = notes(lexicon, "product")[:2]
    a, b = lexicon.display_name(one), lexicon.display_name(other)
    first = read(lexicon, ConversationContext(), f"{a}是什么")
    context = remember(
        lexicon, ConversationContext(), first, Answer("好的。", True, "policy_question", topic=one)
    )
    asked = read(lexicon, context, question.format(b=b)).asks[0].text
    assert not asked.startswith(f"{a}{b}"), asked
