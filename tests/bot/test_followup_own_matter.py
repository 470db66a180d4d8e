"""A where/whom follow-up gets a next step for the matter in hand (issue 19, bot/followups
steps.py): after a bank's abrupt step (抽贷, 压贷, 断贷) "找哪个部门" is answered with whom to
go to and a step about this matter, never the step of another cited measure (进白名单 …).

Generated over openings (clean, traditional, a story with the question last) × where/whom
wordings, with and without a turn between.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

OPENINGS = (
    "银行突然要抽贷怎么办",
    "銀行突然要抽貸怎麼辦",
    "我们厂经营一直正常，这个月银行突然说要抽贷，该怎么办",
    "银行要压贷断贷怎么办",
)
BETWEEN = ("", "可以投诉吗")
WHERE = ("找哪个部门", "找哪個部門", "应该找谁", "去哪个部门说")
FOREIGN = ("白名单", "入库")  # the step of 第15条's other point


@pytest.mark.parametrize("between", BETWEEN)
@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("opening", OPENINGS)
def test_a_where_follow_up_keeps_a_step_of_its_own_matter(
    answerer: Answerer, opening: str, between: str, where: str
) -> None:
    context = ConversationContext()
    for message in (opening, *([between] if between else []), where):
        turn = answer_in_context(answerer, context, message)
        context = turn.context
    lines = turn.answer.answer.splitlines()
    step = next((ln for ln in lines if ln.startswith("下一步")), "")
    assert turn.answer.in_scope, (opening, where)
    assert not any(w in step for w in FOREIGN), (opening, between, where, step)
