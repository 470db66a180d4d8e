"""A clause going on with the lender's demand told before it, its subject left out (银行放贷前要
我先存50万保证金，还要买保险) is judged with that clause: the bank's demand is 第11条's bundling,
in scope; the same clause after an owner's own plan (我想买辆车，还要买保险吗) stays declined.
Generated over lenders × first demands × continuations × products written here."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.scope import out_of_scope_family
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

LENDERS = ("银行", "客户经理", "信贷员", "担保公司")
FIRST = ("放贷前要我先存50万保证金", "说贷款批下来了", "要我们先存一笔钱")
GOES_ON = ("还要买{p}", "还得买{p}", "又要我们买{p}", "而且非要买份{p}")
PRODUCTS = ("保险", "意外险", "理财")
CONTINUED = [
    f"{lender}{first} {goes.format(p=p)}"
    for lender, first, goes, p in itertools.product(LENDERS, FIRST, GOES_ON, PRODUCTS)
][::5]
OWN_PLANS = (
    "我想买辆车 还要买保险吗",
    "我们做生意的 还要买车险 怎么买划算",
    "家里装修完了，还要买份财产险吗",
    "我刚退休，还得买点理财吗",
)


@pytest.mark.parametrize("text", CONTINUED)
def test_a_demand_gone_on_with_is_judged_with_its_lender(text: str) -> None:
    assert out_of_scope_family(text) == ("", ""), text


# a guarantor's demand stays in scope but may rank 第9条's guarantee first, and 说贷款批下来了
# tells no demand: a bank's demand told here
DEMANDED = [t for t in CONTINUED if not t.startswith("担保") and "批下来" not in t]


@pytest.mark.parametrize("text", DEMANDED[::2])
def test_a_demand_gone_on_with_is_answered_from_measure_11(answerer: Answerer, text: str) -> None:
    (turn,) = talk(answerer, text)
    assert turn.answer.in_scope, turn.answer.answer
    assert "measure-11" in {c.doc_id for c in turn.answer.citations}, turn.answer.answer


@pytest.mark.parametrize("text", OWN_PLANS)
def test_the_owners_own_purchase_gone_on_with_stays_declined(text: str) -> None:
    assert out_of_scope_family(text)[0], text
