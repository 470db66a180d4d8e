"""The tricky bank (`tests.bot.scope.tricky`) through the engine: every tuning wording of every
family × style is declined with its family's pointer and every tuning near miss is answered
with a measure; on the held-back cores the rates meet issue 19's bar (≥95% declined with a
pointer, ≤2% of in-scope questions refused)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from tests.bot.scope.test_bank import POINTER
from tests.bot.scope.tricky import NEAR, OFF, near_rows, off_rows

if TYPE_CHECKING:
    from bot.answerer import Answerer

POINTERS = {**POINTER, "rates": "中国人民银行"}
DECLINED_BAR = 0.95
FALSE_REJECT_BAR = 0.02


def declined_with_pointer(answerer: Answerer, question: str) -> tuple[bool, str]:
    """(declined with its family's pointer and no citation, the family its scope names)."""
    answer = answer_in_context(answerer, ConversationContext(), question).answer
    family = answerer.assess(question).scope.family
    pointer = POINTERS.get(family, "")
    ok = not answer.in_scope and not answer.citations and bool(pointer) and pointer in answer.answer
    return ok, family


def answered(answerer: Answerer, question: str) -> bool:
    answer = answer_in_context(answerer, ConversationContext(), question).answer
    return bool(answer.in_scope and answer.citations)


def test_bank_spans_the_families_and_styles() -> None:
    rows = off_rows(False) + off_rows(True)
    near = near_rows(False) + near_rows(True)
    assert len(rows) >= 300 and len(near) >= 200
    assert len({q for _, _, q in rows}) == len(rows) and len({q for _, q in near}) == len(near)
    assert {s for _, s, _ in rows} == {s for s, _ in near} and len({s for s, _ in near}) == 6
    assert all(len(cores) >= 8 for _, cores in OFF.values()) and len(NEAR) >= 40


@pytest.mark.parametrize(("kind", "style", "question"), off_rows(False))
def test_tricky_off_topic_is_declined_with_its_pointer(
    answerer: Answerer, kind: str, style: str, question: str
) -> None:
    ok, family = declined_with_pointer(answerer, question)
    assert ok and family in OFF[kind][0], (style, question, family)


@pytest.mark.parametrize(("style", "question"), near_rows(False))
def test_tricky_near_miss_is_answered_with_a_measure(
    answerer: Answerer, style: str, question: str
) -> None:
    assert answered(answerer, question), (style, question)


def test_held_back_cores_meet_the_bar(answerer: Answerer) -> None:
    rows = off_rows(True)
    declined = [q for _, _, q in rows if declined_with_pointer(answerer, q)[0]]
    near = near_rows(True)
    refused = [q for _, q in near if not answered(answerer, q)]
    assert len(declined) / len(rows) >= DECLINED_BAR, sorted(
        set(q for _, _, q in rows) - set(declined)
    )
    assert len(refused) / len(near) <= FALSE_REJECT_BAR, refused
