"""One owner message answered in the context of the conversation (no database here).

`answer_in_context(answerer, context, text)` reads the message in context (bot.reading), has
the answerer answer its resolved asks (`Answerer.respond(asks, topic=focus)`: scope and
retrieval run on the resolved wording, so "要抵押吗?" after 外贸贷 is judged as
"外贸贷要抵押吗?") and returns the answer, the reading and the context to keep. The engine
loads and stores the context in the conversation state; the evaluation and the CLI keep it in
memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.catalog import HELP_TEXT
from bot.messages import Answer
from bot.reading import ConversationContext, Reading, lexicon_for, read, remember

THANKS_TEXT = "不客气！还有其他问题可以直接问我；需要融资对接，回复“申请”即可登记。"


@dataclass(frozen=True)
class Exchange:
    """A message answered in context: the answer, how the message was read, the new context."""

    answer: Answer
    reading: Reading
    context: ConversationContext


def answer_in_context(answerer: Any, context: ConversationContext, text: str) -> Exchange:
    """Read `text` in `context`, answer its asks, and return the answer with the new context.

    Thanks and acknowledgements (谢谢, 好的明白了) get a short reply of their own, questions
    about the assistant (你都能解答什么) what it can do, greetings the answerer's greeting
    (all intent "greeting"); none changes the focus.
    """
    lexicon = lexicon_for(answerer)
    reading = read(lexicon, context, text)
    if reading.small_talk == "thanks":
        answer = Answer(THANKS_TEXT, True, "greeting")
    elif reading.small_talk == "about":
        answer = Answer(HELP_TEXT, True, "greeting")
    else:
        topic = context.focus.doc_id if context.focus is not None else None
        answer = _respond(answerer, reading, topic)
    return Exchange(answer, reading, remember(lexicon, context, reading, answer))


def _respond(answerer: Any, reading: Reading, topic: str | None) -> Answer:
    """`answerer.respond(asks, topic=)`; an answerer with only `answer(question, topic=)` (a
    stand-in) answers the first ask."""
    respond = getattr(answerer, "respond", None)
    if respond is None:
        return answerer.answer(reading.asks[0].text, topic=topic)
    return respond(list(reading.asks), topic=topic)
