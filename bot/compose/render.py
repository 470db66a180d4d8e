"""Offline answers in five parts: lead, supporting points, short quote, next step, citation.

- lead: a plain sentence (≤ 80 characters) that answers what was asked — a stance for a yes/no
  question (不合规。/ 可以。), the action for how/whom questions — taken from the plain-language
  points of the measure (knowledge/data/plain), or from the best sentence of a note;
- points: up to two further plain points on the question's subject;
- quote: the best-matching sentence of the measure, short;
- next step: whom to contact or what to ask for (the financing form when a need shows);
- citation: 第N条「title」 and the lead responsible unit (the full unit list and the validity stay
  in the source card).
Every sentence comes from the sources (the measure, its plain points or a note), so every number
in an answer occurs in what it cites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.compose.question import QuestionShape
from knowledge.documents import POLICY_TITLE, Document
from knowledge.plain import PlainMeasure, PlainPoint
from retrieval.text import split_sentences

MAX_LEAD = 80
_FIGURE = re.compile(r"\d(?!\d*条)")  # a figure, not the number of a measure (第6条)
MAX_QUOTE = 60
INTAKE_STEP = (
    "下一步：需要资金的话，可以直接在这里填写融资需求登记，协调办审核后会推送给合适的银行。"
)


@dataclass(frozen=True)
class Part:
    """The composed answer to one question (one measure or note)."""

    lead: str
    points: tuple[str, ...]
    quote: str
    next_step: str
    citation: str

    def text(self) -> str:
        """The part as chat text, one element per line."""
        lines = [self.lead, *(f"· {p}" for p in self.points)]
        if self.quote:
            lines.append(f"原文：“{self.quote}”")
        if self.next_step:
            lines.append(self.next_step)
        lines.append(self.citation)
        return "\n".join(lines)


# Words every financing question uses: they tell no point from another.
GENERIC = frozenset(
    """银行 企业 公司 贷款 政策 措施 小微 民营 申请 办理 问题 情况 可以 能否
    合规 合法 违规 正常 规定 要求 允许 需要 我们 他们 这个 那个 怎么 什么 有没有 能不能 是不是
    现在 知道 资金 融资 钱 太高 太低 太慢 太贵 太多 太少 很难 比较 一直 还是 这样 那样 这种
    那种 怎样 如果 因为 所以 但是 而且 然后 已经 还有 另外 以后 之前 时候 东西 事情""".split()
)


def _bigrams(text: str) -> set[str]:
    """The two-character pieces of text that are not generic (贷款, 银行 …)."""
    return {text[i : i + 2] for i in range(len(text) - 1)} - GENERIC


def score_point(
    point: PlainPoint,
    text: str,
    terms: tuple[str, ...],
    shape: QuestionShape,
    common: frozenset[str] = frozenset(),
) -> float:
    """How well a point answers the question: its keywords in the question (longer count
    more), in the glossary's policy terms for it or sharing a word-piece with it, a little for
    wording shared with its text, and the kind of answer asked for.

    common: words that name the document itself (科技贷 in the 科技贷 note) and so tell its
    points apart little.
    """
    score = 0.0
    pieces = _bigrams(text)
    for keyword in point.keywords:
        if keyword in text:
            # a keyword built on a generic word (能申请, 找银行) says less
            generic = any(g in keyword for g in GENERIC)
            weight = (1.0 + len(keyword) / 2) * (0.5 if generic else 1.0)
        elif any(keyword in term or term in keyword for term in terms if len(term) >= 2):
            weight = 1.2
        elif len(keyword) >= 3 and _bigrams(keyword) & pieces:
            weight = 0.6
        else:
            continue
        if any(keyword in c or c in keyword for c in common):
            weight = min(weight, 0.3)
        score += weight
    score += min(1.0, 0.1 * len(_bigrams(point.text) & pieces))
    if shape.stance and point.stance in shape.stances and not shape.negated:
        score += 1.0
    if shape.whom and point.kind == "联系":
        score += 4.0  # 找谁 / 投诉: whom to contact is the answer
    elif shape.action and point.kind == "可做":
        score += 1.5
    elif not shape.action and point.kind == "含义":
        score += 0.5
    return score


def ranked_points(
    plain: PlainMeasure,
    text: str,
    terms: tuple[str, ...],
    shape: QuestionShape,
    common: frozenset[str] = frozenset(),
) -> list[PlainPoint]:
    """The points, best first (file order breaks ties); common as in score_point, plus every
    keyword that most of the points share."""
    counts: dict[str, int] = {}
    for point in plain.points:
        for keyword in set(point.keywords):
            counts[keyword] = counts.get(keyword, 0) + 1
    common = common | {k for k, n in counts.items() if n > max(1, len(plain.points) // 2)}
    scored = [
        (score_point(p, text, terms, shape, common), -i, p) for i, p in enumerate(plain.points)
    ]
    return [p for _, _, p in sorted(scored, key=lambda row: (row[0], row[1]), reverse=True)]


def lead_sentence(point: PlainPoint, shape: QuestionShape, topics: tuple[str, ...] = ()) -> str:
    """The point as the lead: with its stance first for a yes/no question (不合规。…).

    topics: the domain words of the question; the stance is given only when the point covers
    them all (担保费……有补贴吗 is not answered 有 by a point on guarantees that never
    mentions a subsidy).
    """
    text = point.text
    covered = all(_covers(point, topic) for topic in topics)
    if (
        shape.stance
        and point.stance in shape.stances
        and not shape.negated
        and covered
        and not text.startswith(point.stance)
    ):
        text = f"{point.stance}。{text}"
    return shorten(text, MAX_LEAD)


def _covers(point: PlainPoint, topic: str) -> bool:
    """The point speaks of topic: in its text or keywords, whole or by a word-piece."""
    if topic in point.text or any(topic in k or k in topic for k in point.keywords):
        return True
    return bool(_bigrams(topic) & (_bigrams(point.text) | _bigrams("".join(point.keywords))))


def shorten(text: str, limit: int) -> str:
    """text cut at the last clause boundary that keeps it within limit characters."""
    if len(text) <= limit:
        return text
    cut = max(text.rfind(mark, 0, limit) for mark in "。；，")
    head = text[:cut] if cut > limit // 3 else text[: limit - 1]
    return head.rstrip("，；、 ") + ("。" if cut > limit // 3 else "…")


def measure_part(
    doc: Document,
    plain: PlainMeasure | None,
    text: str,
    terms: tuple[str, ...],
    shape: QuestionShape,
    quote: str,
    need: bool,
    contact: str,
    topics: tuple[str, ...] = (),
) -> Part:
    """The answer part for a measure article (article 0 = the document as a whole).

    contact: the next step when the measure's points give none (the coordination office).
    """
    points = ranked_points(plain, text, terms, shape) if plain and plain.points else []
    if points:
        lead_point = points[0]
        lead = lead_sentence(lead_point, shape, topics)
        contacts = [p for p in points if p.kind == "联系" and p is not lead_point]
        support = [
            p.text
            for p in points[1:]
            if p.kind != "联系" and score_point(p, text, terms, shape) >= 1.5
        ][:2]
        step = contacts[0].text if contacts else ""
        if lead_point.kind == "联系":
            doable = [p for p in points[1:] if p.kind == "可做" and p.text not in support]
            step = doable[0].text if doable else ""
    else:
        lead, support, step = shorten(quote or doc.text, MAX_LEAD), [], ""
        quote = ""
    next_step = INTAKE_STEP if need else f"下一步：{step or contact}"
    if doc.article == 0:
        citation = f"依据：《{POLICY_TITLE}》全文（{doc.units}2025年4月29日印发）。"
    else:
        unit = plain.lead_unit if plain and plain.lead_unit else doc.units.split("、")[0]
        citation = f"依据：《{POLICY_TITLE}》第{doc.article}条「{doc.title}」，牵头单位：{unit}。"
    return Part(lead, tuple(support), _quote(quote, lead), next_step, citation)


def note_part(
    doc: Document,
    sentences: list[str],
    related: list[Document],
    need: bool,
    contact: str,
    shape: QuestionShape,
    plain: PlainMeasure | None = None,
    text: str = "",
    terms: tuple[str, ...] = (),
    topics: tuple[str, ...] = (),
) -> Part:
    """The answer part for a product, platform or staff note.

    sentences: the note's sentences, best first; related: the measures it belongs to; contact:
    the next step when the note names none; plain: the note's plain points (the lead then
    comes from them, the best sentence of the note supports it). A question asking for a
    number gets the best sentence that has one.
    """
    ordered = sentences or split_sentences(doc.text)[:1]
    figures = [s for s in ordered[:3] if _FIGURE.search(s)] if shape.quantity else []
    if figures:  # how much / how many: the best of the note's sentences with a figure first
        ordered = [figures[0], *(s for s in ordered if s != figures[0])]
    common = frozenset(doc.aliases)
    points = ranked_points(plain, text, terms, shape, common) if plain and plain.points else []
    if points:
        lead = lead_sentence(points[0], shape, topics)
        support = [shorten(s, MAX_LEAD) for s in ordered[:1]]
        support += [
            p.text
            for p in points[1:]
            if p.kind != "联系" and score_point(p, text, terms, shape, common) >= 1.5
        ][: 2 - len(support)]
    else:
        lead = shorten(ordered[0], MAX_LEAD) if ordered else doc.title
        support = [shorten(s, MAX_LEAD) for s in ordered[1:3] if s not in lead]
    step = doc.meta.get("next_step", "") or contact
    next_step = INTAKE_STEP if need else f"下一步：{step}"
    source = f"（资料来源：{doc.source}）" if doc.source else ""
    measures = "、".join(f"第{m.article}条「{m.title}」" for m in related)
    policy = f"；政策依据：《{POLICY_TITLE}》{measures}" if measures else ""
    return Part(lead, tuple(support), "", next_step, f"依据：{doc.title}{source}{policy}。")


def _quote(sentence: str, lead: str) -> str:
    """The clause to quote: short, without the article number, not repeating the lead."""
    sentence = sentence.strip()
    if not sentence or sentence in lead:
        return ""
    sentence = sentence.split(".", 1)[1] if sentence[:3].rstrip(".").isdigit() else sentence
    return shorten(sentence.rstrip("。；;，,"), MAX_QUOTE).rstrip("。")


def join_parts(parts: list[Part]) -> str:
    """One part as is; two parts numbered ①/② with a blank line between."""
    if len(parts) == 1:
        return parts[0].text()
    return "\n\n".join(f"{mark} {part.text()}" for mark, part in zip("①②", parts, strict=False))
