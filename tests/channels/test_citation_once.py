"""Each channel shows an answer's citation once, with one way to the original text.

Answers are real ones (single asks and several asks of one message, measures and notes); the
widget's rendering is checked in the browser tests (tests/web/test_widget_browser.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest

from bot.channels.telegram.render import render_message
from bot.channels.wechat.render import render_reply
from bot.conversation.replies import answer_message
from bot.messages import Ask, Button

if TYPE_CHECKING:
    from bot.answerer import Answerer

QUESTIONS = [
    ("无还本续贷怎么办理",),
    ("外贸贷怎么申请",),
    ("中登网是干什么的",),
    ("贷款利息一般多少",),
    ("这些措施是什么时候印发的",),
    ("林权可以抵押贷款吗", "科技贷要什么条件"),
    ("续贷要先还本金吗", "遇到以贷转存去哪里反映", "评估费能不能免"),
]


def message_for(answerer: Answerer, questions: tuple[str, ...]) -> Any:
    """The engine's message for the asks (the answer with its follow-up buttons)."""
    answer = answerer.respond([Ask("other", q) for q in questions])
    assert answer.in_scope and answer.citations, questions
    return answer_message(answer, in_form=False)


def encode(button: Button) -> str:
    return button.value[:60]


@pytest.mark.parametrize("questions", QUESTIONS, ids=lambda q: "+".join(q))
def test_telegram_cites_once_and_offers_the_original_once(
    answerer: Answerer, questions: tuple[str, ...]
) -> None:
    message = message_for(answerer, questions)
    chunks = render_message(message, encode)
    html = "\n".join(c.html for c in chunks)
    assert html.count("依据：") == 1
    assert "政策依据" not in html  # no source card repeating what the 依据 line says
    labels = [b.label for c in chunks for row in c.keyboard for b in row]
    assert labels.count("查看条款原文") == 1
    if "\n原文：" in message.text:  # the quote is the expandable 原文 part
        assert "<blockquote expandable>原文：" in html


@pytest.mark.parametrize("questions", QUESTIONS, ids=lambda q: "+".join(q))
def test_wechat_cites_once_and_offers_the_original_once(
    answerer: Answerer, questions: tuple[str, ...]
) -> None:
    message = message_for(answerer, questions)
    [text] = render_reply([message], lambda body, citations: "https://example.test/a/1")
    assert len(re.findall(r"^依据：", text, re.M)) == 1
    assert "\n· 《" not in text  # no second list of the same sources
    assert text.count("查看条款原文") == 1


def test_a_source_the_text_does_not_cite_still_gets_its_card(answerer: Answerer) -> None:
    message = message_for(answerer, ("无还本续贷怎么办理",))
    bare = type(message)(text="答复正文，没有依据行。", citations=message.citations)
    html = "\n".join(c.html for c in render_message(bare, encode))
    assert "政策依据" in html and "第6条" in html
