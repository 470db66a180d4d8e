"""Grounding: every number in an answer must occur in the text it cites."""

from __future__ import annotations

from collections.abc import Iterable

from bot.messages import Citation
from knowledge.documents import MEASURES_VALIDITY
from knowledge.facts import numbers_in
from knowledge.validity import chinese_date

__all__ = ["cited_text", "numbers_in", "ungrounded_numbers"]


def cited_text(citations: Iterable[Citation]) -> str:
    """Everything the citations show: source line, title and excerpt; for a measure also the
    end of the measures' period, which knowledge/validity.py reads from the policy's own text
    (issue date + 有效期三年), so "有效期至2028年4月28日" is grounded."""
    cited = list(citations)
    text = "\n".join(f"{c.source}\n{c.title}\n{c.excerpt}" for c in cited)
    end = MEASURES_VALIDITY.valid_until
    if end is not None and any(c.article is not None for c in cited):
        text += f"\n有效期至{chinese_date(end)}"
    return text


def ungrounded_numbers(answer: str, citations: Iterable[Citation]) -> set[str]:
    """Numbers in answer that occur nowhere in the cited text."""
    return numbers_in(answer) - numbers_in(cited_text(citations))
