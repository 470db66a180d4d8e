"""A follow-up's answer says something of its own (used by bot.dialogue, issue 19).

The answerer answers each resolved ask on its own; only the conversation knows what the
last answers said (`ConversationContext.last_lead`, `steps`). Two rules hold per turn:

- `fresh(...)`: a follow-up of the topic in focus ("在哪办？", "要什么材料" after an answer)
  whose answer would lead with the last answer's lead word for word is answered for the
  facet it asks (bot.reading.facets: where, registration, materials, how long, cost …;
  else the ask type's): the source's own point on that facet (a plain point of the cited
  documents, 联系 points first for where, preferring one not said before), else honest
  silence and whom to ask — 措施没有写<subject>在哪办理，可以向<lead unit>问清。— never the
  same answer again;
- `own_step(...)`: an answer whose next step was given lately to another ask, or a
  follow-up asking a facet whose step does not speak of it (要多久 answered with a step on
  whom to complain to), gets a step that follows its own ask: the cited documents' best
  联系/可做 point sharing words with the ask (and speaking of the facet asked) not said
  already, else a step for the facet asked (or a general one).

Both keep the answer's citation line (依据) and citations; neither raises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from bot.compose.fitting import fitting_step
from bot.compose.layout import NEXT_PREFIX, QUOTE_PREFIX
from bot.compose.leads import pieces
from bot.messages import Answer, Ask
from bot.reading import ConversationContext, Reading
from bot.reading.facets import Facet, facet_of
from bot.reading.memory import lead_line, step_line
from core.kinds import AskType

# what each facet is called in a sentence saying the measures are silent on it
LABELS: dict[Facet, str] = {
    "where": "在哪办理",
    "register": "在哪登记、怎么登记",
    "platform": "通过哪个平台办理",
    "materials": "要准备哪些材料",
    "duration": "要多长时间",
    "cost": "的具体利率和费用",
    "appraisal": "怎么评估、能估多少",
    "consent": "要谁同意或确认",
}
# words of a source point answering each facet
ANSWERING: dict[Facet, re.Pattern[str]] = {
    "where": re.compile(r"联系|找|问|咨询|申请|平台|线上|网上|在线|窗口|网点"),
    "register": re.compile(r"登记"),
    "platform": re.compile(r"平台|系统"),
    "materials": re.compile(r"材料|资料|证明|证书|清单|报表"),
    "duration": re.compile(r"时限|工作日|[0-9一二三四五六七八九十]+(?:天|日|个月)|限时|快贷"),
    "cost": re.compile(r"利率|利息|费率|费用|收费|成本"),
    "appraisal": re.compile(r"评估|估值"),
    "consent": re.compile(r"同意|确认|授权"),
}
# the facet an ask type asks when its words name none (去哪 → where …)
BY_TYPE: dict[AskType, Facet] = {
    "who_where": "where",
    "materials": "materials",
    "how_long": "duration",
    "how_much": "cost",
}
# a step following the ask, by the facet asked (then for any other ask)
STEPS: dict[Facet, str] = {
    "where": "拿不准在哪里办，可以先问{unit}；贷款本身向{bank}申请。",
    "register": "问{bank}登记由谁办、在哪里办，能否在线办理。",
    "platform": "问{bank}通过哪个平台办理、怎样进入。",
    "materials": "向{bank}要一份材料清单，备齐后再去办理。",
    "duration": "申请时向{bank}问清受理、审批、放款各要多久，并随时询问进度。",
    "cost": "向{bank}问清利率和各项费用，可以多问几家比较后再定。",
    "appraisal": "问{bank}怎样评估、能否自评估或免评估，评估费由谁出。",
    "consent": "问{bank}要谁同意或确认、要签哪些文件。",
}
GENERAL_STEP = "带上企业的基本情况问{bank}能否办理；政策问题可以咨询{unit}。"
BANK = "贷款银行"
FALLBACK_UNIT = "融资协调工作机制办公室"
STEP_KINDS = ("联系", "可做")
GENERIC_KEYWORDS = ("找谁", "申请", "反映", "咨询", "联系")  # keywords of any contact point


def fresh(answerer: Any, context: ConversationContext, reading: Reading, answer: Answer) -> Answer:
    """The answer, or for a follow-up whose answer leads with the last lead word for word,
    the answer of the facet it asks (see the module docstring)."""
    if not _answered(answer) or reading.move not in ("continue", "return"):
        return answer
    if not context.last_lead or lead_line(answer.answer) != context.last_lead:
        return answer
    ask = reading.asks[0]
    facet = _facet(ask, context)
    if facet is None:
        return answer
    docs = _cited(answer, context, reading)
    points = _points(answerer, docs)
    said = answer.answer
    subject = context.focus.subject if context.focus is not None else ""
    answering = [p for p in points if ANSWERING[facet].search(p.text)]
    about = [p for p in answering if _relates(p, subject)] or answering
    # whom to contact answers where first; a point not said yet before one said already
    about.sort(key=lambda p: (facet in ("where", "platform") and p.kind != "联系", p.text in said))
    if about and about[0].text not in said:
        lead = about[0].text
    elif about:
        lead = f"就是上面说的：{about[0].text}"
    else:
        lead = f"措施没有写{subject}{LABELS[facet]}，可以向{_unit(answerer, docs)}问清。"
    used = (*context.steps, step_line(said), NEXT_PREFIX + lead)
    step = _source_step(points, ask.text, f"{said}\n{lead}", used, facet) or _step(
        facet, answerer, docs, exclude=used
    )
    return _rebuilt(answer, lead, step)


def own_step(
    answerer: Any, context: ConversationContext, reading: Reading, answer: Answer
) -> Answer:
    """The answer, with a next step of its own ask when its step was given lately to another
    ask or does not speak of the facet a follow-up asks (see the module docstring)."""
    step = step_line(answer.answer)
    if not _answered(answer) or not step:
        return answer
    ask = reading.asks[0]
    same_ask = (ask.type == context.last_ask and ask.text == context.last_question) or (
        lead_line(answer.answer) == context.last_lead  # 这合理吗 after the demand: its own step
    )
    facet = _facet(ask, context)
    docs = _cited(answer, context, reading)
    points = _points(answerer, docs)
    reused = step in context.steps and not same_ask
    following = reading.move in ("continue", "return") and facet is not None
    off_facet = following and facet is not None and not ANSWERING[facet].search(step)
    off_ask = bool(context.last_question) and _off_ask(step, points, ask, answer.answer)
    if not (reused or off_facet or off_ask):
        return answer
    used = (step, *context.steps)
    fitting = _source_step(points, ask.text, answer.answer, used, facet)
    fitting = fitting or _step(facet, answerer, docs, exclude=used)
    if not fitting:
        return answer
    return replace(answer, answer=answer.answer.replace(step, fitting, 1))


def _source_step(
    points: Sequence[Any], asked: str, said: str, used: Sequence[str], facet: Facet | None
) -> str:
    """The next-step line of the sources' 联系/可做 point sharing the most word-pieces with
    the ask (at least one) and speaking of the facet asked, that the answer does not say and
    is not a step in `used`; "" for none."""
    words = pieces(asked)
    candidates = [
        p
        for p in points
        if p.kind in STEP_KINDS
        and p.text not in said
        and NEXT_PREFIX + p.text not in used
        and (facet is None or ANSWERING[facet].search(p.text))
    ]
    scored = [(len(words & pieces(p.text + "".join(p.keywords))), p) for p in candidates]
    best = max(scored, key=lambda s: s[0], default=(0, None))
    if best[1] is None or not best[0]:
        return ""
    return NEXT_PREFIX + fitting_step(best[1].text, asked)


def _facet(ask: Ask, context: ConversationContext) -> Facet | None:
    """The facet the owner's words ask: the resolved ask without the subject put in front
    (稳步降低融资成本要什么材料 asks materials, not cost), else its type's facet."""
    words = ask.text
    if context.focus is not None and context.focus.subject:
        words = words.replace(context.focus.subject, "")
    return facet_of(words) or BY_TYPE.get(ask.type)


def _off_ask(step: str, points: Sequence[Any], ask: Ask, said: str) -> bool:
    """The step is a source point written for another ask: none of its keywords (bar the
    ones any contact point has) occurs in the ask or the answer's lead (额度被调降先找贷款银行
    协商… given to 应收账款能融资吗). An overview (what_is) takes any step of its topic."""
    if ask.type == "what_is":
        return False
    point = next((p for p in points if NEXT_PREFIX + p.text == step), None)
    if point is None:
        return False
    words = [k for k in point.keywords if k not in GENERIC_KEYWORDS]
    asked = f"{ask.text}{lead_line(said)}"
    return bool(words) and not any(k in asked for k in words)


def _answered(answer: Answer) -> bool:
    return answer.in_scope and answer.intent not in ("greeting", "clarify", "out_of_scope")


def _cited(answer: Answer, context: ConversationContext, reading: Reading) -> list[str]:
    """The documents the answer rests on, then the focus a follow-up continues."""
    ids = [c.doc_id for c in answer.citations]
    if context.focus is not None and reading.move in ("continue", "return"):
        ids.append(context.focus.doc_id)
    return list(dict.fromkeys(ids))


def _points(answerer: Any, docs: Sequence[str]) -> list[Any]:
    """The plain points (knowledge.plain.PlainPoint) of the documents, in their order."""
    plain = getattr(getattr(answerer, "composer", None), "plain", None) or {}
    return [p for d in docs if d in plain for p in plain[d].points]


def _relates(point: Any, subject: str) -> bool:
    """The point speaks of the subject (its words or keywords share a word-piece)."""
    return bool(subject) and bool(pieces(subject) & pieces(point.text + "".join(point.keywords)))


def _unit(answerer: Any, docs: Iterable[str]) -> str:
    """The lead unit of the first cited measure that has one (knowledge.plain), else the
    first responsible unit of a cited document, else the coordination office."""
    units = getattr(answerer, "lead_units", None) or {}
    for doc_id in docs:
        if units.get(doc_id):
            return str(units[doc_id])
    for doc_id in docs:
        doc = answerer.document(doc_id)
        first = re.split(r"[、，,]", str(getattr(doc, "units", "") or ""))[0].strip()
        if first:
            return first
    return FALLBACK_UNIT


def _step(facet: Facet | None, answerer: Any, docs: Sequence[str], exclude: Sequence[str]) -> str:
    """The next-step line for the facet asked (a general one for none), naming the bank and
    the measure's lead unit; "" when it is one of `exclude`."""
    template = STEPS.get(facet, GENERAL_STEP) if facet is not None else GENERAL_STEP
    line = NEXT_PREFIX + template.format(bank=BANK, unit=_unit(answerer, docs))
    return "" if line in exclude else line


def _rebuilt(answer: Answer, lead: str, step: str) -> Answer:
    """The answer with a new lead and step; its points and quote go, its citation line and
    what follows it (validity notes) stay."""
    lines = answer.answer.splitlines()
    tail = next((i for i, ln in enumerate(lines) if ln.startswith("依据")), len(lines))
    kept = [ln for ln in lines[tail:] if not ln.startswith(QUOTE_PREFIX)]
    return replace(answer, answer="\n".join([lead, *([step] if step else []), *kept]))
