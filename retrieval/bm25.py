"""Okapi BM25 over pre-tokenised documents, with weighted query terms."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence


class BM25:
    """BM25 (k1, b) scores of documents for a bag of weighted query tokens."""

    def __init__(self, corpus: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        """Index the token lists; document i of the corpus is score index i."""
        self.k1 = k1
        self.b = b
        self.n_docs = len(corpus)
        self.doc_len = [len(doc) for doc in corpus]
        self.avg_len = (sum(self.doc_len) / self.n_docs) if self.n_docs else 0.0
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for i, doc in enumerate(corpus):
            for token, tf in Counter(doc).items():
                self.postings.setdefault(token, []).append((i, tf))
        # each posting's tf · (k1 + 1) numerator factor and tf + norm denominator, worked out
        # once (the same floats `scores` computed per query before)
        norm = [self.k1 * (1 - self.b + self.b * n / (self.avg_len or 1.0)) for n in self.doc_len]
        self._terms: dict[str, list[tuple[int, int, float]]] = {
            token: [(i, tf, tf + norm[i]) for i, tf in p] for token, p in self.postings.items()
        }
        self.idf = {
            token: math.log((self.n_docs - len(p) + 0.5) / (len(p) + 0.5) + 1.0)
            for token, p in self.postings.items()
        }

    def scores(self, query: Mapping[str, float]) -> list[float]:
        """Score of every document for query tokens mapped to their weights."""
        out = [0.0] * self.n_docs
        k1_1 = self.k1 + 1
        for token, weight in query.items():
            postings = self._terms.get(token)
            if not postings:
                continue
            idf = self.idf[token] * weight
            for i, tf, denominator in postings:
                out[i] += idf * tf * k1_1 / denominator
        return out
