"""Match owners' everyday phrases in a query and expand them into policy terms."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from retrieval.records import GlossaryTerm

WILDCARD_GAP = 6  # `*` in a glossary phrase matches up to this many characters


@dataclass(frozen=True)
class GlossaryMatch:
    """The glossary phrases found in a query, the terms they add and their article votes."""

    terms: tuple[str, ...]
    expansions: tuple[str, ...]
    votes: dict[int, float]
    topical: bool = False  # some matched phrase is specific to financing (not a weak one)
    primary: tuple[str, ...] = ()  # the first policy term of each matched phrase


class GlossaryMatcher:
    """Finds glossary phrases (plain substrings, or `*` wildcards) in queries."""

    def __init__(self, entries: list[GlossaryTerm]) -> None:
        """Compile the entries; longer phrases are tried first."""
        self._plain: dict[str, list[GlossaryTerm]] = defaultdict(list)
        self._patterns: list[tuple[re.Pattern[str], GlossaryTerm]] = []
        for entry in entries:
            term = entry.term.lower()
            if "*" in term:
                parts = [re.escape(p) for p in term.split("*")]
                pattern = f".{{0,{WILDCARD_GAP}}}?".join(parts)
                self._patterns.append((re.compile(pattern), entry))
            else:
                self._plain[term].append(entry)
        self._plain_terms = sorted(self._plain, key=len, reverse=True)

    def match(self, query: str) -> GlossaryMatch:
        """Glossary phrases in query; a phrase inside a longer matched phrase counts once."""
        text = query.lower()
        found: list[GlossaryTerm] = []
        covered: list[tuple[int, int]] = []
        for term in self._plain_terms:
            start = text.find(term)
            if start < 0:
                continue
            end = start + len(term)
            if any(s <= start and end <= e for s, e in covered):
                continue
            covered.append((start, end))
            found.extend(self._plain[term])
        for pattern, entry in self._patterns:
            if pattern.search(text):
                found.append(entry)
        votes: dict[int, float] = defaultdict(float)
        for entry in found:
            for article in entry.articles:
                votes[article] += 1.0 / len(entry.articles)
        expansions = tuple(dict.fromkeys(e for entry in found for e in entry.expansions))
        terms = tuple(dict.fromkeys(e.term for e in found))
        topical = any(not e.weak for e in found)
        primary = tuple(dict.fromkeys(e.expansions[0] for e in found if e.expansions))
        return GlossaryMatch(terms, expansions, dict(votes), topical, primary)
