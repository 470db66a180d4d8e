"""A next step of the ask's own (bot.followups.own_step): see the package docstring."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from bot.compose.fitting import fitting_step
from bot.compose.layout import MARKS, NEXT_PREFIX
from bot.compose.leads import pieces
from bot.followups.restate import names_where
from bot.followups.sources import ANSWERING, answered, cited, facet_asked, points_of, unit_of
from bot.messages import Answer, Ask
from bot.reading import ConversationContext, Reading
from bot.reading.facets import Facet
from bot.reading.memory import lead_line, step_line

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
    "amount": "带上近期报表和纳税记录，问{bank}能给多少额度，可以多问几家比较。",
}
GENERAL_STEP = "带上企业的基本情况问{bank}能否办理；政策问题可以咨询{unit}。"
BANK = "贷款银行"
STEP_KINDS = ("联系", "可做")
GENERIC_KEYWORDS = ("找谁", "申请", "反映", "咨询", "联系")  # keywords of any contact point


def own_step(
    answerer: Any, context: ConversationContext, reading: Reading, answer: Answer
) -> Answer:
    """The answer, with a next step of its own ask when its step was given lately to another
    ask or does not speak of the facet a follow-up asks (see the module docstring)."""
    step = step_line(answer.answer)
    if not answered(answer) or not step or answer.answer.startswith(MARKS[0]):
        return answer  # numbered parts: each part's step is its own ask's (bot.compose.layout)
    ask = reading.asks[0]
    same_ask = (ask.type == context.last_ask and ask.text == context.last_question) or (
        lead_line(answer.answer) == context.last_lead  # 这合理吗 after the demand: its own step
    )
    facet = facet_asked(ask, context)
    docs = cited(answer, context, reading)
    points = points_of(answerer, docs)
    reused = step in context.steps and not same_ask
    following = reading.move in ("continue", "return") and facet is not None
    off_facet = (  # a lead already saying where to go (找哪个部门) lets the step do another thing
        following
        and facet is not None
        and not ANSWERING[facet].search(step)
        and not (facet == "where" and names_where(lead_line(answer.answer)))
    )
    off = bool(context.last_question) and off_ask(step, points, ask, answer.answer)
    if not (reused or off_facet or off):
        return answer
    used = (step, *context.steps)
    fitting = source_step(points, ask.text, answer.answer, used, facet)
    fitting = fitting or step_for(facet, answerer, docs, exclude=used)
    if not fitting:
        return answer
    return replace(answer, answer=answer.answer.replace(step, fitting, 1))


def source_step(
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
        and not _foreign(p, f"{asked}{lead_line(said)}")
    ]
    scored = [(len(words & pieces(p.text + "".join(p.keywords))), p) for p in candidates]
    best = max(scored, key=lambda s: s[0], default=(0, None))
    if best[1] is None or not best[0]:
        return ""
    return NEXT_PREFIX + fitting_step(best[1].text, asked)


def _foreign(point: Any, asked: str) -> bool:
    """The point is written for another ask: it has keywords of its own (bar the ones any
    contact point has) and none occurs in `asked` (进白名单 for 抽贷找哪个部门)."""
    words = [k for k in point.keywords if k not in GENERIC_KEYWORDS]
    return bool(words) and not any(k in asked for k in words)


def off_ask(step: str, points: Sequence[Any], ask: Ask, said: str) -> bool:
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


def step_for(
    facet: Facet | None, answerer: Any, docs: Sequence[str], exclude: Sequence[str]
) -> str:
    """The next-step line for the facet asked (a general one for none), naming the bank and
    the measure's lead unit; "" when it is one of `exclude`."""
    template = STEPS.get(facet, GENERAL_STEP) if facet is not None else GENERAL_STEP
    line = NEXT_PREFIX + template.format(bank=BANK, unit=unit_of(answerer, docs))
    return "" if line in exclude else line
