"""Where to reach a platform: a where-ask about a platform leads with how to reach it (run by
`fresh`, bot/followups/fresh.py, for a first question and a follow-up alike).

"中登网在哪里", "去哪办" after an answer on 中征应收 or "在哪里能找到" after 闽光云商 were answered
with what the platform does ("拿动产担保办贷时…", "分三步：…"). Each platform's plain points
hold one 联系 point on reaching it (knowledge/data/plain/platform-*.md: its keywords name 在哪 /
网址 / 入口; where the sources give no address it says so, and who runs it and whom to ask). A
where-ask (who_where, or the where facet) whose answer cites a platform and does not lead with
that point leads with it; the answer's other lines stay.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot.followups.sources import facet_asked, points_of
from bot.messages import Answer
from bot.reading import ConversationContext, Reading
from bot.reading.recourse import recourse

REACH_WORDS = (
    "在哪",
    "网址",
    "入口",
)  # a 联系 point with one of these keywords says how to reach it
# asking where or whom, not how much or whether
_WHERE = re.compile(r"在哪|哪里|哪儿|去哪|网址|入口|怎么进|怎么找|找谁|上哪")
_REPORTING = re.compile(r"举报|投诉|反映|反应|申诉|告状|维权")


def reach_point(answerer: Any, doc_ids: list[str]) -> str:
    """The first cited platform's point on reaching it, or ""."""
    for doc_id in doc_ids:
        doc = answerer.document(doc_id)
        if doc is None or doc.kind != "platform":
            continue
        for point in points_of(answerer, [doc_id]):
            if point.kind == "联系" and any(w in point.keywords for w in REACH_WORDS):
                return str(point.text)
    return ""


def reach_lead(
    answerer: Any, context: ConversationContext, reading: Reading, answer: Answer
) -> Answer:
    """The answer led by how to reach the platform it cites, for a where-ask (see the module
    docstring); else unchanged."""
    if len(reading.asks) != 1 or not answer.in_scope:
        return answer
    ask = reading.asks[0]
    if not _WHERE.search(reading.text) and facet_asked(ask, context) != "where":
        return answer
    if recourse(reading.text) or _REPORTING.search(reading.text):
        return answer  # 向哪里举报: where to report, not where a platform is
    ids = [c.doc_id for c in answer.citations]
    if reading.referent and reading.move in ("continue", "return"):
        ids.append(reading.referent)
    point = reach_point(answerer, list(dict.fromkeys(ids)))
    lines = answer.answer.splitlines()
    if not point or not lines or point in lines[0]:
        return answer
    body = [ln for ln in lines[1:] if point not in ln]
    return replace(answer, answer="\n".join([point, *body]))
