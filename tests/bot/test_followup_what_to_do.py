""" "那我该怎么办" after an answer on what a bank did is answered with what to do (issue 19,
bot/followups/fresh.py): when the composed answer would repeat a lead already given, the
newest next step given is the answer, said as one — never "前面说过" and the same lead again.

Generated over the kind: demands a bank makes (搭售, 以贷转存, 评估费, 保证金, 先还本金)
in several styles × a stance follow-up or none × ways of asking what to do now.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

OPENINGS = (
    "银行让我买理财才给贷款",
    "银行要我买他们的保险才放款",
    "贷款下来银行让我存一半回去",
    "銀行讓我買理財才給貸款",
    "我们厂去年贷了300万，今年续的时候客户经理说必须买一份理财产品，不买就不批",
    "银行要收评估费",
)
STANCES = ("", "这样合规吗", "这合理吗")
WHAT_TO_DO = ("那我该怎么办", "那咋办", "我该怎么做", "下一步怎么弄", "那怎么处理")
ACTION = re.compile(r"反映|拒绝|要求|提出|问|找|保留|申请|投诉|登记|联系|咨询")


@pytest.mark.parametrize("opening", OPENINGS)
@pytest.mark.parametrize("stance", STANCES)
@pytest.mark.parametrize("what", WHAT_TO_DO)
def test_what_to_do_is_answered_with_an_action(
    answerer: Answerer, opening: str, stance: str, what: str
) -> None:
    context = ConversationContext()
    leads = []
    for text in (opening, stance):
        if text:
            turn = answer_in_context(answerer, context, text)
            context = turn.context
            leads.append(turn.answer.answer.split("\n", 1)[0])
    turn = answer_in_context(answerer, context, what)
    assert turn.answer.in_scope, (opening, stance, what)
    lead = turn.answer.answer.split("\n", 1)[0]
    assert not lead.startswith("前面说过"), (opening, stance, what, lead)
    assert lead not in leads, (opening, stance, what, lead)
    assert ACTION.search(lead), (opening, stance, what, lead)
