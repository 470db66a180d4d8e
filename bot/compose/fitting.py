"""A next step and a 原文 quote that fit the ask answered, not the topic's first ones.

A source's contact point may join steps for several situations ("额度被调降先找贷款银行协商；
缺担保可问政府性融资担保机构，…"): `fitting_step` keeps the ；-parts that speak of the ask (a
word-piece in common, generic words such as 银行/贷款 aside), the whole step when none or all
do. A measure's best sentence by meaning is often its first, general one, quoted under every
answer citing it ("鼓励银行机构积极向上级行争取专项优惠政策…" under a product's rate):
`fitting_quote` keeps a quote that shares a word-piece with the ask or the lead, else quotes
the measure's sentence that shares the most, else none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from bot.compose.leads import pieces
from bot.compose.reply import Reply
from knowledge.documents import Document
from retrieval.text import split_sentences

# word-pieces any financing sentence has: agreement on them says nothing of the ask
COMMON_PIECES = frozenset(
    {"银行", "贷款", "企业", "可以", "问题", "政策", "咨询", "申请", "办理", "找谁", "融资"}
    | {"小微", "民营", "机构", "金融", "措施", "支持", "什么", "多少", "怎么", "是不", "不是"}
)
_STEP_PART = re.compile(r"(?<=；)")
_CLAUSE = re.compile(r"(?<=[，,])")
_GENERAL = re.compile(r"^(?:其他|其它|具体|政策)?问题|^(?:也)?可以?(?:咨询|联系)")
_QUOTE_CLAUSE = re.compile(r"[，,；;。]")
MAX_QUOTE = 60


def asked_pieces(text: str) -> set[str]:
    """The word-pieces of a text that may tell its subject (COMMON_PIECES left out)."""
    return {p for p in pieces(text) if p not in COMMON_PIECES and not re.search(r"\W", p)}


def fitting_step(step: str, asked: str) -> str:
    """The ；-parts of a step that speak of the ask, ended with 。; step as is when it has one
    part or when none or all of its parts do."""
    parts = [p for p in _STEP_PART.split(step) if p.strip("；。 ")]
    if len(parts) < 2:
        return step
    words = asked_pieces(asked)
    kept = [p for p in parts if words & pieces(p)]
    if not kept:  # none speaks of the ask: only its general contact (政策问题可咨询…)
        kept = [c for c in _CLAUSE.split(parts[-1]) if _GENERAL.search(c)]
    if not kept or len(kept) == len(parts):
        return step
    text = "".join(kept).strip().rstrip("；，,")
    return text if text.endswith("。") else f"{text}。"


def fitting_quote(question: str, reply: Reply, documents: Mapping[str, Document]) -> Reply:
    """reply with each part's quote fitting its ask: kept when it shares a word-piece with the
    question or the part's lead, else the first cited measure's clause sharing the most with
    the question (none when no clause shares any)."""
    parts = []
    for part in reply.parts:
        if not part.quote:
            parts.append(part)
            continue
        words = asked_pieces(question)
        if words & pieces(part.quote) or len(asked_pieces(part.lead) & pieces(part.quote)) > 1:
            parts.append(part)
            continue
        measure = next((documents[c] for c in part.cites if _is_article(documents.get(c))), None)
        parts.append(replace(part, quote=_best_clause(measure, words, part.lead)))
    return replace(reply, parts=tuple(parts))


def _is_article(doc: Document | None) -> bool:
    return doc is not None and doc.kind == "measure" and bool(doc.article)


def _best_clause(measure: Document | None, words: set[str], lead: str) -> str:
    """The measure's clause sharing the most word-pieces with the ask (not the lead itself),
    or "" when none shares any."""
    if measure is None or not words:
        return ""
    best, score = "", 0
    for sentence in split_sentences(measure.text):
        if "责任单位" in sentence or sentence.rstrip("。").endswith(measure.title):
            continue
        for clause in _QUOTE_CLAUSE.split(re.sub(r"^\d+\.", "", sentence)):
            found = len(words & pieces(clause))
            if found > score and clause.strip() not in lead and len(clause) <= MAX_QUOTE:
                best, score = clause.strip(), found
    return best
