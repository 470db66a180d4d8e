"""What 那个平台 / 那个产品 points to: the focus, then the note named most recently and
prominently (in the owner's asks or an answer's lead), then the one note of the kind the
focus document names itself — never one a supporting point mentioned in passing (issue 19).

Generated over every ordered pair of notes of a kind × pointing wordings (刚才那个平台叫什么,
traditional 平臺, 你刚说的那个产品), with contexts built from the knowledge's own notes.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.messages import Answer
from bot.reading import ConversationContext, Lexicon, read, remember
from tests.helpers.reading import focused, measures, notes

if TYPE_CHECKING:
    from bot.answerer import Answerer

POINTING = {
    "platform": (
        "刚才那个平台叫什么",
        "你刚说的那个平台是哪个",
        "那个平臺叫啥",
        "刚才那个平台在哪",
    ),
    "product": ("刚才那个产品叫什么", "你说的那个产品利率多少", "那个贷款产品要什么条件"),
}
QUIET_MEASURE = 2  # index of measure 3: its text names no note


def _pairs(lexicon: Lexicon, kind: str) -> list[tuple[str, str]]:
    return list(itertools.permutations(notes(lexicon, kind), 2))


@pytest.mark.parametrize("kind", ["platform", "product"])
def test_a_note_named_prominently_beats_one_named_in_passing(lexicon: Lexicon, kind: str) -> None:
    context = focused(lexicon, measures(lexicon)[QUIET_MEASURE])
    for (prominent, passing), text in itertools.product(_pairs(lexicon, kind), POINTING[kind]):
        seen = replace(context, mentioned=(passing, prominent), prominent=(prominent,))
        reading = read(lexicon, seen, text)
        assert reading.referent == prominent, (prominent, passing, text, reading.resolved)


@pytest.mark.parametrize("kind", ["platform", "product"])
def test_the_focus_beats_any_note_named(lexicon: Lexicon, kind: str) -> None:
    for (focus, other), text in itertools.product(_pairs(lexicon, kind), POINTING[kind]):
        seen = replace(focused(lexicon, focus), mentioned=(other,), prominent=(other,))
        assert read(lexicon, seen, text).referent == focus, (focus, other, text)


def test_a_note_whose_name_holds_the_subject_comes_first(lexicon: Lexicon) -> None:
    for doc_id in notes(lexicon, "platform"):
        subject = lexicon.display_name(doc_id)
        others = [d for d in notes(lexicon, "platform") if subject not in lexicon.title(d)]
        context = focused(lexicon, measures(lexicon)[QUIET_MEASURE], subject=subject[:4])
        if subject[:4] not in lexicon.title(doc_id):
            continue
        for other, text in itertools.product(others[:3], POINTING["platform"]):
            seen = replace(context, mentioned=(other, doc_id), prominent=(other, doc_id))
            assert read(lexicon, seen, text).referent == doc_id, (doc_id, other, text)


def test_the_focus_documents_only_note_of_the_kind_is_meant(lexicon: Lexicon) -> None:
    checked = 0
    for doc_id in measures(lexicon):
        text = str(lexicon.documents[doc_id].text)
        named = {n.doc_id for n in lexicon.named(text) if lexicon.kind(n.doc_id) == "platform"}
        reading = read(lexicon, focused(lexicon, doc_id), POINTING["platform"][0])
        if len(named) == 1:
            assert reading.referent in named, (doc_id, reading.resolved)
            checked += 1
        elif not named:
            assert reading.move == "clarify", (doc_id, reading.resolved)
    assert checked  # 第8条 names 福农e林 alone


@pytest.mark.parametrize("kind", ["platform", "product"])
def test_remember_marks_notes_of_the_lead_not_of_the_points(lexicon: Lexicon, kind: str) -> None:
    for led, passing in _pairs(lexicon, kind)[:12]:
        text = (
            f"可以通过{lexicon.display_name(led)}办理。\n"
            f"· 另外也有{lexicon.display_name(passing)}。\n依据：第7条"
        )
        answer = Answer(text, True, "policy_question", topic=measures(lexicon)[6])
        reading = read(lexicon, ConversationContext(), "没有抵押能贷款吗")
        context = remember(lexicon, ConversationContext(), reading, answer)
        assert context.prominent[:1] == (led,), (led, passing, context.prominent)
        assert passing not in context.prominent and passing in context.mentioned


def test_prominent_notes_survive_the_state(lexicon: Lexicon) -> None:
    platforms = tuple(notes(lexicon, "platform")[:2])
    context = ConversationContext(prominent=platforms)
    assert ConversationContext.from_state({"context": context.to_state()}).prominent == platforms
    broken = ConversationContext.from_state({"context": {"prominent": "platform-zhongdeng"}})
    assert broken.prominent == ()


@pytest.mark.parametrize(
    "opening", ["山上有片林权，能贷款不", "林权证能拿去贷款吗", "家里的林地能抵押贷款吗"]
)
@pytest.mark.parametrize("middle", ["林权在哪办理呀", "要多久", "利息高不高"])
@pytest.mark.parametrize("pointing", POINTING["platform"][:3])
def test_three_turns_keep_the_platform_the_conversation_is_about(
    answerer: Answerer, lexicon: Lexicon, opening: str, middle: str, pointing: str
) -> None:
    first = answer_in_context(answerer, ConversationContext(), opening)
    led = [n.doc_id for n in lexicon.named(first.answer.answer.split("\n")[0])]
    platforms = [d for d in led if lexicon.kind(d) == "platform"]
    assert platforms, first.answer.answer  # forest rights: 福农e林 is named in the lead
    second = answer_in_context(answerer, first.context, middle)
    third = answer_in_context(answerer, second.context, pointing)
    meant = second.context.focus.doc_id if second.context.focus else ""
    expected = meant if lexicon.kind(meant) == "platform" else platforms[0]
    assert third.reading.referent == expected, (opening, middle, third.reading.resolved)
