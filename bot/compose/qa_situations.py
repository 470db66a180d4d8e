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
    questions = entry.questions
    if not questions:
        return frozenset()
    return frozenset(
        s.name
        for s in (packaged_situations() if situations is None else situations)
        if 2 * sum(s.named_in(q) for q in questions) >= len(questions)
    )


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
    known = packaged_situations() if situations is None else situations
    about = entry_situations(entry, known)
    named = frozenset(s.name for s in known if s.named_in(question))
    if about and not about & named:
        return 0.0
    if named and not named & about:
        return other
    return 1.0
