"""Grounding: every number in an answer must occur in the text it cites."""

from __future__ import annotations

from collections.abc import Iterable

from bot.messages import Citation
from knowledge.facts import numbers_in

__all__ = ["cited_text", "numbers_in", "ungrounded_numbers"]


def cited_text(citations: Iterable[Citation]) -> str:
    """Everything the citations show: source line, title and excerpt."""
    return "\n".join(f"{c.source}\n{c.title}\n{c.excerpt}" for c in citations)


def ungrounded_numbers(answer: str, citations: Iterable[Citation]) -> set[str]:
    """Numbers in answer that occur nowhere in the cited text."""
    return numbers_in(answer) - numbers_in(cited_text(citations))
