"""The owner's recourse in a conversation, answered for what it asks (used by bot.dialogue).

After an answer on a topic, an owner asks what their own step may bring (投诉了会不会影响以后
贷款, 不配合会不会被拉黑), where to report (去哪里反映, 找谁投诉) or what to do when the bank
still says no (银行还是拒绝怎么办); bot.reading.recourse tells which. Read as a follow-up of
the topic, the answerer would lead with the topic's stock line or the last next step, so
`answer_recourse(...)` gives such an ask its own lead, points and step, from what the measures
say:

- consequence: the measures say nothing of what a complaint or a refusal brings; 第12条
  requires equal treatment (一视同仁, 不得设置歧视性要求); an owner treated unfairly reports
  to 三明金融监管分局 (lead unit of 第11、12条), a firm refused a loan has the coordination
  office's follow-up (第15条);
- report: first the lending bank, then the lead unit of the measure in focus (三明金融监管分局
  when the focus is no measure, or a lender's demand was told: 第11条 查处);
- escalate: the coordination office's feedback and follow-up for firms not getting a loan
  (第15条), through the financing request here; 第2条's 金融纠纷协同化解 for a dispute or
  a credit record; 三明金融监管分局 for discriminating demands (第12条).

A situation told with the owner's step taken (银行不给我续贷，我去投诉了: bot.reading.recourse.
step_told) is answered for the situation, with where it goes if the step brings nothing.

A recourse declined only for want of evidence (a story around it: 跟这家行打交道好几年了…
会不会被报复) is answered so too, in a conversation; one declined for a family (a personal
card: 我老婆的信用卡还是不给办) stays declined. The answer cites the measures its lines
rest on, then what the answerer cited; for a consequence the answerer's own lead is kept
as a point when it is new to the conversation (续贷's 应续尽续 for 不配合会不会影响
续贷). Never raises.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.compose.layout import Part, lay_out
from bot.compose.sources import citation_for
from bot.lines import line
from bot.messages import Answer
from bot.reading import ConversationContext, Reading
from bot.reading.clauses import bare_length
from bot.reading.demands import demand_told
from bot.reading.memory import lead_line
from bot.reading.recourse import lender_recourse, owner_action, recourse, supposed

NO_EVIDENCE = "no_evidence"  # bot.scope: declined for no evidence, not for a family
REGULATOR = "三明金融监管分局"  # lead unit of 第11条 (查处) and 第12条 (监管约谈、督促)
EQUAL, COORDINATION, CREDIT, COST = "measure-12", "measure-15", "measure-2", "measure-11"
# the sentences are data (knowledge/data/replies/dialogue.yaml, bot.lines)
EQUAL_LINE = line("recourse.equal")
FOLLOW_UP_LINE = line("recourse.follow_up")
ESCALATE_LEAD = line("recourse.escalate_lead").format(regulator=REGULATOR)
PURSUE_LINE = line("recourse.pursue").format(regulator=REGULATOR)
SUPERVISE_LINE = line("recourse.supervise").format(regulator=REGULATOR)
USEFUL = re.compile(r"有用|管用|顶用|效果")
DISPUTE_LINE = line("recourse.dispute")
EVIDENCE_LINE = line("recourse.evidence")
TAKEN_LINE = line("recourse.taken")
REPORTED = re.compile(r"反映|投诉|举报|监管")  # a lead already saying where to go
REQUEST_STEP = line("recourse.request_step")
# a first message no longer than this asking only what if the bank says no
_OPENING_CHARS = 10
# a bare who or where, nothing else asked (那找谁, 该问谁, 去哪说理)
_BARE_WHO = re.compile(
    r"^(?:那|那么|那我|我)?(?:该|应该|可以|能)?(?:去)?(?:找谁|问谁|找哪个部门|找哪里|去哪|找哪|谁管)"
    r"(?:呢|啊|呀|好|说|反映|问)?[?？。!！]*$"
)


def answer_recourse(
    answerer: Any, context: ConversationContext, reading: Reading, answer: Answer
) -> Answer:
    """The answer, or for a recourse follow-up (see the module docstring) the recourse's own."""
    if reading.took and answer.in_scope and len(reading.asks) == 1:
        return _step_taken(answerer, reading.took, answer)
    kind = lender_recourse(reading.text)  # 要是对方不肯确认呢: the topic's own answer
    # 要是银行不同意呢 as the first message: whom to turn to, without a topic of its own (the
    # bank's no supposed, not told: 银行说我们这行不给贷 is 第4条's matter)
    opening = (
        kind == "escalate"
        and supposed(reading.text)
        and bare_length(reading.text) <= _OPENING_CHARS
    )
    if len(reading.asks) != 1 or (context.focus is None and not opening):
        return answer
    # declined for no evidence alone (a story around it): in a conversation it is the topic's
    unheard = not answer.in_scope and answer.refusal == NO_EVIDENCE
    if not (answer.in_scope or unheard) or answer.intent in ("greeting", "clarify"):
        return answer
    if not kind and _BARE_WHO.match(reading.text) and recourse(context.last_question) == "escalate":
        kind = "escalate"  # 那找谁 after 银行不给续贷: whom to turn to about the refusal told
    if not kind:
        return answer
    focus = context.focus.doc_id if context.focus is not None else ""
    if unheard:
        answer = replace(
            answer, in_scope=True, intent="policy_question", refusal="", topic=focus, citations=[]
        )
    cited = [c.doc_id for c in answer.citations]
    demand = bool(demand_told(context.last_question)) or focus == COST
    if kind == "consequence":
        action = owner_action(reading.text)
        if USEFUL.search(reading.text):  # 投诉有用吗: what the regulator is to do
            rule = PURSUE_LINE if demand else SUPERVISE_LINE
            lead = line("recourse.no_result").format(action=action, rule=rule)
        else:
            lead = line("recourse.no_effect").format(action=action, rule=EQUAL_LINE)
        points = [line("recourse.unfair").format(regulator=REGULATOR)]
        step = line("recourse.unfair_step").format(regulator=REGULATOR)
        cites = [EQUAL, COORDINATION]
    elif kind == "report":
        unit, source = _unit(answerer, focus, demand)
        article = getattr(answerer.document(source), "article", None) if source else None
        by = line("recourse.report_by").format(article=article) if article else ""
        lead = line("recourse.report_lead").format(unit=unit, by=by)
        points = [EVIDENCE_LINE, EQUAL_LINE]
        step = line("recourse.report_step").format(unit=unit)
        cites = [source or EQUAL, EQUAL]
    else:
        lead = ESCALATE_LEAD
        points = [FOLLOW_UP_LINE, DISPUTE_LINE if focus == CREDIT else EQUAL_LINE]
        step = REQUEST_STEP
        cites = [COORDINATION, CREDIT if focus == CREDIT else EQUAL]
    own = "" if unheard else lead_line(answer.answer)
    said = own == context.last_lead or own in " ".join(context.steps)
    if kind == "consequence" and own and not said:  # 不配合会不会影响续贷: 第6条's own line
        points.insert(0, own)
    return laid_out(answerer, answer, Part(lead, tuple(points), "", step, (*cites, *cited)))


def _step_taken(answerer: Any, took: str, answer: Answer) -> Answer:
    """The answer to a situation told with the owner's step taken (银行不给我续贷，我去投诉了):
    where the matter goes if the step brings nothing, then what the measure says of it."""
    own = lead_line(answer.answer)
    topic = answer.topic or (answer.citations[0].doc_id if answer.citations else "")
    unit, source = _unit(answerer, topic, topic == COST)
    if REPORTED.search(own):
        lead, points = own, [TAKEN_LINE.format(took=took)]
    else:
        lead = line("recourse.taken_lead").format(took=took, unit=unit)
        points = [own, EVIDENCE_LINE]
    cited = [c.doc_id for c in answer.citations]
    part = Part(lead, tuple(points), "", REQUEST_STEP, (*cited, source or EQUAL, COORDINATION))
    return laid_out(answerer, answer, part)


def _unit(answerer: Any, focus: str, demand: bool) -> tuple[str, str]:
    """Whom to report to, and the measure it leads (doc id, "" for none): the regulator and
    第11条 after a lender's demand (a demand unequal to a state firm's stays 第12条's), else the
    lead unit of the measure in focus (the regulator for a note)."""
    if demand and focus != EQUAL:
        return REGULATOR, COST
    doc = answerer.document(focus) if focus else None
    units = getattr(answerer, "lead_units", None) or {}
    if not getattr(doc, "article", None) or not units.get(focus):
        return REGULATOR, ""
    return str(units[focus]), focus


def laid_out(answerer: Any, answer: Answer, part: Part) -> Answer:
    """The answer with the part laid out (bot.compose.layout) and its citations."""
    ids = [d for d in dict.fromkeys(part.cites) if d and answerer.document(d) is not None]
    documents = {d: answerer.document(d) for d in ids}
    units = getattr(answerer, "lead_units", None) or {}
    text = lay_out([replace(part, cites=tuple(ids))], documents, lead_units=units)
    laid = replace(answer, answer=text, citations=[citation_for(documents[d]) for d in ids])
    dated = getattr(answerer, "dated", None)
    return dated(laid) if dated is not None else laid
