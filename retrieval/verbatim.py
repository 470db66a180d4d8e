"""Verbatim phrases: a query that quotes a measure's own wording points at that measure.

An owner who copies a phrase from the measures ("追加纯信用贷款", "贷款全流程限时制") names the
article as surely as a glossary phrase does, even when a shorter glossary word (信用贷) points
at a neighbouring one. Every run of `GRAM` Chinese characters of a measure's text that occurs in
no other measure is kept; the query's runs found there vote for their article, one vote per
run, at most `CAP`. A run the measure only has as the tail of a negated word (动产抵押登记 of
不动产抵押登记), and the runs overlapping it, are quoted only when the query negates it too.
Built from the indexed documents when the retriever loads.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

GRAM = 5  # characters: shorter runs (民营小微, 银行机构) recur across the measures
CAP = 3.0  # votes of one article from quoted runs
NEGATIONS = frozenset("不非无未")  # a word they open means the opposite of its tail (不动产)
# A run that opens or closes on a particle (小微企业的) is common words cut at a grammatical
# seam, no wording of one measure: owners write it about anything.
EDGE_PARTICLES = frozenset("的了和与及或之其等")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def grams(text: str) -> set[str]:
    """Every run of GRAM Chinese characters in text (punctuation and digits break runs)."""
    return {gram for gram, _ in placed_grams(text)}


def placed_grams(text: str) -> set[tuple[str, str]]:
    """(gram, the character before it in its run, "" at the run's start) for every gram."""
    return {
        (run[i : i + GRAM], run[i - 1] if i else "")
        for run in _CJK_RUN.findall(text)
        for i in range(len(run) - GRAM + 1)
    }


class VerbatimPhrases:
    """The measures' unique runs of GRAM characters, by article."""

    def __init__(self, docs: Iterable[Any]) -> None:
        """docs: records with `kind`, `articles`, `title` and `text`
        (retrieval.records.DocRecord); only measures (one article each) are read."""
        owners: dict[str, set[int]] = defaultdict(set)
        before: dict[str, set[str]] = defaultdict(set)
        for doc in docs:
            if doc.kind == "measure" and len(doc.articles) == 1:
                # the title is left out: the reading puts the focus title before a follow-up
                title = grams(doc.title)
                for gram, prev in placed_grams(doc.text):
                    if gram not in title:
                        owners[gram].add(doc.articles[0])
                        before[gram].add(prev)
        self._article = {
            g: next(iter(a))
            for g, a in owners.items()
            if len(a) == 1 and g[0] not in EDGE_PARTICLES and g[-1] not in EDGE_PARTICLES
        }
        # runs found only right after a negation: 动产抵押登记 is no quote of 不动产抵押登记
        self._negated = {g for g in self._article if before[g] <= NEGATIONS}

    def votes(self, query: str) -> dict[int, float]:
        """{article: votes} for the measures whose own unique runs the query quotes."""
        count: dict[int, float] = defaultdict(float)
        quoted: set[str] = set()
        for run in _CJK_RUN.findall(query):
            skip_until = 0  # grams overlapping the start of a negated word's tail
            for i in range(len(run) - GRAM + 1):
                gram = run[i : i + GRAM]
                if gram in self._negated and (i == 0 or run[i - 1] not in NEGATIONS):
                    skip_until = i + GRAM
                if i >= skip_until:
                    quoted.add(gram)
        for gram in quoted:
            article = self._article.get(gram)
            if article is not None:
                count[article] += 1.0
        return {a: min(c, CAP) for a, c in count.items()}
