"""Answer text from composed parts: what a phone shows first, each citation once.

One part (the answer to one ask) is laid out as

    lead                      ≤ 60 characters, answers the question asked
    · point                   supporting points, as many as the screen allows
    下一步：……                 the next step
    依据：《…》第6条「…」       the documents it rests on, each once per answer
    原文：“……”                 a short quote of the clause (the 原文 part, after the screen)

Several parts are numbered ①②③, a blank line apart, and share the screen: leads, next steps
and citation lines first, then points in turn (first point of each part, then second …)
while the text before the 原文 part stays within `PHONE_SCREEN` characters. A next step that
an earlier part already gives is not repeated; a document an earlier part cites is not cited
again, and the policy's full title is written once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from knowledge.documents import POLICY_TITLE, Document

PHONE_SCREEN = 250  # characters an owner reads on one phone screen, before the 原文 part
MARKS = "①②③④⑤"
QUOTE_PREFIX = "原文："
NEXT_PREFIX = "下一步："


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
        pieces.append(f"《{POLICY_TITLE}》全文（{whole[0].units}2025年4月29日印发）")
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

    lead_units: each measure's lead responsible unit by document id (named in a citation
    line of one measure).
    """
    if not parts:
        return ""
    blocks = _blocks(parts, documents, lead_units or {})
    shown = [0] * len(parts)
    progress = True
    while progress:  # add points in turn while the screen has room
        progress = False
        for i, part in enumerate(parts):
            if shown[i] < len(part.points):
                shown[i] += 1
                if len(_text(parts, blocks, shown)) > budget:
                    shown[i] -= 1
                else:
                    progress = True
    text = _text(parts, blocks, shown)
    quote = parts[0].quote if len(parts) == 1 else ""
    return f"{text}\n{QUOTE_PREFIX}“{quote}”" if quote else text


@dataclass(frozen=True)
class _Block:
    """A part's fixed lines: its lead (numbered), next step and citation ("" when omitted)."""

    lead: str
    step: str
    citation: str


def _blocks(
    parts: Sequence[Part], documents: Mapping[str, Document], lead_units: Mapping[str, str]
) -> list[_Block]:
    """Fixed lines of each part, with repeated next steps and citations left out."""
    blocks: list[_Block] = []
    steps: set[str] = set()
    cited: set[str] = set()
    policy_named = False
    for i, part in enumerate(parts):
        lead = f"{MARKS[i]} {part.lead}" if len(parts) > 1 else part.lead
        step = next_step_line(part.next_step)
        if step in steps:
            step = ""
        steps.add(step)
        docs = [documents[d] for d in part.cites if d in documents and d not in cited]
        cited.update(d.doc_id for d in docs)
        unit = lead_units.get(docs[0].doc_id, "") if len(docs) == 1 else ""
        citation = citation_line(docs, policy_named=policy_named, lead_unit=unit)
        policy_named = policy_named or any(d.article is not None for d in docs)
        blocks.append(_Block(lead, step, citation))
    return blocks


def _text(parts: Sequence[Part], blocks: Sequence[_Block], shown: Sequence[int]) -> str:
    """The text before the 原文 part with shown[i] points of part i."""
    lines: list[str] = []
    for part, block, count in zip(parts, blocks, shown, strict=True):
        if lines:
            lines.append("")  # a blank line between numbered parts
        lines.append(block.lead)
        lines += [f"· {p}" for p in part.points[:count]]
        lines += [line for line in (block.step, block.citation) if line]
    return "\n".join(lines)
