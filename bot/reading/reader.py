"""Reading one owner message in the context of the conversation.

`read(lexicon, context, text) -> Reading`:

1. the message is normalised as the retriever reads it (script, width, amounts, slips);
2. the facts it states about the firm are extracted (bot.reading.facts);
3. small talk (你好, 谢谢, 好的明白了), closings (bot.reading.closings: 再见, 我去问问银行)
   and messages with nothing of their own (？？？, 嗯, a lone digit: "unclear") ask nothing
   and keep the focus;
4. a leading acknowledgement is dropped and a switch or return cue noted (bot.reading.cues);
5. the rest is cut into at most three asks (bot.reading.clauses), each typed
   (bot.reading.ask_types);
6. the first ask is resolved against the conversation's focus, each later one against the
   ask before it (bot.reading.resolve): "林权证能贷款吗 利息多少" gives 林权证能贷款吗 and
   林权利息多少; "那科技贷呢" after "外贸贷要抵押吗" is 科技贷要抵押吗 (the last question
   asked of what it names).

A message that only states facts ("我们有三项实用新型，没有厂房") asks whether they fit: a
conditions ask when it gives firm facts, else the conversation's last ask again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from bot.messages import Ask
from bot.reading.ask_types import ask_type, complains_about_cost, is_question
from bot.reading.charges import payer_wording
from bot.reading.clauses import split_message
from bot.reading.closings import closing_reply
from bot.reading.content import says_too_little
from bot.reading.context import ConversationContext
from bot.reading.cues import (
    is_about_assistant,
    is_acknowledgement,
    is_small_talk,
    strip_opening,
)
from bot.reading.dates import undated
from bot.reading.demands import demand_told, weighs_demand
from bot.reading.facets import asked_of_facet, repaired
from bot.reading.facts import FirmFacts, extract_facts
from bot.reading.lexicon import Lexicon, unquoted
from bot.reading.loan_words import line_cut, loan_facet_of_fee
from bot.reading.needs import Need, stated_need
from bot.reading.pairs import asked_of_pair, compared_with
from bot.reading.recall import recalled
from bot.reading.recourse import recourse, step_told
from bot.reading.referring import (
    SUBJECT_EXTRA,
    asked_of_another,
    focus_referent,
    local_referent,
    mentioned_referents,
)
from bot.reading.resolve import Move, Resolution, resolve
from core.kinds import AskType, DocKind

# focus_referent and SUBJECT_EXTRA live in bot.reading.referring (kept importable here).
__all__ = [
    "MAX_MESSAGE_CHARS",
    "SUBJECT_EXTRA",
    "Reading",
    "SmallTalk",
    "focus_referent",
    "read",
]

MAX_MESSAGE_CHARS = 500  # as the answerer: an owner's message is a few sentences

SmallTalk = Literal[
    "", "greeting", "thanks", "goodbye", "about", "unclear", "plea", "latin", "recall"
]


@dataclass(frozen=True)
class Reading:
    """A message as read in context.

    asks: 1 to 3 self-contained asks, in the message's order; move: how the (first) ask
    relates to the conversation ("new", "continue", "return", "switch", "clarify" — words
    pointing at a kind of note the conversation has not named, see `clarify` — or
    "small_talk");
    referent: the doc id a follow-up was completed with (None when read on its own);
    small_talk: "greeting" (你好, 你是谁), "thanks" (谢谢, 好的明白了, 我去问问银行),
    "goodbye" (再见, 下次再聊), "about" (你能回答哪些问题) when nothing about financing is
    asked, "unclear" when the message says nothing at all (？？？, 嗯, 啊？), "plea" for a first
    message asking what to do with no situation (我该怎么办), "latin" for a message in English
    or another Latin-script language only, or "recall" when
    it asks what the owner said before (我刚才说我在哪个县: `recall` names the fields);
    statement: no clause of the message asks anything ("我们在尤溪做竹木加工");
    need: the financing need a statement expresses (bot.reading.needs: "renew", "loan");
    took: the owner's step told beside the situation (投诉 of …，我去投诉了), not an ask.
    """

    text: str
    asks: tuple[Ask, ...]
    move: Move | Literal["small_talk"]
    facts: FirmFacts
    referent: str | None = None
    small_talk: SmallTalk = ""
    clarify: DocKind | None = None  # move "clarify": the kind of note to ask the owner about
    statement: bool = False
    need: Need = ""
    recall: tuple[str, ...] = ()
    took: str = ""  # a step the owner told as taken beside the situation (投诉 of 我去投诉了)

    @property
    def resolved(self) -> str:
        """The resolved question(s), joined with " / " when there are several."""
        return " / ".join(a.text for a in self.asks)

    def to_dict(self) -> dict[str, object]:
        """JSON shape for the CLI and the evaluation: resolved, asks, move, referent, facts."""
        shape: dict[str, object] = {
            "resolved": self.resolved,
            "asks": [{"type": a.type, "text": a.text} for a in self.asks],
            "move": self.move,
            "referent": self.referent,
            "facts": self.facts.to_dict(),
        }
        if self.clarify is not None:
            shape["clarify"] = self.clarify
        return shape


def read(lexicon: Lexicon, context: ConversationContext, text: str) -> Reading:
    """Read `text` in `context` (see the module docstring); never raises on odd input."""
    normalised = unquoted(lexicon.prepare((text or "").strip()[:MAX_MESSAGE_CHARS])).strip()
    if context.focus is not None:  # 在那办 after an answer: 哪 typed as 那
        normalised = repaired(normalised)
    # 额度会不会变少: the sources' 授信额度调降 (第9条); 我2026年底前想贷: the story's date aside
    normalised = undated(line_cut(normalised))
    facts = extract_facts(normalised)
    little = says_too_little(normalised or text or "", focused=context.focus is not None)
    if little:  # ？？？ / 嗯 / a first 我该怎么办 / English: nothing to answer as typed
        return Reading(normalised, (Ask("other", normalised),), "small_talk", facts, None, little)
    fields = recalled(normalised)
    if fields and not (lexicon.named(normalised) or lexicon.topics(normalised)):
        # 我刚才说我在哪个县: told back from the facts kept (我刚才说的续贷… is no recall)
        ask = Ask("other", normalised)
        return Reading(normalised, (ask,), "small_talk", facts, None, "recall", recall=fields)
    closed = closing_reply(lexicon, context, normalised) if normalised else ""
    if closed:
        return Reading(normalised, (Ask("other", normalised),), "small_talk", facts, None, closed)
    if not normalised or is_small_talk(normalised):
        kind: SmallTalk = (
            "thanks"
            if is_acknowledgement(normalised)
            else "about"
            if is_about_assistant(normalised)
            else "greeting"
        )
        return Reading(normalised, (Ask("other", normalised),), "small_talk", facts, None, kind)
    cue, rest = strip_opening(normalised)
    rest, took = step_told(rest)  # 银行不给我续贷，我去投诉了: the situation is answered
    if not rest.strip():
        return Reading(normalised, (Ask("other", normalised),), "small_talk", facts, None, "thanks")
    # a return cue (说回公司这笔) goes back to the topic before the one in focus
    returning = cue == "return" and context.earlier is not None
    referent = focus_referent(lexicon, context.earlier if returning else context.focus)
    told = demand_told(context.last_question)
    if referent is not None and told and not returning and (weighs_demand(rest) or recourse(rest)):
        referent = replace(referent, subject=told)  # 这合理吗 / 去哪反映: the demand just told
    if referent is not None and loan_facet_of_fee(referent, rest):  # 利率呢 after 评估费
        loan = focus_referent(lexicon, context.earlier)  # the loan discussed before, else 贷款
        referent = loan if loan is not None else replace(referent, subject="贷款")
    compares = compared_with(lexicon, referent, rest, context.prominent)  # 跟信易贷有啥不一样
    asked_again = None if compares else asked_of_another(lexicon, context, referent, rest)
    if asked_again is not None:
        return Reading(normalised, asked_again, "switch", facts, None)
    mentioned = mentioned_referents(lexicon, context, referent)  # most likely first
    asks: list[Ask] = []
    move: Move = "new"
    used: str | None = None
    previous: AskType | None = context.last_ask
    against = referent
    pieces = split_message(rest)
    statement = not any(is_question(p.question) for p in pieces)
    for i, piece in enumerate(pieces):
        found = resolve(
            piece.text,
            against,
            lexicon,
            cue=cue if i == 0 else "",
            mentioned=mentioned,
            question=piece.question,
            statement=statement,
        )
        compared = compared_with(lexicon, referent, piece.text, context.prominent) if i == 0 else ""
        if compared:  # 和外贸贷比呢 after 科技贷: the two notes compared
            found = Resolution(compared, "continue", referent)
        if found.move == "clarify":  # 那个平台 with none named: ask which, keep the context
            return Reading(
                normalised,
                (Ask("other", normalised),),
                "clarify",
                facts,
                None,
                clarify=found.clarify,
            )
        kind_of_ask = _ask_type(
            lexicon.without_names(piece.question), lexicon.without_names(piece.text), previous
        )
        if compared:
            kind_of_ask = "compare"
        elif found.move in ("continue", "return"):  # 利息会涨吗 / 在哪登记: a facet of the topic
            kind_of_ask, found = asked_of_facet(
                lexicon, context.answered, piece.text, kind_of_ask, found
            )
        paired = (
            asked_of_pair(lexicon, context.last_question, piece.text, context.prominent)
            if i == 0
            else ""
        )
        if paired and (found.move == "continue" or lexicon.named(piece.text)):  # both notes
            found = replace(found, text=paired)
        if kind_of_ask == "who_where":  # 评估的钱该谁掏: the charge named as 评估费
            found = replace(found, text=payer_wording(found.text))
        asks.append(Ask(kind_of_ask, found.text))
        previous = kind_of_ask
        if i == 0:
            move = found.move
            used = found.used.doc_id if found.used is not None else None
        against = local_referent(lexicon, piece.text, found.used or against)
    need = stated_need(rest) if statement else ""
    return Reading(
        normalised, tuple(asks), move, facts, used, statement=statement, need=need, took=took
    )


def _ask_type(question: str, whole: str, previous: AskType | None) -> AskType:
    """The type of the question clause; a complaint about a cost asks how much; a message of
    statements asks whether the facts it gives fit (else the last ask again)."""
    if is_question(question):
        return ask_type(question, previous)
    if complains_about_cost(whole):
        return "how_much"
    if extract_facts(whole).to_dict():
        return "conditions"
    found = ask_type(whole, previous)
    if found != "other":
        return found
    return previous if previous and previous != "other" else "other"
