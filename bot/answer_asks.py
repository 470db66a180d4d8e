"""The answerer's helpers for messages with several asks and for story questions.

`asks_replies` answers each ask of a message (bot.answerer.Answerer.respond lays them out);
`question_tails` reads the end of a long message as a bare question; `elliptic` tells an ask
with no subject of its own; `dated_lead` leads a "还有效吗" reply with the document's state;
`declined_asks` is the one refusal of a message whose asks are all declined, each ask keeping
its own pointer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from bot.compose.asks import ask_type, asking_clause
from bot.compose.layout import MARKS, Part
from bot.compose.predicates import restated, trade_product
from bot.compose.qa import QaChoice
from bot.compose.reply import Reply
from bot.compose.validity import validity_lead
from bot.messages import Answer, Ask
from bot.reading.demands import LENDER
from bot.reading.document_asks import asks_validity
from bot.refusals import OPENER, PLAIN, POINTERS, refusal_text, trust_text
from bot.scope import IN_SCOPE, ScopeDecision, out_of_scope_family
from bot.scope.split import UNRELATED, WHOLE_MESSAGE, AskScope, split_scope
from core.kinds import AskType
from knowledge.documents import Document
from knowledge.qa import QaEntry

if TYPE_CHECKING:
    from bot.answerer import Answerer, Assessment
    from core.settings import Settings

TAIL_CHARS = 30  # the end of a long message read as bare questions (question_tails)
MIN_TAIL_CHARS = 5
_CLAUSE_END = re.compile(r"(?<=[，,。.；;！!？?\s])")


def question_tails(text: str) -> list[str]:
    """The ends of a long message read as bare questions: its last clause and its last
    clauses up to TAIL_CHARS characters ("我们做家具的，…，银行要我存保证金才给贷，这合规吗" →
    "这合规吗", "银行要我存保证金才给贷，这合规吗"); [] when the text is short."""
    if len(text) <= TAIL_CHARS:
        return []
    clauses = [c for c in _CLAUSE_END.split(text) if c.strip()]
    tails: list[str] = []
    tail = ""
    for clause in reversed(clauses):
        if tail and len(clause) + len(tail) > TAIL_CHARS:
            break
        tail = clause + tail
        if len(tail.strip()) >= MIN_TAIL_CHARS and tail.strip() not in tails:
            tails.append(tail.strip())
    return [tails[0], tails[-1]] if len(tails) > 2 else tails


ELLIPTIC_CHARS = 6  # "要多久", "去哪办": an ask this short with no subject of its own
_ELLIPTIC = re.compile(
    r"^(?:那|那么|还有|另外)?(?:要|得|需要|大概|一般)?(?:准备|带|交|提供)?(?:多久|多长时间|几天|去哪|在哪|找谁|多少|几个点|什么材料|啥材料|怎么办|怎么弄|怎么申请)"
)


def elliptic(text: str) -> bool:
    """An ask with no subject of its own ("要多久", "去哪办", "要准备什么材料")."""
    return len(text) <= ELLIPTIC_CHARS + 2 and bool(_ELLIPTIC.search(text))


def asks_replies(
    answerer: Answerer, asks: Sequence[Ask], *, topic: str | None = None
) -> list[Reply] | Answer:
    """The replies to the in-scope asks of a message (two or more asks), or the finished
    answer when none is left (a refusal, or the first ask's greeting or refusal).

    Out-of-scope asks beside in-scope ones are left out, and so are asks that only continue
    a declined one (`bot.scope.split`; declined with it when nothing else is left). An
    elliptic ask ("要多久") that no family declined is re-read with the subject of the first
    ask answered before it.
    """
    assessed = [answerer.assess(a.text, topic=topic) for a in asks]
    family, place = out_of_scope_family("，".join(a.text for a in assessed))
    whole = ScopeDecision(False, family, place) if family else IN_SCOPE
    keep, declined = split_scope([ask_scope(a) for a in assessed], whole)
    chosen = [i for i, a in enumerate(assessed) if i in keep or not a.in_scope]
    results: list[Reply | Answer] = []
    for i in chosen:
        a = asks[i]
        result = answerer.reply(a.text, topic=topic, ask=a.type, assessment=assessed[i])
        said = next(
            (asks[j].text for j, r in zip(chosen, results, strict=False) if isinstance(r, Reply)),
            "",
        )
        if (
            isinstance(result, Answer)
            and not result.in_scope
            and assessed[i].scope.family in ("", "no_evidence")  # no family declined it
            and said
            and elliptic(a.text)
        ):
            # an elliptic ask ("要多久") beside an in-scope one asks about the same subject
            result = answerer.reply(f"{said.rstrip('?？')}，{a.text}", topic=topic, ask=a.type)
        results.append(result)
    replies = [r for r in results if isinstance(r, Reply)]
    dropped = len(chosen) < len(asks)
    if declined is not None and declined.family in WHOLE_MESSAGE:
        return Answer(refusal_text(declined, answerer.settings), False, "out_of_scope")
    if replies:  # a declined ask beside answered ones gets its short line in its place
        asked = [assessed[i] for i in chosen]
        return with_declined_line(replies, list(zip(asked, results, strict=True)))
    if (together := declined_asks(assessed, answerer.settings)) is not None:
        return together
    if declined is not None and (dropped or declined.family not in UNRELATED):
        # every ask declined: the subject family's pointer, not a polite opener's
        return Answer(refusal_text(declined, answerer.settings), False, "out_of_scope")
    finished = results[0]
    assert isinstance(finished, Answer)
    return finished


def declined_line(decision: ScopeDecision) -> str:
    """The short line for a declined ask beside answered ones: the plain refusal's first
    sentence for forgery, the first sentence of the family's pointer otherwise ("" for small
    talk and asks with no family)."""
    pointer = POINTERS.get(decision.family, "").format(place=decision.place or "当地")
    if not pointer:
        return ""
    return pointer.split("。")[0] + "。"


def with_declined_line(
    replies: Sequence[Reply], asked: Sequence[tuple[Assessment, Reply | Answer]]
) -> list[Reply]:
    """The replies with one part for the first declined ask that has a pointer, in its place
    in the message ("最近哪只股票能买，续贷要什么条件" → the investment pointer, then 续贷's
    answer); the part carries the first reply's intent and topic, and cites nothing."""
    first = replies[0]
    out: list[Reply] = []
    noted = False
    for assessment, result in asked:
        if isinstance(result, Reply):
            out.append(result)
        elif not noted and not assessment.in_scope and (line := declined_line(assessment.scope)):
            part = Part(line, (), "", "", ())
            out.append(Reply((part,), first.intent, first.topic, first.top_score))
            noted = True
    return out


REFUSED_TOGETHER = "抱歉，这几个问题不在我的服务范围内："


def declined_asks(assessed: Sequence[Assessment], settings: Settings) -> Answer | None:
    """One refusal for a message whose asks are all declined: each declined ask's own pointer
    (`bot.refusals.POINTERS`; the trust line for "你们是政府的吗"), in order, distinct, at most
    len(MARKS), numbered （一）（二）（三）, then what the bot covers and, when OFFICE_PHONE is
    configured, the office's phone. None when fewer than two asks have a pointer of their own
    (the first ask's refusal says it all) or when one is a forgery or injection."""
    decisions = [a.scope for a in assessed if not a.in_scope and a.intent != "greeting"]
    if any(d.family in PLAIN for d in decisions):
        return None
    pointers: list[str] = []
    for decision in decisions:
        if decision.family == "trust":
            pointer = trust_text(settings)
        else:
            pointer = POINTERS.get(decision.family, "").format(place=decision.place or "当地")
        if pointer and pointer not in pointers:
            pointers.append(pointer)
    if len(pointers) < 2:
        return None
    lines = [REFUSED_TOGETHER]
    lines += [f"{mark}{pointer}" for mark, pointer in zip(MARKS, pointers, strict=False)]
    # what the bot covers and the office's phone, as every refusal says them
    lines.append(refusal_text(ScopeDecision(False, "off_topic"), settings).removeprefix(OPENER))
    family = next(d.family for d in decisions if d.family)
    return Answer("\n".join(lines), False, "out_of_scope", refusal=family)


def dated_lead(question: str, reply: Reply, documents: dict[str, Document], today: date) -> Reply:
    """For "还有效吗": the first part leads with its first cited document's state today
    (bot/compose/validity.py validity_lead), the rest unchanged."""
    if not reply.parts or not asks_validity(question):
        return reply
    first = reply.parts[0]
    doc = next((documents[c] for c in first.cites if c in documents), None)
    lead = validity_lead(doc, today, question) if doc is not None else ""
    if not lead:
        return reply
    return replace(reply, parts=(replace(first, lead=lead), *reply.parts[1:]))


def matched(replies: Sequence[Reply]) -> list[QaEntry]:
    """The Q&A entries that answered these replies (context for LLM mode)."""
    return [r.qa.entry for r in replies if r.qa is not None]


def ask_scope(assessment: Assessment) -> AskScope:
    """What `bot.scope.split` needs of one ask's assessment (a greeting counts as small talk)."""
    glossary = assessment.analysis.glossary if assessment.analysis is not None else None
    decision = IN_SCOPE if assessment.in_scope else assessment.scope
    if assessment.intent == "greeting":
        decision = ScopeDecision(False, "chitchat")
    return AskScope(decision, assessment.text, bool(glossary and glossary.topical))


def story_choice(
    answerer: Answerer, text: str, ask: AskType | None, best: QaChoice | None
) -> QaChoice | None:
    """The Q&A choice for a story with the question last: `best` (the whole text's), or the
    entry a bare tail of it (`question_tails`) matches with more confidence; with no choice,
    the entry of the question restated in its entries' words (bot/compose/predicates.py:
    想贷300万科技贷行不行 → 科技贷能贷多少额度)."""
    tails = question_tails(text)
    # the clause that asks, told before facts (我这种情况能不能进白名单，做食品加工的)
    asking = asking_clause(text)
    ahead = not text.rstrip("?？。!！ ").endswith(asking)
    # a short story's last clause asking yes/no of the lender (…，银行会不会不给续); a where or
    # how clause (质押登记去哪弄) or one with no subject (还能贷到款吗) leans on the story
    alone = not tails and asking != text and ask_type(asking) == "yesno"
    alone = alone and bool(LENDER.match(asking))
    if (ahead or alone) and len(asking) >= MIN_TAIL_CHARS and asking not in tails:
        tails.append(asking)
    if best is None:
        hits = answerer.assess(text).hits[:3]
        named = [h for h in hits if h.named]
        doc = answerer.documents.get(named[0].doc_id) if named else None
        names = [a for a in (doc.aliases if doc else ()) if a and a in text]
        docs = [answerer.documents.get(h.doc_id) for h in hits]  # 做外贸的…能不能申请
        name = max(names, key=len) if names else trade_product(text, [d for d in docs if d])
        restatement = restated(text, name)
        tails = [restatement, *tails] if restatement else tails
    for tail in tails:
        bare = answerer.assess(tail)
        if not bare.in_scope or bare.analysis is None:
            continue
        tail_hits = answerer.retriever.match_questions(
            tail, answerer.qa.knobs.candidates, analysis=bare.analysis
        )
        tail_ask = ask if ask and ask != "other" else ask_type(tail)
        found = answerer.qa.choose(
            tail_hits, bare.hits, tail_ask, today=answerer.today(), question=tail
        )
        if found is not None and (best is None or found.confidence > best.confidence):
            best = found
    return best
