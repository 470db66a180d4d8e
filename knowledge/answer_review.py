"""Answers laid out for reading: lead sentence, citation and next step of each answer.

`review_answers` runs `Answerer.answer` on every question of an evaluation file and parses
each answer text defensively (line 1 is the lead; the citation is the line starting with
依据/资料来源/政策依据; the next step is the line that names one), then measures how many
answers have a short lead, a next step, a lead in the bot's own words and a lead of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from typing import TYPE_CHECKING, Any

from retrieval.text import split_sentences

if TYPE_CHECKING:  # types only: knowledge sits below bot
    from bot.answer_source import AnswerSource

LEAD_MAX_CHARS = 80
COPY_OVERLAP = 0.8  # share of a lead's characters found, in order, in one source sentence
CITATION_PREFIXES = ("依据", "资料来源", "政策依据")
NEXT_STEP_MARKERS = ("下一步", "建议", "可以联系", "填写融资需求")
_NOT_TEXT = re.compile(r"[\s\W_]+")  # whitespace and punctuation (ASCII and CJK)
_BULLET = re.compile(r"^[\s\-*•·]+")


def parse_answer_text(text: str) -> dict[str, str]:
    """{lead, citation, next_step} of an answer text; a part not found is "".

    lead = the first non-empty line; citation = the first line (bullets stripped) starting
    with 依据/资料来源/政策依据; next step = the first line after the lead naming one
    (下一步/建议/可以联系/填写融资需求) that is not the citation line.
    """
    lines = [_BULLET.sub("", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    lead = lines[0] if lines else ""
    citation = next((line for line in lines if line.startswith(CITATION_PREFIXES)), "")
    next_step = next(
        (
            line
            for line in lines[1:]
            if line != citation and any(m in line for m in NEXT_STEP_MARKERS)
        ),
        "",
    )
    return {"lead": lead, "citation": citation, "next_step": next_step}


def _bare(text: str) -> str:
    """text without whitespace and punctuation."""
    return _NOT_TEXT.sub("", text)


def is_copied(lead: str, sources: Iterable[str]) -> bool:
    """True when the lead is a substring of, or ≥ 80 % in-order character overlap with, a
    sentence of one of the source texts (whitespace and punctuation ignored)."""
    bare = _bare(lead)
    if not bare:
        return False
    for text in sources:
        if bare in _bare(text):
            return True
        for sentence in split_sentences(text):
            candidate = _bare(sentence)
            if not candidate:
                continue
            matcher = SequenceMatcher(None, bare, candidate, autojunk=False)
            shared = sum(block.size for block in matcher.get_matching_blocks())
            if shared >= COPY_OVERLAP * len(bare):
                return True
    return False


def review_row(
    answerer: AnswerSource, row: dict[str, Any], answer: Any = None, resolved: str | None = None
) -> dict[str, Any]:
    """{id, question, kind, lead, citation, next_step, articles_cited, in_scope, copied,
    direct, resolved}.

    `answer` is the answer to review (default: `answerer.answer(row["question"])`);
    `in_scope` is True for an answer to a policy question (not a refusal, not a greeting);
    `copied` compares the lead with the full text of every cited document; `direct` is the
    row's `direct` field (what a direct first sentence must convey) or None; `resolved` the
    question as read in context.
    """
    if answer is None:
        answer = answerer.answer(row["question"])
    parts = parse_answer_text(answer.answer)
    docs = [answerer.document(c.doc_id) for c in answer.citations]
    articles: list[int] = []
    for citation, doc in zip(answer.citations, docs, strict=True):
        found = (
            doc.articles
            if doc is not None
            else ((citation.article,) if citation.article is not None else ())
        )
        articles.extend(a for a in found if a not in articles)
    answered = bool(answer.in_scope) and answer.intent != "greeting"
    copied = answered and is_copied(parts["lead"], (d.text for d in docs if d is not None))
    return {
        "id": row["id"],
        "question": row["question"],
        "kind": row.get("kind"),
        **parts,
        "articles_cited": articles,
        "in_scope": answered,
        "copied": copied,
        "direct": row.get("direct"),
        "resolved": row["question"] if resolved is None else resolved,
    }


def review_answers(
    answerer: AnswerSource,
    questions: list[dict[str, Any]],
    converse: Any = None,
    new_context: Any = None,
) -> dict[str, Any]:
    """{"answers": [review_row …], "totals": answer_totals(…)} for every question, and for
    every turn of a conversation row (id `conversation#turn`, each read in the context of the
    turns before it).

    converse(answerer, context, text) -> exchange (.answer, .reading.resolved, .context), as
    bot.dialogue.answer_in_context; without it each question is answered alone.
    """
    rows = []
    for row in questions:
        if "turns" not in row:
            if converse is None:
                rows.append(review_row(answerer, row))
                continue
            exchange = converse(answerer, new_context() if new_context else None, row["question"])
            rows.append(review_row(answerer, row, exchange.answer, exchange.reading.resolved))
            continue
        context = new_context() if new_context else None
        for number, turn in enumerate(row["turns"], start=1):
            labels = {**turn, "id": f"{row['id']}#{number}", "question": turn["text"]}
            labels.setdefault("kind", row.get("kind"))
            if converse is None:
                rows.append(review_row(answerer, labels))
                continue
            exchange = converse(answerer, context, turn["text"])
            rows.append(review_row(answerer, labels, exchange.answer, exchange.reading.resolved))
            context = exchange.context
    return {"answers": rows, "totals": answer_totals(rows)}


def answer_totals(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Shares over the in-scope answers (4 places; 0.0 when there are none).

    n, in_scope (counts); lead_short (lead ≤ 80 characters), next_step, own_words (lead not
    copied from a cited source), distinct_leads (distinct leads / in-scope answers), complete
    (short lead in own words with a next step).
    """
    answered = [r for r in rows if r["in_scope"]]
    short = [len(r["lead"]) <= LEAD_MAX_CHARS and bool(r["lead"]) for r in answered]
    step = [bool(r["next_step"]) for r in answered]
    own = [bool(r["lead"]) and not r["copied"] for r in answered]
    whole = len(answered)
    return {
        "n": len(rows),
        "in_scope": whole,
        "lead_short": _share(sum(short), whole),
        "next_step": _share(sum(step), whole),
        "own_words": _share(sum(own), whole),
        "distinct_leads": _share(len({r["lead"] for r in answered}), whole),
        "complete": _share(
            sum(a and b and c for a, b, c in zip(short, step, own, strict=True)), whole
        ),
    }


def _share(part: int, whole: int) -> float:
    """part / whole rounded to 4 places (0.0 when whole is 0)."""
    return round(part / whole, 4) if whole else 0.0
