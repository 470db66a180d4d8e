"""A follow-up asking something else never gets the last lead again (issue 19,
bot/followups/fresh.py): when the composed answer would lead with the lead just given, the
answer's next point leads instead (a stance asked again, 这合理吗, keeps its stance).

Generated over the kind: first questions on measures, products and platforms × two
follow-ups in a row asking what a thing means, what it brings the firm, what it is for.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

OPENINGS = (
    "政府性融资担保放大倍数是多少",
    "贷款全流程限时制是什么",
    "白名单是什么",
    "信用修复是什么",
    "资金流信用信息平台是什么",
    "闽光云商是干嘛的",
    "提质增产争效贷是什么",
    "无还本续贷是什么意思",
)
FOLLOW_UPS = ("这是什么意思", "对我们有什么好处", "有什么用", "具体指什么", "跟我们有啥关系")


@pytest.mark.parametrize("opening", OPENINGS)
@pytest.mark.parametrize(("first", "second"), list(itertools.permutations(FOLLOW_UPS, 2)))
def test_two_follow_ups_never_get_the_lead_just_given(
    answerer: Answerer, opening: str, first: str, second: str
) -> None:
    context = ConversationContext()
    last = ""
    for text in (opening, first, second):
        turn = answer_in_context(answerer, context, text)
        context = turn.context
        lead = turn.answer.answer.split("\n", 1)[0]
        assert turn.answer.in_scope, (opening, first, second, text)
        assert lead != last, (opening, first, second, text, lead)
        last = lead
