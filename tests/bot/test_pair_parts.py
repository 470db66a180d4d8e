"""A pair compared in words that name no facet (有啥不一样, 是一回事吗, 一样吗, 有什么区别) is
asked of each note as 是什么, so each numbered part describes its own note; and each part keeps
the next step of its own note, even when the step was given a turn before (the never-repeat
rule of `bot.followups.own_step` is for one answer, not for numbered parts). Generated over
platform pairs × first turns × comparing wordings × styles."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

PLATFORMS = ("闽光云商", "信易贷", "易企办")
FIRST = ("{a}是干嘛的", "介绍下{a}")
SAME = ("跟{b}有啥不一样", "和{b}是一回事吗", "跟{b}一样吗", "与{b}有什么不同")
STYLES = ("{q}", "{q}？？", "我们是做钢材的 {q}")


def _parts(text: str) -> list[str]:
    body = text.split("依据：", 1)[0]
    return [p for p in body.split("（") if p.startswith(("一）", "二）"))]


@pytest.mark.parametrize(("a", "b"), list(itertools.permutations(PLATFORMS, 2)))
@pytest.mark.parametrize("first", FIRST)
@pytest.mark.parametrize("same", SAME)
@pytest.mark.parametrize("style", STYLES)
def test_each_part_is_about_its_own_note(
    answerer: Answerer, a: str, b: str, first: str, same: str, style: str
) -> None:
    context = answer_in_context(answerer, ConversationContext(), first.format(a=a)).context
    text = answer_in_context(answerer, context, style.format(q=same.format(b=b))).answer.answer
    parts = _parts(text)
    assert len(parts) == 2, text
    for part, own, other in ((parts[0], a, b), (parts[1], b, a)):
        lead = part.split("\n", 1)[0]
        assert own in lead, text  # a description of its own note, not of the pair's difference
        steps = [line for line in part.splitlines() if line.startswith("下一步：")]
        assert all(other not in step for step in steps), text
