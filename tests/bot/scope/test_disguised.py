"""The disguised bank (`tests.bot.scope.disguised`) through the reading and the answerer: every
wording of each off-topic kind × style is declined with a pointer of its kind, every in-scope
wording carrying a family's trigger words is answered with a measure. Also the slips the scope
folds and the ask that takes a declined ask's subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from bot.refusals import POINTERS
from bot.scope import IN_SCOPE, ScopeDecision
from bot.scope.spelling import fold_slips
from bot.scope.split import AskScope, split_scope
from tests.bot.scope.disguised import (
    FOURTH_NEAR,
    FOURTH_OFF,
    NEAR,
    OFF,
    STYLES,
    TRIGGERED,
    near_rows,
    off_rows,
)

if TYPE_CHECKING:
    from bot.answerer import Answerer
    from bot.messages import Answer


def answer(answerer: Answerer, question: str) -> Answer:
    return answer_in_context(answerer, ConversationContext(), question).answer


def pointed(reply: Answer, families: frozenset[str]) -> bool:
    """Declined, without a citation, with the pointer of one of families."""
    pointers = [max(POINTERS[f].split("{place}"), key=len)[:14] for f in families]
    return not reply.in_scope and not reply.citations and any(p in reply.answer for p in pointers)


def answered(reply: Answer) -> bool:
    return reply.in_scope and bool(reply.citations)


def test_bank_spans_the_kinds_and_styles() -> None:
    assert len(off_rows()) >= 400 and len(near_rows()) >= 400
    assert set(FOURTH_OFF) == set(OFF) and len(TRIGGERED) >= 15
    later = [q for qs in FOURTH_OFF.values() for q in qs] + FOURTH_NEAR
    first = [q for _, qs in OFF.values() for q in qs] + NEAR
    assert not set(later) & set(first)  # each round's wordings are new
    assert {s for _, s, _ in off_rows()} == set(STYLES) == {s for s, _ in near_rows()}


@pytest.mark.parametrize(("kind", "style", "question"), off_rows())
def test_disguised_off_topic_is_declined_with_its_pointer(
    answerer: Answerer, kind: str, style: str, question: str
) -> None:
    reply = answer(answerer, question)
    assert pointed(reply, OFF[kind][0]), (style, reply.refusal, reply.answer[:60])


@pytest.mark.parametrize(("style", "question"), near_rows())
def test_in_scope_question_with_trigger_words_is_answered(
    answerer: Answerer, style: str, question: str
) -> None:
    reply = answer(answerer, question)
    assert answered(reply), (style, reply.refusal, reply.answer[:60])


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("lpr报价多扫", "lpr报价多少"),
        ("个体户怎莫注消", "个体户怎么注销"),
        ("福洲和杭洲的政策", "福州和杭州的政策"),
        ("夏门工司的发漂", "厦门公司的发票"),
        ("欧洲的客户", "欧洲的客户"),  # a continent is no city's slip
    ],
)
def test_slips_of_everyday_words_are_folded(typed: str, meant: str) -> None:
    assert fold_slips(typed) == meant


DECLINED = ScopeDecision(False, "personal_finance")


@pytest.mark.parametrize(
    ("declined", "then", "kept"),
    [
        ("网贷平台利息太高了", "利息太高能不能只还本金", False),  # subject copied from it
        ("lpr是怎么形成的", "担保公司，谁定的", False),  # a story's subject put before "谁定的"
        ("浙江有个浙科贷能申请吗", "科技贷的申请条件是什么", True),  # a subject of its own
        ("网贷平台利息太高了", "利息太高的话，科技贷能贷多少", True),  # a loan named after it
    ],
)
def test_an_ask_taking_the_declined_subject_is_declined_with_it(
    declined: str, then: str, kept: bool
) -> None:
    asks = [AskScope(DECLINED, declined), AskScope(IN_SCOPE, then, topical=True)]
    keep, decision = split_scope(asks)
    assert (keep == [1]) is kept and decision == DECLINED
