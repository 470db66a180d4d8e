"""What a follow-up's answer is built from: the facet asked, the cited documents, their plain
points and lead units, and the words of a point answering each facet (bot.followups)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from bot.compose.leads import pieces
from bot.messages import Answer, Ask
from bot.reading import ConversationContext, Reading
from bot.reading.facets import Facet, asks_amount, facet_of
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
    "amount": "能贷多少",
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
    "amount": re.compile(r"额度|授信|贷多少|能贷|多少万|上限"),
}
# the facet an ask type asks when its words name none (去哪 → where …)
BY_TYPE: dict[AskType, Facet] = {
    "who_where": "where",
    "materials": "materials",
    "how_long": "duration",
    "how_much": "cost",
}
FALLBACK_UNIT = "融资协调工作机制办公室"


def facet_asked(ask: Ask, context: ConversationContext) -> Facet | None:
    """The facet the owner's words ask: the resolved ask without the subject put in front
    (稳步降低融资成本要什么材料 asks materials, not cost), else its type's facet."""
    words = ask.text
    if context.focus is not None and context.focus.subject:
        words = words.replace(context.focus.subject, "")
    if ask.type == "how_much" and asks_amount(words):  # 能贷多少: the amount, not the cost
        return "amount"
    return facet_of(words) or BY_TYPE.get(ask.type)


def answered(answer: Answer) -> bool:
    return answer.in_scope and answer.intent not in ("greeting", "clarify", "out_of_scope")


def cited(answer: Answer, context: ConversationContext, reading: Reading) -> list[str]:
    """The documents the answer rests on, then the focus a follow-up continues."""
    ids = [c.doc_id for c in answer.citations]
    if context.focus is not None and reading.move in ("continue", "return"):
        ids.append(context.focus.doc_id)
    return list(dict.fromkeys(ids))


def points_of(answerer: Any, docs: Sequence[str]) -> list[Any]:
    """The plain points (knowledge.plain.PlainPoint) of the documents, in their order."""
    plain = getattr(getattr(answerer, "composer", None), "plain", None) or {}
    return [p for d in docs if d in plain for p in plain[d].points]


def relates(point: Any, subject: str) -> bool:
    """The point speaks of the subject (its words or keywords share a word-piece)."""
    return bool(subject) and bool(pieces(subject) & pieces(point.text + "".join(point.keywords)))


def unit_of(answerer: Any, docs: Iterable[str]) -> str:
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
