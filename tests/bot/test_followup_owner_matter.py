"""A follow-up keeps the owner's matter (issue 19, bot/followups/matter.py): after a repaid
overdue loan, "找谁" or "要等几年" never gets the parts of 第2条 written for other matters
(environmental penalties, missed annual reports); after a penalty, none on annual reports.

Generated over openings (clean, traditional, a long story with the question last) × one or
two follow-ups (clean, phone-typed, traditional).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

OVERDUE = (
    "我有笔贷款逾期了后来还清了",
    "我們有筆貸款逾期過，後來還清了",
    "前年资金紧张，有一笔经营贷逾期了三个月，去年已经全部还清，现在想再贷款，征信这块怎么办",
)
PENALTY = ("我们被环保罚款了，已经交了，还能贷款吗", "公司去年受过行政处罚，罚款交清了，影响贷款吗")
FOLLOW_UPS = (("找谁",), ("那要等几年", "找谁"), ("去哪办",), ("找哪個部門",), ("zhao谁",))
OTHER = {
    "overdue": re.compile(r"年报|年度报告|生态环境|环保|行政处罚"),
    "penalty": re.compile(r"年报|年度报告"),
}


def _body(text: str) -> str:
    """The answer before its citation line (the 依据 and 原文 lines quote the measure)."""
    lines = text.splitlines()
    return "\n".join(ln for ln in lines if not ln.startswith(("依据", "原文")))


@pytest.mark.parametrize("follow_ups", FOLLOW_UPS)
@pytest.mark.parametrize(
    ("opening", "matter"), [(o, "overdue") for o in OVERDUE] + [(o, "penalty") for o in PENALTY]
)
def test_a_follow_up_keeps_the_owner_matter(
    answerer: Answerer, opening: str, matter: str, follow_ups: tuple[str, ...]
) -> None:
    context = answer_in_context(answerer, ConversationContext(), opening).context
    for message in follow_ups:
        turn = answer_in_context(answerer, context, message)
        context = turn.context
        body = _body(turn.answer.answer)
        assert turn.answer.in_scope, (opening, message)
        assert not OTHER[matter].search(body), (opening, message, body)
