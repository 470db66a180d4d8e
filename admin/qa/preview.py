"""An entry's answer exactly as owners would get it: widget, Telegram and WeChat.

The answer is built by the live answerer as for a message matching the entry
(`Answerer._qa_reply`: lead, points, next step, 依据 line, the 原文 quote of its first cited
measure), turned into the engine's message (`bot.conversation.replies.answer_message`, with
the 👍/👎 the engine adds), then rendered by each channel's own renderer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.answer_source import AnswerSource
from bot.compose.qa import QaChoice, entry_part
from bot.compose.reply import Reply
from bot.conversation.replies import answer_message
from bot.messages import Button, OutMessage
from knowledge.qa import QaEntry
from retrieval.records import QaHit

if TYPE_CHECKING:
    from bot.answerer import Answerer


@dataclass
class Preview:
    """The owner's view per channel: widget message (text, buttons, citations), Telegram HTML
    chunks (Telegram's HTML subset, escaped by its renderer), WeChat texts."""

    widget: OutMessage
    telegram: list[str] = field(default_factory=list)
    wechat: list[str] = field(default_factory=list)


def entry_answer(answerer: Answerer, entry: QaEntry) -> Any:
    """The `bot.messages.Answer` the answerer gives when `entry` answers its own question."""
    choice = QaChoice(entry, 1.0, QaHit(entry.id, 1.0, 0, entry.question))
    assessment = answerer.assess(entry.question)
    if assessment.analysis is not None:
        reply = answerer._qa_reply(choice, assessment, None)
    else:  # its question reads as a greeting: show the entry without a quote
        topic = entry.topic if entry.topic in answerer.documents else entry.cites[0]
        reply = Reply((entry_part(entry),), "policy_question", topic, 1.0, choice)
    return answerer._render([reply])


def preview(answerer: AnswerSource, entry: QaEntry) -> Preview:
    """The entry's answer on every channel (answerer: the live `bot.answerer.Answerer`)."""
    from bot.channels.telegram.render import render_message
    from bot.channels.wechat.render import render_reply

    inner: Any = getattr(answerer, "inner", answerer)  # the Answerer behind the cache
    message = answer_message(entry_answer(inner, entry), in_form=False)
    thumbs = [Button("👍", "fb:up:0"), Button("👎", "fb:down:0")]
    message = OutMessage(message.text, [*message.buttons, *thumbs], message.citations, 0)
    chunks = render_message(message, lambda b: b.value)
    wechat = render_reply([message], lambda text, cites: "（完整回答链接）")
    return Preview(message, [c.html for c in chunks], wechat)
