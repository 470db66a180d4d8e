"""The fifth scope bank (`tests.bot.scope.kinds`) through the reading and the answerer: the
tune half's declined and false-reject rates meet the bars, and a message with an off-topic ask
beside an in-scope one answers the in-scope ask with the declined ask's short line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.answer_asks import declined_line
from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from bot.scope import ScopeDecision
from tests.bot.scope.kinds import ACCEPTED, DISGUISES, cores, half, rows

if TYPE_CHECKING:
    from bot.answerer import Answerer
    from bot.messages import Answer

DECLINED_BAR = 0.95
FALSE_REJECT_BAR = 0.02


def answer(answerer: Answerer, question: str) -> Answer:
    return answer_in_context(answerer, ConversationContext(), question).answer


def test_bank_spans_kinds_styles_and_halves() -> None:
    off, near = rows("off"), rows("in")
    assert len(off) >= 300 and len(near) >= 300
    assert {k for k, *_ in off} == set(ACCEPTED)
    assert {s for _, s, *_ in off + near} == {"plain", *DISGUISES}
    held = {c for _, _, c in cores() if half(c) == "held"}
    assert 0.35 < len(held) / len(cores()) < 0.65  # both halves are real
    assert not {c for *_, c in rows("off", "tune")} & held


@pytest.mark.parametrize("which", ["tune"])
def test_off_topic_kinds_are_declined(answerer: Answerer, which: str) -> None:
    off = rows("off", which)
    missed = [q for _, _, q, _ in off if answer(answerer, q).in_scope]
    assert 1 - len(missed) / len(off) >= DECLINED_BAR, missed


@pytest.mark.parametrize("which", ["tune"])
def test_in_scope_near_misses_are_answered(answerer: Answerer, which: str) -> None:
    near = rows("in", which)
    refused = [q for _, _, q, _ in near if not answer(answerer, q).citations]
    assert len(refused) / len(near) <= FALSE_REJECT_BAR, refused


def test_forgery_is_refused_plainly(answerer: Answerer) -> None:
    forged = [r for r in rows("off", "tune") if r[0] == "fraud"]
    plain = [q for _, _, q, _ in forged if answer(answerer, q).refusal == "fraud"]
    assert len(plain) / len(forged) >= DECLINED_BAR


_PAIRED = ("fraud", "investment", "tax", "personal", "labour")
_REAL = ("续贷要先还本金吗", "科技贷需要什么条件", "白名单怎么进", "没有抵押物能贷款吗")
_JOINS = ("？", "？另外", "。还有个问题，")


def _pairs() -> list[tuple[str, str, str]]:
    """(kind, off-topic core, in-scope core) for the multi-ask messages."""
    off = [(k, c) for side, k, c in cores() if side == "off" and k in _PAIRED]
    picked = [next(c for k, c in off if k == kind) for kind in _PAIRED]
    picked += [[c for k, c in off if k == kind][1] for kind in _PAIRED]
    kinds = _PAIRED * 2
    return [
        (k, c, _REAL[i % len(_REAL)]) for i, (k, c) in enumerate(zip(kinds, picked, strict=True))
    ]


@pytest.mark.parametrize(("kind", "off", "real"), _pairs())
@pytest.mark.parametrize("join", _JOINS)
def test_off_topic_ask_beside_a_policy_ask_keeps_the_policy_answer(
    answerer: Answerer, kind: str, off: str, real: str, join: str
) -> None:
    reply = answer(answerer, off.rstrip("？?") + join + real)
    assert reply.in_scope and reply.citations, reply.answer[:80]
    lines = [declined_line(ScopeDecision(False, f)) for f in ACCEPTED[kind]]
    assert any(line and line in reply.answer for line in lines), reply.answer[:120]
