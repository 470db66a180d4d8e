"""The firm's own fact picks the product a follow-up is about (issue 19, bot/reading/fitting.py):
an owner who says what the firm does (外贸/进出口, 批发零售, 科技型) and gets a lead naming
two products asks the follow-ups (要抵押吗, 利率呢, 去哪办) of the one that fits the firm.

Generated over openings (clean, traditional, phone-typed, a story with the question last) ×
follow-up wordings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

OPENINGS = (
    ("我是做外贸的想贷款", "外贸贷", "商贸贷"),
    ("我們是做進出口的，想貸款", "外贸贷", "商贸贷"),
    ("我们厂主要出口茶叶到东南亚，最近缺周转资金，外贸的企业有啥专项贷款", "外贸贷", "商贸贷"),
    ("做批发零售的，想申请专项贷款", "商贸贷", "外贸贷"),
    ("我是做外贸的，商贸贷和外贸贷选哪个", "外贸贷", "商贸贷"),
)
FOLLOW_UPS = ("要抵押吗", "利率呢", "那去哪办", "要什麼材料", "yao抵押吗")


@pytest.mark.parametrize("follow_up", FOLLOW_UPS)
@pytest.mark.parametrize(("opening", "fits", "other"), OPENINGS)
def test_a_follow_up_is_about_the_product_the_firm_fits(
    answerer: Answerer, opening: str, fits: str, other: str, follow_up: str
) -> None:
    first = answer_in_context(answerer, ConversationContext(), opening)
    turn = answer_in_context(answerer, first.context, follow_up)
    lead = turn.answer.answer.splitlines()[0]
    assert fits in turn.reading.resolved, (opening, follow_up, turn.reading.resolved)
    assert other not in lead, (opening, follow_up, lead)
