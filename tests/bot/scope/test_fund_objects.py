"""基金 as an object: 第10条's government funds (政府引导基金, 产业投资基金, a fund investing in
the firm) are in scope, however the owner names them; a market fund the owner would buy is an
investment question, declined with its pointer."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

GOVERNMENT = (
    "政府有没有基金投我们这种小企业",
    "我们想引入投资，政府有基金吗",
    "引导基金怎么对接民营企业",
    "国企的产业基金能入股我们公司吗",
    "不想再借钱了，有没有基金愿意投我们",
)
MARKET = (
    "现在买什么基金收益高",
    "基金定投每个月投多少合适",
    "我买的基金亏了怎么办",
    "私募基金靠谱吗",
)
STYLES = ("{q}", "{q}？？", "我们是沙县做小吃配送的，贷款也在办，{q}")


@pytest.mark.parametrize("question", GOVERNMENT)
@pytest.mark.parametrize("style", STYLES)
def test_government_funds_are_answered(answerer: Answerer, question: str, style: str) -> None:
    answer = answer_in_context(answerer, ConversationContext(), style.format(q=question)).answer
    assert answer.in_scope, answer.answer[:80]


@pytest.mark.parametrize("question", MARKET)
@pytest.mark.parametrize("style", STYLES)
def test_market_funds_are_declined(answerer: Answerer, question: str, style: str) -> None:
    answer = answer_in_context(answerer, ConversationContext(), style.format(q=question)).answer
    assert not answer.in_scope, answer.answer[:80]
    assert answer.refusal in ("investment", "investment_loss"), answer.refusal
