"""An amount asked as a follow-up is answered for the subject in focus (issue 19).

"能贷多少" after an answer on 续贷 (or a stated need for a loan) is resolved as "续贷能贷多少";
the answerer's best clause on amounts is the one on the special loan products (措施没有写专项
贷款的利率和额度…科技贷…), which answers another subject and cites a product the owner never
named. `amount_lead(...)` gives such a follow-up the honest answer for its own subject: the
measures set no amount for it, the bank decides on the firm's operations, credit and
collateral, and 第5条 puts credit lines of 1000万元 or less at the centre of its support; a
step on asking the bank for its figure. The citations are the measure in focus and 第5条.

Only for a follow-up of a measure in focus asking an amount (bot.followups.sources
`facet_asked` → "amount") whose lead names neither the subject nor a note the owner named,
but a note the owner did not. Never raises.
"""

from __future__ import annotations

from typing import Any

from bot.compose.layout import Part
from bot.followups.sources import answered, facet_asked, unit_of
from bot.followups.steps import BANK, STEPS
from bot.messages import Answer
from bot.reading import ConversationContext, Reading
from bot.reading.memory import lead_line
from bot.recourse import laid_out

FOCUS_DOC = "measure-5"  # 单户授信1000万元及以下 at the centre of the support
SILENT_LEAD = "措施没有规定{subject}能贷多少，由银行按企业经营、信用和担保情况核定。"
FOCUS_POINT = "第5条重点支持单户授信1000万元及以下的民营小微企业贷款。"
OTHER_SUBJECT = "专项贷款"  # the products' collective name in the measures


def amount_lead(
    answerer: Any, context: ConversationContext, reading: Reading, answer: Answer
) -> Answer:
    """The answer, or for an amount follow-up answered for another note, the answer for the
    subject in focus (see the module docstring)."""
    focus = context.focus
    if not answered(answer) or reading.move not in ("continue", "return") or focus is None:
        return answer
    if focus.kind != "measure" or len(reading.asks) != 1:
        return answer
    ask = reading.asks[0]
    if facet_asked(ask, context) != "amount":
        return answer
    lead = lead_line(answer.answer)
    if focus.subject in lead.replace(OTHER_SUBJECT, "") or not _foreign(
        answerer, answer, lead, ask.text, focus.subject
    ):
        return answer
    step = STEPS["amount"].format(bank=BANK, unit=unit_of(answerer, [focus.doc_id]))
    part = Part(
        SILENT_LEAD.format(subject=focus.subject),
        (FOCUS_POINT,),
        "",
        step,
        (focus.doc_id, FOCUS_DOC),
    )
    return laid_out(answerer, answer, part)


def _foreign(answerer: Any, answer: Answer, lead: str, asked: str, subject: str) -> bool:
    """The lead speaks of a note (or the special products) the owner did not ask about."""
    if OTHER_SUBJECT in lead and OTHER_SUBJECT not in asked and OTHER_SUBJECT not in subject:
        return True
    for citation in answer.citations:
        doc = answerer.document(citation.doc_id)
        if getattr(doc, "kind", "measure") == "measure":
            continue
        names = [str(n) for n in (getattr(doc, "aliases", ()) or ())]
        if any(n and n in lead for n in names) and not any(n and n in asked for n in names):
            return True
    return False
