"""Verbatim phrases: a query that quotes a measure's own wording points at that measure.

An owner who copies a phrase from the measures ("追加纯信用贷款", "贷款全流程限时制") names the
article as surely as a glossary phrase does, even when a shorter glossary word (信用贷) points
at a neighbouring one. Every run of `GRAM` Chinese characters of a measure's text that occurs in
no other measure is kept; the query's runs found there vote for their article, one vote per
run, at most `CAP`. Built from the indexed documents when the retriever loads.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

GRAM = 5  # characters: shorter runs (民营小微, 银行机构) recur across the measures
CAP = 3.0  # votes of one article from quoted runs
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def grams(text: str) -> set[str]:
    """Every run of GRAM Chinese characters in text (punctuation and digits break runs)."""
    return {run[i : i + GRAM] for run in _CJK_RUN.findall(text) for i in range(len(run) - GRAM + 1)}


class VerbatimPhrases:
    """The measures' unique runs of GRAM characters, by article."""

    def __init__(self, docs: Iterable[Any]) -> None:
        """docs: records with `kind`, `articles`, `title` and `text`
        (retrieval.records.DocRecord); only measures (one article each) are read."""
        owners: dict[str, set[int]] = defaultdict(set)
        for doc in docs:
            if doc.kind == "measure" and len(doc.articles) == 1:
                # the title is left out: the reading puts the focus title before a follow-up
                for gram in grams(doc.text) - grams(doc.title):
                    owners[gram].add(doc.articles[0])
        self._article = {g: next(iter(a)) for g, a in owners.items() if len(a) == 1}

    def votes(self, query: str) -> dict[int, float]:
        """{article: votes} for the measures whose own unique runs the query quotes."""
        count: dict[int, float] = defaultdict(float)
        for gram in grams(query):
            article = self._article.get(gram)
            if article is not None:
                count[article] += 1.0
        return {a: min(c, CAP) for a, c in count.items()}
