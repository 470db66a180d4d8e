"""What the context remembers after a message has been answered.

- facts: merged with the facts the message gave (always, even when it was declined);
- focus: the document the answer is about (`Answer.topic`; a follow-up completed with a
  product, platform or staff document keeps that note), named for later follow-ups: a
  note by its short name (外贸贷), a measure by the owner's own topic words that point to it
  (白名单, 股权质押) or, kept from the turn before, the same subject; else its title. A
  declined message, small talk or an answer without a topic leave the focus as it was;
- mentioned: the notes (products, platforms, staff documents) the asks and then the answer
  name, before those named earlier, so "刚才那个平台" finds the platform just named;
- prominent: the notes the asks and the answer's lead name, before those named so earlier
  ("刚才那个平台" is the one in focus, then the one most recently and prominently named,
  not one a supporting point mentions in passing);
- answered: the notes the answer itself named (a facet such as 在哪登记 may be asked of one);
- last_ask / last_question: the first ask's type and resolved wording;
- leads / steps: the answer's first line before the earlier answers' (MAX_LEADS), and its
  next-step line before those given lately (bot.followups: a follow-up never gets an
  answer's lead again, a new ask a next step of its own);
- earlier: the focus the answer moved away from (a return cue, 说回…, goes back to it).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.messages import NEXT_PREFIX, PART_MARKS
from bot.reading.context import (
    MAX_LEADS,
    MAX_MENTIONED,
    MAX_QUESTION_CHARS,
    MAX_STEPS,
    ConversationContext,
    Focus,
)
from bot.reading.facets import pledged_asset
from bot.reading.fitting import product_for
from bot.reading.lexicon import Lexicon
from bot.reading.reader import Reading

LOAN_SUBJECT = "贷款"  # what a follow-up after a stated loan need asks of (贷款要抵押吗)


def remember(
    lexicon: Lexicon, context: ConversationContext, reading: Reading, answer: Any
) -> ConversationContext:
    """The context after `answer` (a bot.messages.Answer) was given to `reading`."""
    updated = context.with_facts(reading.facts)
    if reading.move == "clarify":  # asked back which one: nothing new was established
        return context
    answered = (
        reading.move != "small_talk"
        and bool(getattr(answer, "in_scope", False))
        and getattr(answer, "intent", "") != "greeting"
    )
    if not answered:
        return updated
    first = reading.asks[0]
    topic = getattr(answer, "topic", None)
    followed = reading.referent if reading.move in ("continue", "return") else None
    if followed is not None and followed in lexicon.documents:
        if lexicon.kind(followed) != "measure":  # 商贸贷，进企业库…: still 商贸贷
            topic = followed
    focus = updated.focus
    if topic and topic in lexicon.documents:
        focus = Focus(
            doc_id=topic,
            kind=lexicon.kind(topic),
            title=lexicon.title(topic),
            subject=subject_for(
                lexicon,
                topic,
                first.text,
                context.focus,
                lead_line(str(getattr(answer, "answer", ""))),
            ),
        )
        if _loan_need(lexicon, reading, answer):  # 想贷款, then 要抵押吗: 贷款要抵押吗
            focus = replace(focus, subject=LOAN_SUBJECT)
        if _asked_of_focus(lexicon, context, reading, focus):
            focus = context.focus  # 要等多久 after 续贷: 第8条 answers it, 续贷 stays discussed
    said = [n.doc_id for a in reading.asks for n in lexicon.named(a.text)]
    text = str(getattr(answer, "answer", ""))
    told = [n.doc_id for n in lexicon.named(text)]
    led = [n.doc_id for n in lexicon.named(lead_line(text))]
    picked = _picked_by_facts(lexicon, updated, led)
    if picked is not None and (focus is None or picked != focus.doc_id):
        focus = Focus(
            picked, lexicon.kind(picked), lexicon.title(picked), lexicon.display_name(picked)
        )
    notes = [d for d in dict.fromkeys(said + told) if lexicon.kind(d) != "measure"]
    mentioned = tuple(dict.fromkeys([*notes, *context.mentioned]))[:MAX_MENTIONED]
    prominent = [d for d in dict.fromkeys(said + led) if lexicon.kind(d) != "measure"]
    prominent = list(dict.fromkeys([*prominent, *context.prominent]))[:MAX_MENTIONED]
    earlier = updated.earlier
    if focus is not None and updated.focus is not None and focus.doc_id != updated.focus.doc_id:
        earlier = updated.focus
    return replace(
        updated,
        focus=focus,
        earlier=earlier,
        mentioned=mentioned,
        prominent=tuple(prominent),
        answered=tuple(d for d in dict.fromkeys(told) if lexicon.kind(d) != "measure")[
            :MAX_MENTIONED
        ],
        last_ask=first.type,
        last_question=first.text[:MAX_QUESTION_CHARS],
        other_asks=tuple((a.type, a.text[:MAX_QUESTION_CHARS]) for a in reading.asks[1:3]),
        leads=tuple(dict.fromkeys(d for d in (lead_line(text), *context.leads) if d))[:MAX_LEADS],
        steps=tuple(dict.fromkeys(s for s in (*step_lines(text), *context.steps) if s))[:MAX_STEPS],
    )


def _loan_need(lexicon: Lexicon, reading: Reading, answer: Any) -> bool:
    """A loan need stated without a topic, an asset or a document of its own (想贷款,
    我要贷50万) and taken as such (bot.needs): later follow-ups ask of 贷款."""
    text = reading.text
    if reading.need != "loan" or getattr(answer, "intent", "") != "financing_need":
        return False
    if len(reading.asks) != 1 or lexicon.topics(text) or lexicon.named(text):
        return False
    return not (pledged_asset(text) or reading.facts.collateral)


def _picked_by_facts(lexicon: Lexicon, context: ConversationContext, led: list[str]) -> str | None:
    """The product the firm's facts pick when the lead names two or more products
    (进出口为主对应外贸贷，批发零售为主对应商贸贷 to a firm doing 外贸 → 外贸贷), else None."""
    products = [d for d in dict.fromkeys(led) if lexicon.kind(d) == "product"]
    if len(products) < 2:
        return None
    return product_for(lexicon, context.facts, products)


def lead_line(text: str) -> str:
    """An answer's first line (its lead), stripped."""
    return text.strip().split("\n", 1)[0].strip()


def step_line(text: str) -> str:
    """An answer's first next-step line (下一步：…), or ""."""
    return next((ln.strip() for ln in text.splitlines() if ln.strip().startswith(NEXT_PREFIX)), "")


def step_lines(text: str) -> list[str]:
    """The next steps an answer gave, to remember: its one step; for an answer in numbered
    parts (（一）…（二）…) first all of them as one line (下一步：（一）A（二）B: "那我该怎么办"
    is answered with every part's step), then each."""
    steps = [ln.strip() for ln in text.splitlines() if ln.strip().startswith(NEXT_PREFIX)]
    marks = [ln.strip()[:3] for ln in text.splitlines() if ln.strip().startswith(PART_MARKS)]
    if len(steps) < 2 or len(marks) != len(steps):
        return steps[:1]
    joined = "".join(f"{m}{s.removeprefix(NEXT_PREFIX)}" for m, s in zip(marks, steps, strict=True))
    return [NEXT_PREFIX + joined, *steps]


def _heads_first(terms: list[str], question: str) -> list[str]:
    """The topics in the order they name the subject: a modifier (不要抵押 in 不要抵押的信用贷)
    after the topic it modifies (利率呢 is 信用贷's rate), then the one said first (续贷 in
    续贷需要过桥资金吗: 要什么条件 is the renewal's), the longer first at one place."""

    def modifies(term: str) -> bool:
        at = question.find(f"{term}的")
        rest = question[at + len(term) + 1 :] if at >= 0 else ""
        return any(t != term and t in rest for t in terms)

    return sorted(terms, key=lambda t: (modifies(t), question.find(t), -len(t)))


def _with_pledged(term: str, question: str) -> str:
    """A pledge named with what is pledged, in the owner's words (专利能质押吗 → 专利质押,
    商标能押吗 → 商标质押): a follow-up on 质押 alone would reach any pledge (林权, 股权)."""
    if not term.endswith("押"):
        return term
    asset = pledged_asset(question)
    return f"{asset}{term}" if asset and asset not in term else term


def _compound(term: str, terms: list[str], question: str) -> str:
    """The term with the topic said right after it, as one subject (融资担保放大倍数, 征信逾期,
    林权质押): the owner's follow-up (这是什么意思, 要多久) is of the compound."""
    at = question.find(term)
    after = question[at + len(term) :] if at >= 0 else ""
    return next(
        (term + t for t in terms if t != term and after.startswith(t) and not _ASKED.search(t)),
        term,
    )


# a glossary phrase that is an ask (多久能批, 能贷多少): what was asked of the subject, not part
# of it (续贷多久能批 keeps 续贷 in focus, so 在哪办 is asked of 续贷)
_SHORT_ASK_CHARS = 8  # 要等多久呀, 大概几天能批: the ask phrase and little else
_ASKED = re.compile(r"多久|多长|多少|几|吗|怎么|怎样|能不能|可不可以|是否|哪")


# a question telling of the owner's own loan (我贷款到期还想接着用): its answer names the matter
_LOAN_STORY = re.compile(r"贷|借|续")


def _asked_of_focus(
    lexicon: Lexicon, context: ConversationContext, reading: Reading, focus: Focus
) -> bool:
    """A follow-up whose only topic words are an ask phrase (要等多久, 几天能批), answered from
    another measure than the one in focus: what was asked of the focus, which stays (read as
    a switch too when short: its ask phrase names 第8条)."""
    if context.focus is None or focus.doc_id == context.focus.doc_id:
        return False
    if reading.move not in ("continue", "switch") or len(reading.text) > _SHORT_ASK_CHARS:
        return False
    own = lexicon.topics(reading.text)
    return bool(own) and all(_ASKED.search(t) for t in own)


def subject_for(
    lexicon: Lexicon, doc_id: str, question: str, previous: Focus | None, lead: str = ""
) -> str:
    """The words a follow-up about `doc_id` is completed with (see the module docstring); a
    measure on pledges asked of an asset the glossary has no topic for (想用专利贷款) is
    named by that asset's pledge (专利质押), so 在哪登记 binds to it; a question naming no topic
    of the measure (我贷款到期还想接着用) is named by the answer's lead (无还本续贷), not the
    measure's title."""
    if lexicon.kind(doc_id) != "measure":
        return lexicon.display_name(doc_id)
    articles = set(lexicon.articles(doc_id))
    terms = _heads_first(lexicon.topics(question), question)
    if previous is not None and previous.doc_id == doc_id and previous.subject in terms:
        terms.remove(previous.subject)  # 续贷要转贷吗 after 续贷: still 续贷 in focus
        terms.insert(0, previous.subject)
    linked = [t for t in terms if articles & set(lexicon.term_articles(t))]
    if linked:
        # of two words for the same thing (第一次贷款 首贷), the measure's own first
        text = str(getattr(lexicon.documents.get(doc_id), "text", ""))
        own = [t for t in linked if t in text]
        term = own[0] if own and linked[0] not in text else linked[0]
        return _with_pledged(_compound(term, terms, question), question)
    asset = pledged_asset(question)
    if asset and "质押" in str(getattr(lexicon.documents.get(doc_id), "text", "")):
        return f"{asset}质押"
    if previous is not None and previous.doc_id == doc_id and previous.subject != doc_id:
        return previous.subject
    if any(n.doc_id == doc_id for n in lexicon.named(question)) or not _LOAN_STORY.search(question):
        return lexicon.display_name(doc_id)  # 第5条是什么 / a complaint: the measure as named
    led = [
        t
        for t in _heads_first(lexicon.topics(lead), lead)
        if articles & set(lexicon.term_articles(t))
    ]
    return led[0] if led else lexicon.display_name(doc_id)
