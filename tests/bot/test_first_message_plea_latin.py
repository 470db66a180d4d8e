"""A first message that asks what to do with no situation (我该怎么办, 咋整啊, 帮帮我) is asked
back what happened, with the situations the measures answer as examples — it was declined as out
of scope. After an answer it stays a follow-up (tests/bot/test_followup_what_to_do.py). A message
in English only gets a Chinese line saying questions are answered in Chinese (it got the generic
refusal); an English word inside a Chinese question changes nothing (bot/reading/content.py).

Generated over the kind: opener × subject × modal × plea × ending × punctuation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.catalog import LATIN_ONLY, ask_situation
from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from bot.reading.content import bare_plea, latin_only

if TYPE_CHECKING:
    from bot.answerer import Answerer

PLEAS = sorted(
    {
        f"{opener}{who}{modal}{plea}{end}{mark}"
        for opener in ["", "那", "现在"]
        for who in ["", "我", "我们"]
        for modal in ["", "该", "应该"]
        for plea in ["怎么办", "咋办", "咋整", "怎么处理", "有什么办法"]
        for end in ["", "呢", "啊"]
        for mark in ["", "？", "？？", "。。。", "!"]
    }
) + ["嗯 我该怎么办", "帮帮我", "求助！", "救救我"]
# Messages that name a situation or ask something of their own are questions, not pleas.
NOT_PLEAS = [
    "银行抽贷了我该怎么办",
    "征信有逾期怎么办",
    "续贷怎么办理",
    "怎么办理无还本续贷",
    "怎么申请科技贷",
    "我该怎么申请贷款",
    "担保公司收费太贵怎么办",
    "有什么办法降低融资成本",
]
ENGLISH = [
    "Can I renew my loan without repaying principal?",
    "how to apply for a loan in sanming",
    "What is the interest rate",
    "hello, is anyone there",
    "I need money for my company",
]
NOT_ENGLISH = [
    "ok",
    "hi",
    "RZ-20261206-0001",
    "续贷要先还本金吗 thanks",
    "app上能办科技贷吗",
    "123",
]


@pytest.mark.parametrize("text", PLEAS)
def test_bare_plea_is_told_apart(text: str) -> None:
    assert bare_plea(text), text


@pytest.mark.parametrize("text", NOT_PLEAS)
def test_a_plea_with_its_situation_is_a_question(text: str) -> None:
    assert not bare_plea(text), text


@pytest.mark.parametrize("text", PLEAS[::7])
def test_first_plea_is_asked_back_the_situation(answerer: Answerer, text: str) -> None:
    ex = answer_in_context(answerer, ConversationContext(), text)
    assert ex.answer.answer == ask_situation()
    assert ex.answer.in_scope and ex.answer.intent == "clarify"
    assert ex.context.focus is None


@pytest.mark.parametrize("text", NOT_PLEAS)
def test_situated_plea_is_answered(answerer: Answerer, text: str) -> None:
    ex = answer_in_context(answerer, ConversationContext(), text)
    assert ex.answer.in_scope and ex.answer.citations, text


def test_plea_after_an_answer_stays_a_follow_up(answerer: Answerer) -> None:
    first = answer_in_context(answerer, ConversationContext(), "银行突然要抽贷")
    ex = answer_in_context(answerer, first.context, "我该怎么办")
    assert ex.answer.answer != ask_situation() and ex.answer.citations


@pytest.mark.parametrize("text", ENGLISH)
def test_english_only_is_asked_in_chinese(answerer: Answerer, text: str) -> None:
    assert latin_only(text)
    ex = answer_in_context(answerer, ConversationContext(), text)
    assert ex.answer.answer == LATIN_ONLY and not ex.answer.in_scope


@pytest.mark.parametrize("text", NOT_ENGLISH)
def test_latin_words_in_chinese_or_a_reference_are_not_english(text: str) -> None:
    assert not latin_only(text)
