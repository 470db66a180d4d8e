"""Situation agreement of a Q&A entry: some entries are about a situation (a renewal: 续贷,
a loan falling due, bridge money), declared as data (`knowledge.qa.situations`,
`knowledge/data/qa/situations.tsv`). An entry is about a situation when at least half of its
questions (its question and phrasings) name it:

    s = 0      when the entry is about a situation the question does not name (a general
               question is never answered with the renewal entry of the same ask);
        other  when the question names a situation the entry is not about (续贷要什么条件 is
               answered by the renewal entry when there is one);
        1      otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from knowledge.qa import QaEntry
from knowledge.qa.situations import (
    Situation,
    SituationFormatError,
    packaged_situations,
    parse_situations,
)

__all__ = [
    "Situation",
    "SituationFormatError",
    "about_situation",
    "entry_situations",
    "packaged_situations",
    "parse_situations",
    "situation_agreement",
]


def entry_situations(
    entry: QaEntry, situations: Sequence[Situation] | None = None
) -> frozenset[str]:
    """The names of the situations at least half of the entry's questions name."""
    known = packaged_situations() if situations is None else tuple(situations)
    return _entry_situations(entry.questions, known)


@lru_cache(maxsize=4096)  # a pure function of an entry's texts: once per entry, not per match
def _entry_situations(
    questions: tuple[str, ...], situations: tuple[Situation, ...]
) -> frozenset[str]:
    """`entry_situations` of an entry's questions."""
    if not questions:
        return frozenset()
    return frozenset(
        s.name for s in situations if 2 * sum(s.named_in(q) for q in questions) >= len(questions)
    )


@lru_cache(maxsize=4096)  # a question is matched against several entries
def named_situations(question: str, situations: tuple[Situation, ...]) -> frozenset[str]:
    """The names of the situations the question names."""
    return frozenset(s.name for s in situations if s.named_in(question))


def about_situation(
    entry: QaEntry, name: str, situations: Sequence[Situation] | None = None
) -> bool:
    """The entry is about the situation called name."""
    return name in entry_situations(entry, situations)


def situation_agreement(
    question: str, entry: QaEntry, other: float, situations: Sequence[Situation] | None = None
) -> float:
    """s (module docstring)."""
    if not question:
        return 1.0
    known = packaged_situations() if situations is None else tuple(situations)
    about = _entry_situations(entry.questions, known)
    named = named_situations(question, known)
    if about and not about & named:
        return 0.0
    if named and not named & about:
        return other
    return 1.0
