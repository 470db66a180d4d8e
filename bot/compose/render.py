"""Offline answer parts: lead, supporting points, short quote, next step, cited documents.

- lead: a plain sentence (≤ 60 characters) that answers what was asked (bot/compose/leads.py):
  a stance for a yes/no question only in the asked predicate's terms, a figure of the quantity
  asked or the honest "措施没有规定…", the responsible units, the action for how/whom
  questions — taken from the plain-language points of the measure or note
  (knowledge/data/plain), or from a sentence of the note;
- points: further plain points on the question's subject (as many as the screen allows);
- quote: the best-matching sentence of the measure, short;
- next step: whom to contact or what to ask for (the financing form when a need shows);
- cites: the documents, laid out once per answer by bot/compose/layout.py.
Every sentence comes from the sources (the measure, its plain points or a note), so every number
in an answer occurs in what it cites.
"""

from __future__ import annotations

import re

from bot.compose.asks import states_figure
from bot.compose.layout import Part, next_step_line
from bot.compose.leads import (
    CONDITION_WORDS,
    MATERIAL_WORDS,
    MAX_LEAD,
    RESPONSIBLE_WORDS,
    closest,
    gives_stance,
    materials_lead,
    responsible_lead,
    sentence_lead,
    shorten,
    silence_lead,
    silence_step,
    speaks_of,
    stance_lead,
    subject_name,
)
from bot.compose.question import QuestionShape
from knowledge.documents import Document
from knowledge.plain import PlainMeasure, PlainPoint
from retrieval.text import split_sentences

__all__ = ["MAX_LEAD", "Part", "shorten"]
_FIGURE = re.compile(r"\d(?!\d*条)")  # a figure, not the number of a measure (第6条)
MAX_QUOTE = 60
INTAKE_STEP = (
    "下一步：需要资金的话，可以直接在这里填写融资需求登记，协调办审核后会推送给合适的银行。"
)

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
    said: tuple[str, ...] = (),
) -> float:
    """How well a point answers the question: its keywords in the question (longer count
    more), in the glossary's policy terms for it (each term once) or sharing a word-piece
    with it, a little for wording shared with its text, and the kind of answer asked for.

    common: words that name the document itself (科技贷 in the 科技贷 note) and so tell its
    points apart little; said: the keywords of the document's points that the question uses
    (a point's stance counts only when it covers them all: see leads.gives_stance).
    """
    score = 0.0
    pieces = _bigrams(text)
    matched_terms: set[str] = set()
    for keyword in point.keywords:
        term = next((t for t in terms if len(t) >= 2 and (keyword in t or t in keyword)), None)
        if keyword in text:
            # a keyword built on a generic word (能申请, 找银行) says less
            generic = any(g in keyword for g in GENERIC)
            weight = (1.0 + len(keyword) / 2) * (0.5 if generic else 1.0)
        elif term is not None:
            if term in matched_terms:  # one policy term is one piece of evidence
                continue
            matched_terms.add(term)
            weight = 1.2
        elif len(keyword) >= 3 and _bigrams(keyword) & pieces:
            weight = 0.6
        else:
            continue
        if any(keyword in c or c in keyword for c in common):
            weight = min(weight, 0.3)
        score += weight
    relevant = score > 0  # the point speaks of the question's subject at all
    score += min(1.0, 0.1 * len(_bigrams(point.text) & pieces))
    if gives_stance(point, shape, said):
        score += 1.0
    if relevant:  # a figure or a condition on another subject answers nothing
        score += _ask_bonus(point, shape)
    if shape.whom and point.kind == "联系":
        score += 4.0  # 找谁 / 投诉: whom to contact is the answer
    elif shape.action and point.kind == "可做":
        score += 1.5
    elif not shape.action and point.kind == "含义":
        score += 0.5
    return score


def _ask_bonus(point: PlainPoint, shape: QuestionShape) -> float:
    """What the kind of question adds: a figure of the quantity asked, conditions, materials."""
    if shape.dimensions:
        figure = states_figure(point.text, shape.dimensions)
        words = point.text + " ".join(point.keywords)
        named = any(d.asked.search(words) for d in shape.dimensions)
        return 2.0 * figure + 0.5 * named
    if shape.ask == "conditions":
        return 1.5 * speaks_of(point, CONDITION_WORDS)
    if shape.ask == "materials":
        return 2.0 * speaks_of(point, MATERIAL_WORDS)
    if shape.responsible:
        return 2.0 * any(w in point.text for w in RESPONSIBLE_WORDS)
    return 0.0


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
    said = said_keywords(plain, text, common)
    scored = [
        (score_point(p, text, terms, shape, common, said), -i, p)
        for i, p in enumerate(plain.points)
    ]
    return [p for _, _, p in sorted(scored, key=lambda row: (row[0], row[1]), reverse=True)]


def said_keywords(
    plain: PlainMeasure | None, text: str, common: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """Keywords of the document's points that the question uses word for word (保证金): what
    the question is exactly about, beyond the document's own name and generic words."""
    if plain is None:
        return ()
    found = {
        k
        for p in plain.points
        for k in p.keywords
        if len(k) >= 2 and k in text and k not in common and not any(g in k for g in GENERIC)
    }
    return tuple(sorted(k for k in found if not any(k != o and k in o for o in found)))


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
    silent_points: tuple[tuple[str, str], ...] = (),
) -> Part:
    """The answer part for a measure article (article 0 = the document as a whole).

    contact: the next step when the measure's points give none (the coordination office);
    silent_points: (point, doc id) pairs added when the measure sets no figure of the quantity
    asked (what the equal-terms and cost measures say about the price of a loan).
    """
    points = ranked_points(plain, text, terms, shape) if plain and plain.points else []
    cites = [doc.doc_id]
    if points:
        lead_point = points[0]
        lead = stance_lead(lead_point, shape, text, topics + said_keywords(plain, text))
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
        clause = quote_clause(quote, "")
        if shape.dimensions and not states_figure(lead_point.text, shape.dimensions):
            if clause and states_figure(clause, shape.dimensions):  # the clause states it
                lead = sentence_lead(clause, shape)
                support, quote = [lead_point.text, *support][:2], ""
        special = _special_lead(doc, plain, shape, [lead_point.text, clause])
        if special:
            support = [lead_point.text, *(p for p in support if p != lead_point.text)]
            lead = special
            if shape.dimensions:
                support, cites = _with_silent(support, cites, silent_points)
                quote = ""
                if all(d.loan for d in shape.dimensions):
                    step = silence_step(shape)
    else:
        lead, support, step = shorten(quote or doc.text, MAX_LEAD), [], ""
        quote = ""
    next_step = INTAKE_STEP if need else next_step_line(step or contact)
    return Part(lead, tuple(support), quote_clause(quote, lead), next_step, tuple(cites))


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
    silent_points: tuple[tuple[str, str], ...] = (),
) -> Part:
    """The answer part for a product, platform or staff note.

    sentences: the note's sentences, best first; related: the measures it belongs to; contact:
    the next step when the note names none; plain: the note's plain points (the lead then
    comes from them, the best sentence of the note supports it). A question asking for a
    quantity gets the point or sentence stating it, or the honest silence lead.
    """
    ordered = sentences or split_sentences(doc.text)[:1]
    figures = [s for s in ordered if shape.dimensions and states_figure(s, shape.dimensions)]
    if shape.responsible:  # who runs it: the sentence that says so
        figures = [s for s in ordered if any(w in s for w in RESPONSIBLE_WORDS)]
    if not figures and shape.quantity and not shape.dimensions:
        figures = [s for s in ordered[:3] if _FIGURE.search(s)]
    if figures:  # how much / how many: the best of the note's sentences with a figure first
        ordered = [figures[0], *(s for s in ordered if s != figures[0])]
    common = frozenset(doc.aliases)
    points = ranked_points(plain, text, terms, shape, common) if plain and plain.points else []
    cites = [doc.doc_id, *(m.doc_id for m in related)]
    if points:
        lead = stance_lead(points[0], shape, text, topics + said_keywords(plain, text, common))
        support = [shorten(s, 80) for s in ordered[:1]]
        support += [
            p.text
            for p in points[1:]
            if p.kind != "联系" and score_point(p, text, terms, shape, common) >= 1.5
        ][: 2 - len(support)]
        stated = states_figure(points[0].text, shape.dimensions) or (
            shape.responsible and any(w in points[0].text for w in RESPONSIBLE_WORDS)
        )
        answering = ([points[0].text] if stated else []) + figures[:2]
        best = closest(answering, text, subject_name(doc)) if answering else ""
        if (shape.dimensions or shape.responsible) and best and best != points[0].text:
            lead = sentence_lead(best, shape, subject_name(doc))
            support = [points[0].text]
        else:
            special = _special_lead(doc, plain, shape, [points[0].text, *ordered[:1]])
            if special:
                support = [points[0].text, *(s for s in support if s != points[0].text)]
                lead = special
                if shape.dimensions:
                    support, cites = _with_silent(support, cites, silent_points)
    else:
        lead = shorten(ordered[0], MAX_LEAD) if ordered else doc.title
        support = [shorten(s, 80) for s in ordered[1:3] if s not in lead]
    step = doc.meta.get("next_step", "") or contact
    next_step = INTAKE_STEP if need else f"下一步：{step}"
    return Part(lead, tuple(support), "", next_step, tuple(dict.fromkeys(cites)))


def _special_lead(
    doc: Document, plain: PlainMeasure | None, shape: QuestionShape, said: list[str]
) -> str:
    """A lead that the kind of question calls for instead of the best point ("" for none):
    the silence lead when what would be said states no figure of the quantity asked, the
    responsible units, or that no materials list is set."""
    if shape.dimensions:
        if any(states_figure(s, shape.dimensions) for s in said):
            return ""
        return silence_lead(shape, doc, plain)
    if shape.responsible:
        return responsible_lead(doc)
    if shape.ask == "materials" and not any(w in s for s in said for w in MATERIAL_WORDS):
        return materials_lead(doc)
    return ""


def _with_silent(
    support: list[str], cites: list[str], silent: tuple[tuple[str, str], ...]
) -> tuple[list[str], list[str]]:
    """Support points and cited documents with the silent-figure points first."""
    extra = [(t, d) for t, d in silent if d not in cites[:1]]
    return [*(t for t, _ in extra), *support], [*cites, *(d for _, d in extra)]


def quote_clause(sentence: str, lead: str) -> str:
    """The clause to quote: short, without the article number, not repeating the lead."""
    sentence = sentence.strip()
    if not sentence or sentence in lead:
        return ""
    sentence = sentence.split(".", 1)[1] if sentence[:3].rstrip(".").isdigit() else sentence
    return shorten(sentence.rstrip("。；;，,"), MAX_QUOTE).rstrip("。")
