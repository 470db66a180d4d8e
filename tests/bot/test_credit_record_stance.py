"""The owner asking what they can do with a bad credit record (征信花了还能办续贷吗, 逾期
记录能消掉吗) is never answered 不行: 第2条's 不行 is about the bank refusing across the board
(一刀切拒贷), and holds only when the question asks about that. Generated over records ×
the owner's predicates, with typos and traditional characters; wordings written here."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bot.answerer import Answerer

RECORDS = ("征信花了", "我有逾期记录", "信用报告上有不良", "征信不太好", "徵信有污點")
OWNER_ASKS = ("能修吗", "逾期能消掉吗", "还能办续贷吗", "能申请科技贷不", "还能贷到款吗")
FORBIDDING = ("不行", "不可以", "不能", "不合规")


@pytest.mark.parametrize(("record", "ask"), list(itertools.product(RECORDS, OWNER_ASKS)))
def test_the_owners_own_possibility_is_never_answered_no(
    answerer: Answerer, record: str, ask: str
) -> None:
    from tests.helpers.answers import reply_of

    lead = reply_of(answerer, f"{record}，{ask}").parts[0].lead
    assert not lead.startswith(FORBIDDING), (record, ask, lead)


@pytest.mark.parametrize(
    "question",
    ["银行因为征信有逾期就一律不贷，能这样吗", "有过不良记录银行能一刀切拒贷吗"],
)
def test_the_bank_refusing_across_the_board_is_still_answered(
    answerer: Answerer, question: str
) -> None:
    from tests.helpers.answers import reply_of

    lead = reply_of(answerer, question).parts[0].lead
    assert "一刀切" in lead and not lead.startswith(("可以", "能")), lead
