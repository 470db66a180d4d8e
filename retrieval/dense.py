"""Dense scores per document: the best cosine similarity of any of its passages."""

from __future__ import annotations

from typing import Any

import numpy as np

from retrieval.query_analysis import SERVER_PASSAGES


def best_per_doc(sims: np.ndarray, passage_doc: np.ndarray, n_docs: int) -> np.ndarray:
    """Per document, the best of its passages' similarities (-1 for a document without any)."""
    best = np.full(n_docs, -1.0, dtype=np.float32)
    np.maximum.at(best, passage_doc, sims)
    return best


def store_best_per_doc(
    store: Any,
    vector: np.ndarray,
    passage_ids: list[str],
    passage_doc: np.ndarray,
    n_docs: int,
) -> np.ndarray:
    """`best_per_doc` over the SERVER_PASSAGES nearest passages a dense store (Chroma) returns;
    passages it names that the loaded index lacks are skipped."""
    best = np.full(n_docs, -1.0, dtype=np.float32)
    pos = {pid: i for i, pid in enumerate(passage_ids)}
    for pid, sim in store.query(vector, SERVER_PASSAGES):
        if pid in pos:
            d = passage_doc[pos[pid]]
            best[d] = max(best[d], sim)
    return best
