""" "那我该怎么办" right after an answer in numbered parts (two demands weighed, two subjects
compared) is answered with every part's next step, one line each, not with one part's matter
padded by the other's points. Inputs: the lender demands and subjects the measures name,
crossed with ways of asking what to do; the state keeps the joined step across a save."""

from __future__ import annotations

import itertools

import pytest

from bot.answerer import Answerer
from bot.messages import NEXT_PREFIX
from bot.reading import ConversationContext
from bot.reading.context import STATE_KEY
from tests.helpers.reading import talk

DEMANDS = ("存保证金", "交评估费", "买他们的保险", "买理财产品")
STANCES = ("，这合理吗", "，合不合规", " 这样正常吗")
COMPARED = ("白名单和首贷有什么区别", "信用修复和无还本续贷有啥不一样")
WHAT_TO_DO = ("那我该怎么办", "我该怎么做", "那接下来怎么办", "那我下一步怎么弄")


def _steps(answer: str) -> list[str]:
    return [
        ln.removeprefix(NEXT_PREFIX) for ln in answer.splitlines() if ln.startswith(NEXT_PREFIX)
    ]


def _check(answerer: Answerer, first: str, follow_up: str) -> None:
    before, after = talk(answerer, first, follow_up)
    steps = _steps(before.answer.answer)
    if not before.answer.answer.lstrip().startswith(("（一）", "这是两回事", "不是一回事")):
        return  # answered in one part: the single-step path (test_followup_what_to_do)
    assert len(steps) >= 2, before.answer.answer
    lines = after.answer.answer.splitlines()
    assert lines[0] == "分开做：", after.answer.answer
    for mark, step in zip(("（一）", "（二）"), steps, strict=False):
        assert f"{mark}{step}" in lines, (step, after.answer.answer)
    assert not any(ln.startswith("· ") for ln in lines), after.answer.answer


@pytest.mark.parametrize("follow_up", WHAT_TO_DO)
@pytest.mark.parametrize("stance", STANCES)
def test_what_to_do_after_two_demands_gives_both_steps(
    answerer: Answerer, stance: str, follow_up: str
) -> None:
    for one, other in itertools.combinations(DEMANDS, 2):
        _check(answerer, f"银行要我{one}还要{other}{stance}", follow_up)


@pytest.mark.parametrize("follow_up", WHAT_TO_DO)
@pytest.mark.parametrize("first", COMPARED)
def test_what_to_do_after_a_comparison_gives_both_steps(
    answerer: Answerer, first: str, follow_up: str
) -> None:
    _check(answerer, first, follow_up)


def test_a_two_part_answer_is_answered_in_parts_at_all(answerer: Answerer) -> None:
    first = talk(answerer, f"银行要我{DEMANDS[0]}还要{DEMANDS[2]}{STANCES[0]}")[0]
    assert first.answer.answer.startswith("（一）") and len(_steps(first.answer.answer)) == 2


def test_the_joined_step_survives_the_saved_state(answerer: Answerer) -> None:
    first = talk(answerer, f"银行要我{DEMANDS[0]}还要{DEMANDS[1]}{STANCES[0]}")[0]
    joined = first.context.steps[0]
    assert joined.startswith(NEXT_PREFIX + "（一）") and "（二）" in joined
    restored = ConversationContext.from_state({STATE_KEY: first.context.to_state()})
    assert restored.steps[0] == joined
