"""Answer text from composed parts: what a phone shows first, each citation once.

One part (the answer to one ask) is laid out as

    lead                      ≤ 60 characters, answers the question asked
    · point                   supporting points, as many as the screen allows
    下一步：……                 the next step
    依据：《…》第6条「…」，牵头单位：…   the documents it rests on
    原文：“……”                 a short quote of the clause (the 原文 part, after the screen)

Several parts (at most three asks of one message) are numbered （一）（二）（三） — in words:
a digit there would read as a figure the sources must state — a blank line apart, and
share the screen; one citation line closes them, each document named once and marked with
every part it answers (依据：（一）第7条；（一）（二）第6条（《…》）). The leads and that line
are always shown; then each part's next step (shortened, never one an earlier part gives),
then points in turn (first point of each part, then second …) while the text before the 原文
part stays within `PHONE_SCREEN` characters. A point said twice in the answer (within a
part or across parts, or repeating a lead) is kept once (`bot/compose/overlap.py`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.compose.overlap import distinct_parts
from bot.messages import NEXT_PREFIX, PART_MARKS, POINT_PREFIX, QUOTE_PREFIX
from knowledge.documents import ISSUED_CN, POLICY_TITLE, Document

PHONE_SCREEN = 250  # characters an owner reads on one phone screen, before the 原文 part
MARKS = PART_MARKS


@dataclass(frozen=True)
class Part:
    """The composed answer to one question, before layout.

    cites: ids of the documents it rests on (notes before the measures they belong to);
    quote: a short clause of the first cited measure ("" for none).
    """

    lead: str
    points: tuple[str, ...]
    quote: str
    next_step: str
    cites: tuple[str, ...]


def next_step_line(step: str) -> str:
    """A next step as its line (下一步：…), whatever prefix it was written with."""
    step = step.strip()
    if not step:
        return ""
    return step if step.startswith(NEXT_PREFIX) else NEXT_PREFIX + step


def citation_line(
    docs: Sequence[Document], *, policy_named: bool = False, lead_unit: str = ""
) -> str:
    """依据：… for documents (notes by title, measures as 第N条「title」); "" for none.

    policy_named: the policy's title was already written in this answer (measures are then
    named by article only); lead_unit: the lead responsible unit, named after a single
    measure (牵头单位：…).
    """
    notes = [d for d in docs if d.article is None]
    measures = [d for d in docs if d.article is not None]
    pieces = [d.title for d in notes]
    whole = [d for d in measures if d.article == 0]
    articles = [d for d in measures if d.article]
    if whole:
        pieces.append(f"《{POLICY_TITLE}》全文（{whole[0].units}{ISSUED_CN}印发）")
        policy_named = True
    if articles:
        named = "、".join(f"第{d.article}条「{d.title}」" for d in articles)
        pieces.append(named if policy_named else f"《{POLICY_TITLE}》{named}")
        if len(articles) == 1 and not notes and lead_unit:
            pieces[-1] += f"，牵头单位：{lead_unit}"
    return f"依据：{'；'.join(pieces)}。" if pieces else ""


def lay_out(
    parts: Sequence[Part],
    documents: Mapping[str, Document],
    budget: int = PHONE_SCREEN,
    lead_units: Mapping[str, str] | None = None,
) -> str:
    """The answer text of parts (see the module docstring); one part is not numbered.

    lead_units: each measure's lead responsible unit by document id (named in the citation
    line of an answer resting on one measure).
    """
    if not parts:
        return ""
    parts = distinct_parts(parts[: len(MARKS)])  # a point said twice is kept once
    if len(parts) == 1:
        part = parts[0]
        docs = [documents[d] for d in part.cites if d in documents]
        unit = (lead_units or {}).get(docs[0].doc_id, "") if len(docs) == 1 else ""
        block = _Block(part.lead, next_step_line(part.next_step), part.points)
        citation = citation_line(docs, lead_unit=unit)
        text = _fill([block], citation, budget, steps_optional=False)
        return f"{text}\n{QUOTE_PREFIX}“{part.quote}”" if part.quote else text
    blocks, seen = [], set()
    for mark, part in zip(MARKS, parts, strict=False):
        step = next_step_line(shorten_step(part.next_step))
        blocks.append(_Block(f"{mark}{part.lead}", "" if step in seen else step, part.points))
        seen.add(step)
    return _fill(blocks, joint_citation(parts, documents), budget, steps_optional=True)


STEP_CHARS = 40  # a next step in a numbered part


# A clause stating when the step applies (是…的供应商或客户, 已经进了白名单的企业, 快到期的),
# not what to do: never kept alone.
CONDITION = re.compile(
    r"^(?:是|如果|若|要是|假如|已经|已|凡是|对于|属于)|(?:的|时|前|后|的话)[，；。]?$"
)


def shorten_step(step: str, limit: int = STEP_CHARS) -> str:
    """A next step cut to its leading whole clauses (sentences and ；-clauses) within limit
    characters; whole when its first clause alone is longer. A clause is never cut at a
    comma: 符合条件仍被拒，可向…反映 joins a condition to its action, 遇到搭售，保留凭证 an
    occasion to what to do, and either half alone says nothing to act on (`_fill` drops a
    point, or the whole step, when the screen is short)."""
    step = step.strip().removeprefix(NEXT_PREFIX)
    if len(step) <= limit:
        return step
    clauses = [c for c in re.split(r"(?<=[。；;！!])", step) if c.strip()]
    kept: list[str] = []
    for clause in clauses:
        if len("".join(kept)) + len(clause) > limit:
            break
        kept.append(clause)
    if not kept:
        return step
    return "".join(kept).rstrip("；;。 ") + "。"


def joint_citation(parts: Sequence[Part], documents: Mapping[str, Document]) -> str:
    """One 依据 line for numbered parts: each document named once, marked with every part it
    answers (依据：（一）（二）第9条；（一）第11条), so no part is left without its source."""
    marks: dict[str, str] = {}  # doc id -> the marks of the parts citing it, in order
    for mark, part in zip(MARKS, parts, strict=False):
        for doc_id in dict.fromkeys(d for d in part.cites if d in documents):
            marks[doc_id] = marks.get(doc_id, "") + mark
    pieces: list[str] = []
    for doc_id, mark in marks.items():
        doc = documents[doc_id]
        name = (
            doc.title
            if doc.article is None
            else "全文"
            if doc.article == 0
            else f"第{doc.article}条"
        )
        if pieces and pieces[-1].startswith(mark) and pieces[-1][len(mark) :][:1] != "（":
            pieces[-1] += f"、{name}"  # the same parts as the document before
        else:
            pieces.append(mark + name)
    if not pieces:
        return ""
    measures = any(documents[d].article is not None for d in marks)
    notes = any(documents[d].article is None for d in marks)
    source = f"（条款均出自《{POLICY_TITLE}》）" if notes else f"（《{POLICY_TITLE}》）"
    return f"依据：{'；'.join(pieces)}{source if measures else ''}。"


@dataclass(frozen=True)
class _Block:
    """A part's lines: its lead (numbered when several), next step and points."""

    lead: str
    step: str
    points: tuple[str, ...]


def _fill(blocks: Sequence[_Block], citation: str, budget: int, *, steps_optional: bool) -> str:
    """The text of blocks with as many next steps (when optional) and points as fit budget."""
    steps = [not steps_optional and bool(b.step) for b in blocks]
    shown = [0] * len(blocks)

    def fits() -> bool:
        return len(_text(blocks, citation, steps, shown)) <= budget

    if steps_optional:
        for i, block in enumerate(blocks):
            if block.step:
                steps[i] = True
                steps[i] = fits()
    progress = True
    while progress:  # add points in turn while the screen has room
        progress = False
        for i, block in enumerate(blocks):
            if shown[i] < len(block.points):
                shown[i] += 1
                if fits():
                    progress = True
                else:
                    shown[i] -= 1
    return _text(blocks, citation, steps, shown)


def _text(
    blocks: Sequence[_Block], citation: str, steps: Sequence[bool], shown: Sequence[int]
) -> str:
    """The text before the 原文 part: blocks with shown[i] points and their step if steps[i]."""
    lines: list[str] = []
    for block, step, count in zip(blocks, steps, shown, strict=True):
        if lines:
            lines.append("")  # a blank line between numbered parts
        lines.append(block.lead)
        lines += [f"{POINT_PREFIX}{p}" for p in block.points[:count]]
        if step and block.step:
            lines.append(block.step)
    if citation:
        if len(blocks) > 1:
            lines.append("")
        lines.append(citation)
    return "\n".join(lines)
