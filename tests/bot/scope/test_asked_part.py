"""Where the ask starts: after a story's ask opener (想问一下, 顺便问下, 另外), and without the
clauses that set a subject aside (房贷那些先不说); a bank's own loan price (建行经营贷利率多少)."""

from __future__ import annotations

import pytest

from bot.scope import out_of_scope_family
from bot.scope.clauses import asked_part, drop_set_aside, question_part
from bot.scope.products import bank_price
from tests.bot.scope.cases import fill

STORY = "我们在三明做竹木加工，银行续贷刚批下来，担保公司也帮了忙，"
OPENERS = ["想问一下", "我还想知道", "顺便问下，", "另外", "请问", "就是想咨询下"]
ASKS = ["小规模纳税人怎么报税", "龙岩的贴息政策有哪些", "贷款五级分类标准是什么"]


@pytest.mark.parametrize("opener", OPENERS)
@pytest.mark.parametrize("ask", ASKS)
def test_ask_after_an_opener_is_what_is_judged(opener: str, ask: str) -> None:
    assert asked_part(STORY + opener + ask) == ask
    assert out_of_scope_family(STORY + opener + ask)[0] != ""


@pytest.mark.parametrize("opener", OPENERS)
@pytest.mark.parametrize("generic", ["怎么办", "有什么政策吗", "咋办"])
def test_generic_ask_after_an_opener_keeps_the_story(opener: str, generic: str) -> None:
    text = "公积金里有十几万想取出来给公司周转，" + opener + generic
    assert asked_part(text) == text


SET_ASIDE = fill(
    ["{what}那些{how}，{ask}"],
    what=["房贷信用卡", "炒股亏钱的事", "报税"],
    how=["先不说", "就不提了", "先放一放"],
    ask=["银行抽贷断贷能找谁", "信用报告有逾期银行一刀切拒贷怎么办"],
)


@pytest.mark.parametrize("text", SET_ASIDE)
def test_clause_setting_a_subject_aside_is_not_asked(text: str) -> None:
    kept = drop_set_aside(text)
    assert kept == text.split("，", 1)[1] and question_part(text) == kept
    assert out_of_scope_family(text) == ("", "")


def test_only_clause_is_kept_even_when_it_sets_aside() -> None:
    assert drop_set_aside("房贷先不说") == "房贷先不说"


PRICES = fill(
    ["{bank}{prod}利率{ask}", "{bank}{prod}利息{ask}"],
    bank=["建行", "农业银行", "工商银行", "兴业银行"],
    prod=["经营贷", "的贷款", "信用贷款", "的抵押贷款"],
    ask=["多少", "是几个点", "现在多少"],
)
IN_SCOPE_PRICES = fill(
    ["{bank}{what}利率多少"],
    bank=["建行", "邮储银行的", "农行"],
    what=["科技贷", "外贸贷", "小微企业贷款", "给民营企业的", "林权抵押贷款"],
)


@pytest.mark.parametrize("text", PRICES)
def test_bank_own_price_names_the_bank(text: str) -> None:
    assert bank_price(text) and out_of_scope_family(text)[0] == "bank_product"


@pytest.mark.parametrize("text", IN_SCOPE_PRICES)
def test_price_of_a_measure_product_or_target_firm_is_kept(text: str) -> None:
    assert bank_price(text) is None
