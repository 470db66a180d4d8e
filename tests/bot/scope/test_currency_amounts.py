"""A sum in a foreign currency is a figure of the firm (出口额200万美元), not talk about
currencies: an owner's story with one stays in scope, while exchange-rate questions are still
declined (bot/scope/subjects.py OTHER_TOPICS)."""

from __future__ import annotations

import itertools

import pytest

from bot.scope import out_of_scope_family

_SUMS = ["200万美元", "50万欧元", "3000万日元", "几十万美元", "100多万美元"]
_STORIES = [
    "我是做茶叶出口的，年出口额大概{}",
    "我们厂一年外贸订单{}左右",
    "公司去年出口了{}，想问问有啥支持",
    "做竹制品外贸的，年销售{}",
]


@pytest.mark.parametrize(("story", "amount"), list(itertools.product(_STORIES, _SUMS)))
def test_a_sum_in_foreign_currency_is_no_currency_talk(story: str, amount: str) -> None:
    assert out_of_scope_family(story.format(amount))[0] == "", story.format(amount)


@pytest.mark.parametrize(
    "question",
    [
        "美元汇率现在多少",
        "现在美元能换多少人民币",
        "欧元最近是涨还是跌",
        "日元值得买吗",
        "美元兑人民币",
    ],
)
def test_currency_talk_is_still_declined(question: str) -> None:
    assert out_of_scope_family(question)[0] != "", question
