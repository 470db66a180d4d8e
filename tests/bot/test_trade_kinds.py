"""商贸贷 is for trade firms, wholesale and retail alike (loan-products-facts: "wholesale,
retail, etc."): an owner of either kind asking whether it fits is answered yes-with-the-
condition, and the lead never names only the other kind. Generated over trades × templates
written here."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.reading.memory import lead_line

if TYPE_CHECKING:
    from bot.answerer import Answerer

WHOLESALE = ("水果批发", "建材批发", "茶叶批发", "日用品批发")
RETAIL = ("便利店", "服装店", "超市")
TEMPLATES = ("我们做{t}的，能申请商贸贷吗", "开{t}的适不适合办商贸贷", "{t}可以办商贸贷不")


@pytest.mark.parametrize(
    ("trade", "template"), list(itertools.product(WHOLESALE + RETAIL, TEMPLATES))
)
def test_a_trade_firm_asking_if_shangmaodai_fits_is_answered_for_its_kind(
    answerer: Answerer, trade: str, template: str
) -> None:
    question = template.format(t=trade)
    answer = answerer.answer(question)
    lead = lead_line(answer.answer)
    assert answer.in_scope and answer.citations[0].doc_id == "product-shangmaodai", question
    kind = "批发" if trade in WHOLESALE else "零售"
    other = "零售" if kind == "批发" else "批发"
    assert not (other in lead and kind not in lead), (question, lead)
    assert "企业库" in answer.answer, (question, answer.answer)
