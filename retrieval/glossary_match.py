"""Match owners' everyday phrases in a query and expand them into policy terms."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from retrieval.records import GlossaryTerm

WILDCARD_GAP = 6  # `*` in a glossary phrase matches up to this many characters
FILLERS = frozenset("的了有上个一些在得着过吧吗呢啊就都也还很")
LOOSE_WEIGHT = 0.7  # vote of a phrase matched word by word rather than verbatim
WEAK_BESIDE_SPECIFIC = 0.4  # vote of a generic phrase when a specific one matched as well


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

    def __init__(
        self,
        entries: list[GlossaryTerm],
        tokenize: Callable[[str], list[str]] | None = None,
        is_common: Callable[[str], bool] = lambda word: False,
    ) -> None:
        """Compile the entries; longer phrases are tried first.

        With a tokenizer, a phrase of two or more words also matches when all its words occur
        in the query in any order (征信有污点 ~ 征信上有个污点), at a lower vote weight,
        unless all its words are common ones (政策贷款 would match half the questions).
        """
        self._plain: dict[str, list[GlossaryTerm]] = defaultdict(list)
        self._patterns: list[tuple[re.Pattern[str], GlossaryTerm]] = []
        self._bags: list[tuple[frozenset[str], GlossaryTerm]] = []
        pattern_firsts: list[str] = []  # the first character of each pattern's literal start
        for entry in entries:
            term = entry.term.lower()
            if "*" in term:
                parts = [re.escape(p) for p in term.split("*")]
                pattern = f".{{0,{WILDCARD_GAP}}}?".join(parts)
                self._patterns.append((re.compile(pattern), entry))
                pattern_firsts.append(term.split("*")[0][:1])
            else:
                self._plain[term].append(entry)
                bag = _word_bag(term, tokenize) if tokenize else frozenset()
                if len(bag) >= 2 and not all(is_common(w) for w in bag):
                    self._bags.append((bag, entry))
        self._plain_terms = sorted(self._plain, key=len, reverse=True)
        # terms and patterns by their first character (a term occurs, a pattern matches, only
        # where that character does) and bags by one of their words, each with its place in
        # the order above: a query looks at the few it can hold instead of all of them
        self._by_first: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for rank, term in enumerate(self._plain_terms):
            self._by_first[term[:1]].append((rank, term))
        self._patterns_by_first: dict[str, list[int]] = defaultdict(list)
        for i, first in enumerate(pattern_firsts):  # "": a pattern opening with `*`
            self._patterns_by_first[first].append(i)
        self._bags_by_word: dict[str, list[int]] = defaultdict(list)
        for i, (bag, _) in enumerate(self._bags):
            self._bags_by_word[min(bag)].append(i)

    def match(
        self, query: str, tokens: Iterable[str] = (), *, specific_elsewhere: bool = False
    ) -> GlossaryMatch:
        """Glossary phrases in query; a phrase inside or across the edge of a longer matched
        phrase does not count again.

        `tokens` (the query's words) enable the any-order word match of multi-word phrases;
        `specific_elsewhere`: the query names its measure otherwise (quotes its wording), so
        generic phrases count as little as beside a specific phrase.
        """
        text = query.lower()
        found: list[GlossaryTerm] = []
        loose: list[GlossaryTerm] = []
        covered: list[tuple[int, int]] = []
        for term in self._present_terms(text):
            span = _free_occurrence(text, term, covered)
            if span is None:
                continue
            covered.append(span)
            found.extend(self._plain[term])
        firsts = {"", *text}
        near = sorted(i for c in firsts for i in self._patterns_by_first.get(c, ()))
        for pattern, entry in (self._patterns[i] for i in near):
            if pattern.search(text):
                found.append(entry)
        words = set(tokens)
        if words:
            seen = {id(e) for e in found}
            near = sorted(i for w in words for i in self._bags_by_word.get(w, ()))
            bags = (self._bags[i] for i in near)
            loose = [e for bag, e in bags if bag <= words and id(e) not in seen]
        votes: dict[int, float] = defaultdict(float)
        # generic wording (怎么办理, 这个政策) says little once a specific phrase matched too
        specific = specific_elsewhere or any(not e.weak for e in found)
        for weight, entries in ((1.0, found), (LOOSE_WEIGHT, loose)):
            for entry in entries:
                share = weight * (WEAK_BESIDE_SPECIFIC if entry.weak and specific else 1.0)
                for article in entry.articles:
                    votes[article] += share / len(entry.articles)
        found = found + loose
        expansions = tuple(dict.fromkeys(e for entry in found for e in entry.expansions))
        terms = tuple(dict.fromkeys(e.term for e in found))
        topical = any(not e.weak for e in found)
        primary = tuple(dict.fromkeys(e.expansions[0] for e in found if e.expansions))
        return GlossaryMatch(terms, expansions, dict(votes), topical, primary)

    def _present_terms(self, text: str) -> list[str]:
        """The plain terms that occur in text, longest first (the order of `_plain_terms`)."""
        firsts = {"", *text}  # "" holds an empty term, which every text holds
        found = [
            (rank, term)
            for first in firsts
            for rank, term in self._by_first.get(first, ())
            if term in text
        ]
        return [term for _, term in sorted(found)]


def _free_occurrence(
    text: str, term: str, covered: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """(start, end) of the first occurrence of term that no longer matched phrase took, or None.

    A phrase inside a longer one counts once, and a shorter one straddling its edge is no word
    of the query (放权 in 碳排放权, where 碳排放 matched); phrases of the same length that
    overlap both count (纯信用 and 信用贷 in 纯信用贷款).
    """
    start = text.find(term)
    while start >= 0:
        end = start + len(term)
        if not any(
            start < e and s < end and (e - s > len(term) or s <= start and end <= e)
            for s, e in covered
        ):
            return start, end
        start = text.find(term, start + 1)
    return None


def _word_bag(term: str, tokenize: Callable[[str], list[str]]) -> frozenset[str]:
    """The smallest words of a phrase, or nothing when they leave a meaningful character out.

    Only filler characters (的, 了, 有…) may fall between the words: 客户经理怕 keeps its
    怕 and 银行没额度 its 没, so neither matches word by word.
    """
    words = {w for w in tokenize(term) if len(w) >= 2}
    bag = frozenset(w for w in words if not any(o != w and o in w for o in words))
    rest = term
    for word in sorted(bag, key=len, reverse=True):
        rest = rest.replace(word, "")
    return bag if all(c in FILLERS for c in rest) else frozenset()
