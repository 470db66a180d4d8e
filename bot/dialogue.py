"""One owner message answered in the context of the conversation (no database here).

`answer_in_context(answerer, context, text)` reads the message in context (bot.reading), has
the answerer answer its resolved asks (`Answerer.respond(asks, topic=focus)`: scope and
retrieval run on the resolved wording, so "要抵押吗?" after 外贸贷 is judged as
"外贸贷要抵押吗?") and returns the answer, the reading and the context to keep. The engine
loads and stores the context in the conversation state; the evaluation and the CLI keep it in
memory. In LLM mode the reading is also handed to the model layer (`bot.llm.context.
reading_scope`), whose history-aware rewrite starts from the same resolved question.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.answer_source import AnswerSource
from bot.catalog import HELP_TEXT, LATIN_ONLY, ask_back, ask_situation
from bot.followups import amount_lead, facet_lead, fresh, keep_matter, own_step
from bot.followups.compared import compared_lead
from bot.llm.context import TurnReading, reading_scope
from bot.messages import PART_MARKS, Answer, Ask
from bot.needs import taken
from bot.reading import ConversationContext, Lexicon, Reading, lexicon_for, read, remember
from bot.reading.ask_types import ask_type
from bot.reading.clarify import clarifying_text
from bot.reading.pairs import per_note
from bot.reading.topic_pairs import per_topic
from bot.recourse import answer_recourse
from bot.timing import timed
from bot.told import acknowledged, recall_answer

THANKS_TEXT = "不客气！还有其他问题可以直接问我；需要融资对接，回复“申请”即可登记。"
GOODBYE_TEXT = "再见！以后有融资政策方面的问题，随时来问；需要融资对接，回复“申请”即可登记。"


# What the conversation adds to the composed answer, in order; each (answerer, context,
# reading, answer) -> answer, the answer unchanged when its case does not apply.
IN_CONTEXT = (
    fresh,  # never a lead given before (bot.followups)
    facet_lead,  # 哪条规定的 / 三明有吗: the facet of the note in focus
    own_step,  # a next step of this ask's own
    keep_matter,  # not 年报 after 逾期
    amount_lead,  # 续贷能贷多少: not 科技贷's
    answer_recourse,  # 投诉了会不会影响… / 银行不给续贷，我去投诉了
    timed,  # 要多久能解决: for the matter in focus
    taken,  # 我想续贷 / 想贷款
    acknowledged,  # 我们在尤溪做…
)


@dataclass(frozen=True)
class Exchange:
    """A message answered in context: the answer, how the message was read, the new context."""

    answer: Answer
    reading: Reading
    context: ConversationContext


def answer_in_context(answerer: AnswerSource, context: ConversationContext, text: str) -> Exchange:
    """Read `text` in `context`, answer its asks, and return the answer with the new context.

    Thanks, acknowledgements and the owner's plans (谢谢, 好的明白了, 我去问问银行) and
    goodbyes (再见) get a short reply of their own, questions
    about the assistant (你都能解答什么) what it can do, greetings the answerer's greeting
    (all intent "greeting"); none changes the focus. Words pointing at a kind of note the
    conversation has not named (那个平台 with no platform named) get a question back naming the
    notes of that kind (intent "clarify", no citation; the context is kept as it was); a
    message saying nothing of its own (？？？, 嗯) gets a question back naming the topic in
    focus (`bot.catalog.ask_back`, intent "clarify"). A follow-up never gets the last answer
    again, and an ask gets a next step of its own (`bot.followups`).
    """
    lexicon = lexicon_for(answerer)
    reading = read(lexicon, context, text)
    if reading.small_talk == "thanks":
        answer = Answer(THANKS_TEXT, True, "greeting")
    elif reading.small_talk == "goodbye":
        answer = Answer(GOODBYE_TEXT, True, "greeting")
    elif reading.small_talk == "about":
        answer = Answer(HELP_TEXT, True, "greeting")
    elif reading.small_talk == "recall":  # 我刚才说我在哪个县: from the facts kept
        answer = recall_answer(context, reading)
    elif reading.small_talk == "unclear":  # ？？？ / 嗯: ask what they want to know (context kept)
        subject = context.focus.subject if context.focus is not None else ""
        answer = Answer(ask_back(subject), True, "clarify")
    elif reading.small_talk == "plea":  # a first 我该怎么办: ask what happened
        answer = Answer(ask_situation(), True, "clarify")
    elif reading.small_talk == "latin":  # English only: the sources are Chinese
        answer = Answer(LATIN_ONLY, False, "out_of_scope", refusal="language")
    elif reading.move == "clarify":  # 那个平台 with none named: ask which (context kept)
        answer = Answer(clarifying_text(lexicon, reading.clarify), True, "clarify")
    else:
        topic = context.focus.doc_id if context.focus is not None else None
        seen = TurnReading(  # LLM mode rewrites from the same reading (bot.llm.rewrite)
            message=text,
            resolved=reading.resolved,
            subject=context.focus.subject if context.focus is not None else "",
            referent=reading.referent,
            move=reading.move,
        )
        with reading_scope(seen):
            answer = _respond(answerer, reading, topic, lexicon)
        for answered_so in IN_CONTEXT:
            answer = answered_so(answerer, context, reading, answer)
        answer = _compared_first(lexicon, reading, answer)
    return Exchange(answer, reading, remember(lexicon, context, reading, answer))


def _respond(
    answerer: AnswerSource, reading: Reading, topic: str | None, lexicon: Lexicon
) -> Answer:
    """`answerer.respond(asks, topic=)`; an answerer with only `answer(question, topic=)` (a
    stand-in) answers the first ask. A question asked of two notes (科技贷和外贸贷利率呢,
    闽光云商和信易贷哪个快), or comparing two subjects of different measures (放大倍数跟保险
    增信比呢), whose answer cites only one of them is asked of each (`_split`), in numbered
    parts."""
    respond = getattr(answerer, "respond", None)
    if respond is None:
        return answerer.answer(reading.asks[0].text, topic=topic)
    answer: Answer = respond(list(reading.asks), topic=topic)
    split = _split(lexicon, reading) if len(reading.asks) == 1 else None
    if split is None or not answer.in_scope:
        return answer
    cited = {c.doc_id for c in answer.citations}
    if all(doc_id in cited for doc_id, _ in split):
        return answer
    asked = reading.asks[0].type
    asks = [Ask(ask_type(text, asked if asked != "compare" else None), text) for _, text in split]
    both: Answer = respond(asks, topic=topic)
    return both if both.in_scope else answer


def _split(lexicon: Lexicon, reading: Reading) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """The one ask asked of each of two notes (per_note), or, compared, of each of two subjects
    of different measures (bot.reading.topic_pairs.per_topic); None when it names no pair."""
    text = reading.asks[0].text
    split = per_note(lexicon, text)
    if split is None and reading.asks[0].type == "compare":
        split = per_topic(lexicon, text)
    return split


def _compared_first(lexicon: Lexicon, reading: Reading, answer: Answer) -> Answer:
    """A comparison of two notes answered in numbered parts opens with the comparison itself
    (bot.followups.compared), once the parts are final."""
    if len(reading.asks) != 1 or reading.asks[0].type != "compare":
        return answer
    split = _split(lexicon, reading)
    if split is None or not answer.answer.startswith(PART_MARKS[0]):
        return answer
    names = [lexicon.display_name(doc_id) for doc_id, _ in split]
    kinds = [lexicon.kind(doc_id) for doc_id, _ in split]
    lead = compared_lead(reading.asks[0].text, names, kinds, answer.answer)
    return replace(answer, answer=f"{lead}\n{answer.answer}") if lead else answer
