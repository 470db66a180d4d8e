"""An in-scope reply before layout, and the Answer several replies make together."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.compose.layout import MARKS, Part, lay_out
from bot.compose.qa import QaChoice
from bot.compose.sources import citation_for
from bot.messages import Answer, Intent
from knowledge.documents import Document


@dataclass(frozen=True)
class Reply:
    """An in-scope answer before layout: its parts and what the Answer carries besides."""

    parts: tuple[Part, ...]
    intent: Intent
    topic: str | None
    top_score: float
    qa: QaChoice | None = None  # the Q&A entry that answered, if one did


def answer_of(
    replies: Sequence[Reply], documents: Mapping[str, Document], lead_units: Mapping[str, str]
) -> Answer:
    """The Answer of replies (in order): their parts laid out (bot/compose/layout.py), at most
    len(MARKS), a part whose lead an earlier one gives left out; each cited document once; the
    topic and score of the first reply; a financing need if any reply shows one."""
    leads: set[str] = set()
    parts: list[Part] = []
    for part in (p for r in replies for p in r.parts):
        if part.lead not in leads:  # two asks answered alike are answered once
            leads.add(part.lead)
            parts.append(part)
    parts = parts[: len(MARKS)]
    cited = dict.fromkeys(d for p in parts for d in p.cites if d in documents)
    need = any(r.intent == "financing_need" for r in replies)
    first = replies[0]
    return Answer(
        lay_out(parts, documents, lead_units=lead_units),
        True,
        "financing_need" if need else first.intent,
        [citation_for(documents[d]) for d in cited],
        suggest_intake=need,
        topic=first.topic,
        top_score=first.top_score,
    )
