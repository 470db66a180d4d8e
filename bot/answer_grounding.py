"""Grounding: every number in an answer must occur in the text it cites."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.messages import Citation

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def numbers_in(text: str) -> set[str]:
    """The numbers written in text (digits, with an optional decimal part)."""
    return set(_NUMBER.findall(text))


def cited_text(citations: Iterable[Citation]) -> str:
    """Everything the citations show: source line, title and excerpt."""
    return "\n".join(f"{c.source}\n{c.title}\n{c.excerpt}" for c in citations)


def ungrounded_numbers(answer: str, citations: Iterable[Citation]) -> set[str]:
    """Numbers in answer that occur nowhere in the cited text."""
    return numbers_in(answer) - numbers_in(cited_text(citations))
