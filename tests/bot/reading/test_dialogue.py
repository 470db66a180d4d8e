"""answer_in_context with the real answerer: scope on the resolved asks, small talk, focus."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.dialogue import THANKS_TEXT, answer_in_context
from bot.reading import ConversationContext, Lexicon
from tests.helpers.reading import measures, notes

if TYPE_CHECKING:
    from bot.answerer import Answerer

FOLLOW_UPS = (
    "要抵押吗？",
    "利息多少？",
    "去哪里办？",
    "得备齐哪些资料",
    "多久能放款",
    "有什么条件？",
)


def _opening(lexicon: Lexicon, doc_id: str) -> str:
    return f"{lexicon.display_name(doc_id)}是什么？"


@pytest.mark.parametrize("kind", ["product", "platform", "measure"])
def test_a_short_follow_up_of_an_in_scope_topic_is_never_refused(
    answerer: Answerer, lexicon: Lexicon, kind: str
) -> None:
    ids = measures(lexicon) if kind == "measure" else notes(lexicon, kind)
    for doc_id in ids:
        first = answer_in_context(answerer, ConversationContext(), _opening(lexicon, doc_id))
        if not first.answer.in_scope:
            continue  # the opening itself was not in scope: nothing to follow up
        for follow_up in FOLLOW_UPS:
            turn = answer_in_context(answerer, first.context, follow_up)
            assert turn.answer.in_scope, (doc_id, follow_up, turn.reading.resolved)
            assert turn.reading.move == "continue"


def test_every_named_note_opens_in_scope(answerer: Answerer, lexicon: Lexicon) -> None:
    for doc_id in notes(lexicon, "product") + notes(lexicon, "platform"):
        opening = _opening(lexicon, doc_id)
        assert answer_in_context(answerer, ConversationContext(), opening).answer.in_scope


@pytest.mark.parametrize("thanks", ["好的谢谢", "明白了", "谢谢啦", "收到"])
def test_thanks_get_a_short_reply_and_keep_the_focus(
    answerer: Answerer, lexicon: Lexicon, thanks: str
) -> None:
    first = answer_in_context(answerer, ConversationContext(), "外贸贷是什么？")
    turn = answer_in_context(answerer, first.context, thanks)
    assert turn.answer.answer == THANKS_TEXT and turn.answer.intent == "greeting"
    assert turn.context.focus == first.context.focus
    after = answer_in_context(answerer, turn.context, "要抵押吗？")
    assert after.reading.asks[0].text == "外贸贷要抵押吗?"


def test_a_greeting_gets_the_answerers_greeting(answerer: Answerer) -> None:
    turn = answer_in_context(answerer, ConversationContext(), "你好")
    assert turn.answer.intent == "greeting" and turn.answer.answer != THANKS_TEXT


@pytest.mark.parametrize(
    "off_topic",
    [
        "明天三明天气怎么样",
        "帮我讲个笑话",
        "我老婆也能办信用卡吗",
        "帮我挑两只基金",
        "替我写份检讨",
    ],
)
def test_an_off_topic_message_is_not_carried_by_the_focus(
    answerer: Answerer, lexicon: Lexicon, off_topic: str
) -> None:
    alone = answer_in_context(answerer, ConversationContext(), off_topic).answer
    for doc_id in notes(lexicon, "product") + notes(lexicon, "platform"):
        first = answer_in_context(answerer, ConversationContext(), _opening(lexicon, doc_id))
        turn = answer_in_context(answerer, first.context, off_topic)
        assert turn.reading.move == "switch" and turn.reading.referent is None
        assert turn.answer.in_scope == alone.in_scope, (doc_id, off_topic)


def test_a_declined_message_keeps_the_focus(answerer: Answerer) -> None:
    first = answer_in_context(answerer, ConversationContext(), "科技贷是什么？")
    declined = answer_in_context(answerer, first.context, "明天三明天气怎么样")
    assert not declined.answer.in_scope
    assert declined.context.focus == first.context.focus
    after = answer_in_context(answerer, declined.context, "利息多少？")
    assert after.reading.asks[0].text.startswith("科技贷") and after.answer.in_scope


def test_facts_accumulate_over_the_conversation(answerer: Answerer) -> None:
    first = answer_in_context(
        answerer, ConversationContext(), "我们大田做茶叶烘焙的，科技贷是什么？"
    )
    second = answer_in_context(answerer, first.context, "想贷个200万，要什么条件？")
    facts = second.context.facts
    assert (facts.county, facts.industry, facts.amount_wan) == ("大田县", "茶叶烘焙", 200.0)
