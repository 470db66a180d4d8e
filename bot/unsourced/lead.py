"""A question about a thing the sources never mention: the answer says so first.

"有没有过桥资金" or "应急转贷资金怎么申请" are answered from the nearest measure (第6条's
无还本续贷); answered as they are, the measure reads as if it were about the thing asked. When
the question names a thing (bot/unsourced/asked.py) that no source mentions
(bot/unsourced/coverage.py: the indexed documents, staff documents included, and the glossary)
and the reply cites a document, the reply's lead becomes the plain fact — "措施里没有提到「过桥
资金」" —, the nearest thing the sources do offer and whom to ask; the former lead, without a
stance it gave on the thing, becomes the first point. A staff document that mentions the thing
(an uploaded 应急转贷资金使用指南) makes it covered: the answer is then its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from bot.compose.reply import Reply
from bot.unsourced.asked import BENEFITS, asked_thing
from bot.unsourced.coverage import Coverage
from knowledge.documents import Document

MAX_LEAD_CHARS = 60
# A stance the former lead gave (有。, 可以，, 不一定：) is about the nearest measure, not the
# thing asked: it is dropped when that lead becomes a point.
_STANCE = re.compile(r"^(?:有|没有|可以|不行|会|不会|是|不是|合规|不合规|不一定|能)[。：:，,]\s*")
# A former lead on the figure of the thing (措施没有写具体数字): it presupposes the thing.
_SILENCE = re.compile(r"^(?:措施|公开资料)没有(?:写|规定|统一规定)(?:具体|.{0,12}的具体)")
_UNIT_BREAK = re.compile(r"[、，,；;]")
_CLAUSE_END = re.compile(r"[，,；;。：:]")


def unsourced_lead(
    question: str,
    reply: Reply,
    coverage: Coverage,
    documents: Mapping[str, Document],
    lead_units: Mapping[str, str],
) -> Reply:
    """reply led by "措施里没有提到「X」；…" when question (prepared) asks about a thing X no
    source mentions and the reply cites a document; else reply as is.

    lead_units: doc id -> the unit leading it (knowledge/plain.py), whom the lead names.
    """
    if not reply.parts or not reply.parts[0].cites:
        return reply
    thing = coverage.spelled(asked_thing(question, coverage.near))
    missing = coverage.unsourced(thing) if thing else []
    if thing and BENEFITS.fullmatch(thing) and thing not in coverage.corpus:
        missing = [thing]  # a benefit for the firm: only the sources' own words cover it
    first = reply.parts[0]
    opening = _CLAUSE_END.split(first.lead, maxsplit=1)[0]
    if not missing or any(run in opening for run in missing):
        return reply  # the sources mention it, or the lead is about it (措施没有写贴息…)
    cited = next((documents[c] for c in first.cites if c in documents), None)
    if cited is None:
        return reply
    near = coverage.nearest(thing)
    offer = documents.get(f"measure-{near.article}") if near is not None else None
    if near is not None and offer is not None:
        nearest, about = f"最接近的是第{near.article}条的{near.term}", offer
    else:
        nearest, about = f"相关的是{_name(cited)}", cited
    where = "措施里" if cited.kind == "measure" else "现有资料里"
    lead = honest_lead(where, thing, nearest, _unit(about, lead_units))
    former = _STANCE.sub("", first.lead).strip()
    if _SILENCE.match(former):
        former = ""  # "no figure set" would presuppose the thing exists
    points = (former, *first.points) if former else first.points
    return replace(reply, parts=(replace(first, lead=lead, points=points), *reply.parts[1:]))


def honest_lead(where: str, thing: str, nearest: str, unit: str) -> str:
    """The lead: what the sources do not mention, the nearest thing, whom to ask — the longest
    of these within MAX_LEAD_CHARS (the fact alone at least)."""
    said = f"{where}没有提到「{thing}」"
    options = [f"{said}；{nearest}，可问{unit}。"] if unit else []
    options += [f"{said}；{nearest}。", f"{said}。"]
    return next((o for o in options if len(o) <= MAX_LEAD_CHARS), options[-1])


def _name(doc: Document) -> str:
    """How the lead names a document: 第N条「title」 for a measure article, else its short name."""
    if doc.kind == "measure" and doc.article:
        return f"第{doc.article}条「{doc.title}」"
    return doc.aliases[0] if doc.aliases else doc.title


def _unit(doc: Document, lead_units: Mapping[str, str]) -> str:
    """The unit to ask about a document: its lead unit, else the first unit it names."""
    unit = lead_units.get(doc.doc_id) or _UNIT_BREAK.split(doc.units)[0]
    return unit.strip()
