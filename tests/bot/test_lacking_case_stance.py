"""A refusing stance a point states for a firm lacking something (没入库的不行) is never the
lead for a firm that lacks nothing (入了企业库能申请吗), and still is for one that lacks it.
Generated over the products with an enterprise list × wordings written here."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.reading.memory import lead_line
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

PRODUCTS = ("外贸贷", "商贸贷")
IN_LIST = ("入了企业库能申请{p}吗", "我们进了{p}企业库，能贷吗", "已经入库了，{p}能办吗")
NOT_IN_LIST = ("没入库能申请{p}吗", "还没进企业库，{p}能办吗", "未入库的企业能贷{p}吗")


@pytest.mark.parametrize(("product", "wording"), list(itertools.product(PRODUCTS, IN_LIST)))
def test_a_firm_in_the_list_is_not_told_no(answerer: Answerer, product: str, wording: str) -> None:
    (turn,) = talk(answerer, wording.format(p=product))
    lead = lead_line(turn.answer.answer)
    assert turn.answer.in_scope and not lead.startswith("不行"), lead


@pytest.mark.parametrize(("product", "wording"), list(itertools.product(PRODUCTS, NOT_IN_LIST)))
def test_a_firm_not_in_the_list_is_told_no(answerer: Answerer, product: str, wording: str) -> None:
    (turn,) = talk(answerer, wording.format(p=product))
    lead = lead_line(turn.answer.answer)
    assert lead.startswith("不行"), lead
