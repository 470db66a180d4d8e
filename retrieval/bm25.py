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
        self.idf = {
            token: math.log((self.n_docs - len(p) + 0.5) / (len(p) + 0.5) + 1.0)
            for token, p in self.postings.items()
        }

    def scores(self, query: Mapping[str, float]) -> list[float]:
        """Score of every document for query tokens mapped to their weights."""
        out = [0.0] * self.n_docs
        for token, weight in query.items():
            postings = self.postings.get(token)
            if not postings:
                continue
            idf = self.idf[token] * weight
            for i, tf in postings:
                norm = self.k1 * (1 - self.b + self.b * self.doc_len[i] / (self.avg_len or 1.0))
                out[i] += idf * tf * (self.k1 + 1) / (tf + norm)
        return out
