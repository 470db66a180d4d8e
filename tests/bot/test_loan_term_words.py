"""A loan renewed every year told in the owner's words (一年一续, 年年续, 每年都要续) is 第6条's
1年期以上中长期贷款, alone or after the firm's long-term need. Wordings written here."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

YEARLY = (
    "一年一续太麻烦了",
    "银行都是一年一贷，能不能长一点",
    "年年续好累",
    "每年都要续，有没有更长的",
)


@pytest.mark.parametrize("text", YEARLY)
@pytest.mark.parametrize("before", ["", "厂房扩建要贷5年的 银行只给1年的"])
def test_a_loan_renewed_every_year_is_measure_6s_long_term_loan(
    answerer: Answerer, before: str, text: str
) -> None:
    turn = talk(answerer, *(t for t in (before, text) if t))[-1]
    assert turn.answer.in_scope, turn.answer.answer
    assert "measure-6" in {c.doc_id for c in turn.answer.citations}, turn.answer.answer
