"""Offline answer parts: lead, supporting points, short quote, next step, cited documents.

- lead: a plain sentence (≤ 60 characters) that answers what was asked (bot/compose/leads.py,
  silence.py): a stance for a yes/no question only in the asked predicate's terms, a figure of
  the quantity asked or the honest "措施没有规定…", the responsible units, the action for
  how/whom questions — taken from the plain-language points of the measure or note
  (knowledge/data/plain), or from a sentence of the note;
- points: further plain points on the question's subject (as many as the screen allows);
- quote: the best-matching sentence of the measure, short;
- next step: the topic's own step, whom to contact or what to do (bot/compose/steps.py; never
  the financing form when a need shows: the engine offers it right after);
- cites: the documents, laid out once per answer by bot/compose/layout.py.
Every sentence comes from the sources (the measure, its plain points or a note), so every number
in an answer occurs in what it cites.
"""

from __future__ import annotations

import re

from bot.compose.asks import states_figure
from bot.compose.duties import duty_lead, payer_lead
from bot.compose.fitting import fitting_step
from bot.compose.layout import Part, next_step_line
from bot.compose.leads import (
    MATERIAL_WORDS,
    MAX_LEAD,
    RESPONSIBLE_WORDS,
    closest,
    sentence_lead,
    shorten,
    stance_lead,
)
from bot.compose.meaning import meaning_lead
from bot.compose.points import GENERIC, off_matter, ranked_points, said_keywords, score_point
from bot.compose.practice import practice_part
from bot.compose.question import QuestionShape
from bot.compose.quotes import MAX_QUOTE, quote_clause
from bot.compose.silence import (
    materials_lead,
    responsible_lead,
    silence_lead,
    silence_step,
    subject_name,
    unneeded_lead,
)
from bot.compose.steps import step_or_fallback, topic_step, units_step, without_form
from knowledge.documents import Document
from knowledge.plain import PlainMeasure, PlainPoint
from retrieval.text import split_sentences

__all__ = ["GENERIC", "MAX_LEAD", "MAX_QUOTE", "Part", "quote_clause", "shorten"]
_FIGURE = re.compile(r"\d(?!\d*条)")  # a figure, not the number of a measure (第6条)
INTAKE_STEP = (
    "下一步：需要资金的话，可以直接在这里填写融资需求登记，协调办审核后会推送给合适的银行。"
)


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
        said = topics + said_keywords(plain, text)
        lead = stance_lead(lead_point, shape, text, said, terms)
        support = [
            p.text
            for p in points[1:]
            if p.kind != "联系" and score_point(p, text, terms, shape) >= 1.5
        ][:2]
        step = topic_step(
            points,
            [lead_point.text, *support],
            lambda p: score_point(p, text, terms, shape),
            need,
        )
        step = fitting_step(step, f"{text} {lead}")  # 额度被调降…；缺担保…: this ask's part
        clause = quote_clause(quote, "")
        if shape.dimensions and not states_figure(lead_point.text, shape.dimensions):
            if clause and states_figure(clause, shape.dimensions):  # the clause states it
                lead = sentence_lead(clause, shape)
                support, quote = [lead_point.text, *support][:2], ""
        stanced = lead != shorten(lead_point.text)  # a stance answers the yes/no asked
        spoken = [lead_point.text, clause]
        said_all = [*spoken, doc.text]
        practice = practice_part(lead_point, shape, text, doc, plain, said_all, stanced, terms)
        special = (
            "" if practice else _special_lead(doc, plain, shape, spoken, text, lead_point, stanced)
        )
        if practice:
            lead, step, said_point = practice[0], practice[1] or step, practice[2]
            if not said_point:  # the point says what the measure does say, after the lead
                support = [lead_point.text, *(p for p in support if p != lead_point.text)][:2]
        elif special:
            relevant = score_point(lead_point, text, terms, shape) >= 1.5
            kept = [lead_point.text] if relevant else []  # the best point, if it is on topic
            support = [*kept, *(p for p in support if p != lead_point.text)]
            lead = special
            if shape.dimensions:
                support, cites = _with_silent(support, cites, silent_points)
                quote = ""
                if all(d.loan for d in shape.dimensions):
                    step = silence_step(shape, text, doc)
    else:
        lead, support, step = shorten(quote or doc.text, MAX_LEAD), [], ""
        quote = ""
    if shape.ask == "what_is" and doc.article:  # 线上转线下审批是啥: defined, or said undefined
        where = f"第{doc.article}条"
        lead = meaning_lead(text, lead, support, doc.text, where) or lead
    off = {p.text for p in (plain.points if plain else ()) if off_matter(p, text)}
    support = [s for s in support if s not in off]  # 评估费 answers: no 以贷转存 point
    step = step_or_fallback(step, need, (contact, units_step(doc.units)))
    quoted = quote_clause(quote, lead, text)
    return Part(lead, tuple(support), quoted, next_step_line(step), tuple(cites))


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
        said = topics + said_keywords(plain, text, common)
        lead = stance_lead(points[0], shape, text, said, terms)
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
        best = closest(answering, text, subject_name(doc, text)) if answering else ""
        if (shape.dimensions or shape.responsible) and best and best != points[0].text:
            lead = sentence_lead(best, shape, subject_name(doc, text))
            support = [points[0].text]
        else:
            stanced = lead != shorten(points[0].text)
            spoken = [points[0].text, *ordered[:1]]
            special = _special_lead(doc, plain, shape, spoken, text, points[0], stanced)
            if special:
                support = [points[0].text, *(s for s in support if s != points[0].text)]
                lead = special
                if shape.dimensions:
                    support, cites = _with_silent(support, cites, silent_points)
    else:
        lead = shorten(ordered[0], MAX_LEAD) if ordered else doc.title
        support = [shorten(s, 80) for s in ordered[1:3] if s not in lead]
    own = doc.meta.get("next_step", "")
    used = [lead, *support]
    found = topic_step(points, used, lambda p: score_point(p, text, terms, shape, common), need)
    found = fitting_step(found, f"{text} {lead}")
    units = units_step(related[0].units) if related else ""
    fallbacks = (without_form(own), found, contact, units) if need else (found, contact)
    next_step = next_step_line(step_or_fallback(own, need, fallbacks))
    return Part(lead, tuple(support), "", next_step, tuple(dict.fromkeys(cites)))


def _special_lead(
    doc: Document,
    plain: PlainMeasure | None,
    shape: QuestionShape,
    said: list[str],
    text: str,
    point: PlainPoint | None = None,
    stanced: bool = False,
) -> str:
    """A lead that the kind of question calls for instead of the best point ("" for none):
    the silence lead when what would be said states no figure of the quantity asked (unless
    the point's stance answers a yes/no on a cost: 评估费能不能免 → 可以), 不一定 when no source
    requires what a need question asks about, the responsible units, or that no materials
    list is set (point: the best point, "said" first; stanced: its lead opens with a stance)."""
    payer = payer_lead(doc, text)  # 评估费谁出: no source says who pays
    if payer:
        return payer
    if shape.dimensions:
        if stanced and shape.ask == "yesno":
            return ""
        if any(states_figure(s, shape.dimensions) for s in said):
            return ""
        return silence_lead(shape, doc, plain, text)
    duty = duty_lead(point, doc, text)  # another party's consent or duty the source omits
    if duty:
        return duty
    if shape.need and point is not None:
        return unneeded_lead(point, shape, doc, text)
    if shape.responsible:
        return responsible_lead(doc, text)
    if shape.ask == "materials" and not any(w in s for s in said for w in MATERIAL_WORDS):
        return materials_lead(doc, text)
    return ""


def _with_silent(
    support: list[str], cites: list[str], silent: tuple[tuple[str, str], ...]
) -> tuple[list[str], list[str]]:
    """Support points and cited documents with the silent-figure points first."""
    extra = [(t, d) for t, d in silent if d not in cites[:1]]
    return [*(t for t, _ in extra), *support], [*cites, *(d for _, d in extra)]
