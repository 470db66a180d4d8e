"""Closings mid-conversation, generated: thanks × acknowledgements × plans × goodbyes, after a
topic of every kind; each gets a short reply and keeps the focus, and none swallows a question."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import GOODBYE_TEXT, THANKS_TEXT, answer_in_context
from bot.reading import ConversationContext, Lexicon
from bot.reading.closings import closing
from tests.helpers.reading import measures, notes

if TYPE_CHECKING:
    from bot.answerer import Answerer

ACKS = ("好的", "嗯嗯", "明白了", "好，我知道了", "哦哦，原来是这样", "清楚了", "行")
THANKS = (
    "谢谢",
    "非常感谢",
    "谢谢你的耐心解答",
    "太感谢了",
    "多谢，帮大忙了",
    "辛苦了",
    "感谢解答",
    "谢谢指点",
    "先谢谢了",
    "那就不打扰了",
)
PLANS = (
    "那我去试试",
    "我去问问银行",
    "我回去跟老板商量一下",
    "那我下周去银行问问",
    "我让财务去办",
    "我先准备材料了",
    "我去找客户经理",
    "我先去趟银行",
    "我再考虑考虑",
)
CLOSERS = (
    "先这样吧",
    "没有别的问题了",
    "暂时没有了",
    "很详细",
    "祝你工作顺利",
    "你说得很清楚",
    "知道怎么办了",
)
GOODBYES = ("再见", "拜拜", "下次再聊", "回头有问题再问", "有需要再来问你", "晚安")

THANKS_MESSAGES = [
    *(f"{a}，{t}" for a, t in itertools.product(ACKS, THANKS)),
    *(f"{t}，{p}" for t, p in itertools.product(THANKS, PLANS)),
    *(f"{a}，{p}" for a, p in itertools.product(ACKS, PLANS)),
    *(f"{a}，{c}" for a, c in itertools.product(ACKS, CLOSERS)),
    *PLANS,
]
GOODBYE_MESSAGES = [
    *GOODBYES,
    *(f"{t}，{g}" for t, g in itertools.product(THANKS, GOODBYES)),
    *(f"{a}{g}" for a, g in itertools.product(("好嘞", "好的"), GOODBYES)),
]
# Questions and facts after an acknowledgement still ask.
QUESTIONS = [
    f"{a}，{q}"
    for a, q in itertools.product(
        ("好的", "谢谢", "明白了"),
        ("那要抵押吗", "利率呢", "去哪里办", "我们有三项专利，没有厂房", "那我去哪问"),
    )
]


@pytest.mark.parametrize("message", THANKS_MESSAGES)
def test_thanks_and_plans_close_in_a_conversation(message: str) -> None:
    assert closing(message, in_conversation=True) == "thanks"


@pytest.mark.parametrize("message", GOODBYE_MESSAGES)
def test_goodbyes_close(message: str) -> None:
    assert closing(message, in_conversation=True) == "goodbye"


@pytest.mark.parametrize("plan", PLANS)
def test_a_plan_alone_closes_only_in_a_conversation(plan: str) -> None:
    assert closing(plan) == ""


@pytest.mark.parametrize("message", QUESTIONS)
def test_a_question_after_thanks_is_not_a_closing(message: str) -> None:
    assert closing(message, in_conversation=True) == ""


def _topics(lexicon: Lexicon) -> list[str]:
    return [*notes(lexicon, "product")[:2], *notes(lexicon, "platform")[:2], *measures(lexicon)[:2]]


@pytest.mark.parametrize(
    ("message", "reply"),
    [
        *((m, THANKS_TEXT) for m in THANKS_MESSAGES[::9]),
        *((m, GOODBYE_TEXT) for m in GOODBYE_MESSAGES[::5]),
    ],
)
def test_a_closing_gets_a_short_reply_and_keeps_the_focus(
    answerer: Answerer, lexicon: Lexicon, message: str, reply: str
) -> None:
    for doc_id in _topics(lexicon):
        opening = f"{lexicon.display_name(doc_id)}是什么？"
        first = answer_in_context(answerer, ConversationContext(), opening)
        if not first.answer.in_scope:
            continue
        turn = answer_in_context(answerer, first.context, message)
        assert turn.answer.answer == reply and turn.answer.intent == "greeting", message
        assert turn.context.focus == first.context.focus


@pytest.mark.parametrize("message", QUESTIONS[:5])
def test_a_question_after_thanks_is_answered_in_context(answerer: Answerer, message: str) -> None:
    first = answer_in_context(answerer, ConversationContext(), "外贸贷是什么？")
    turn = answer_in_context(answerer, first.context, message)
    assert turn.answer.intent != "greeting"
