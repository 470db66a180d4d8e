"""An index's vectors: content hashes, the previous run's vectors reused by hash, the others
embedded in batches (`retrieval.indexing` for passages, `retrieval.question_writing` for the
Q&A phrasings)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.embeddings import Embedder
from retrieval.index_files import load_corpus

BATCH = 32


def content_hash(text: str) -> str:
    """Stable short hash of a text, used to skip re-embedding unchanged content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def previous_vectors(index_dir: Path) -> dict[str, np.ndarray]:
    """Vectors of the previous run keyed by content hash."""
    loaded = load_corpus(index_dir)
    if loaded is None:
        return {}
    payload, vectors = loaded
    if len(payload["passages"]) != len(vectors):
        return {}
    return {p["hash"]: vectors[i] for i, p in enumerate(payload["passages"])}


def reuse_or_embed(
    embedder: Embedder,
    rows: Sequence[dict[str, Any]],
    known: dict[str, np.ndarray],
    progress: bool = False,
) -> tuple[np.ndarray, int]:
    """(vectors, how many were embedded) for rows with "text" and "hash": a row whose hash has a
    vector in `known` (the previous index's) reuses it, the others are embedded in batches."""
    todo = [i for i, r in enumerate(rows) if r["hash"] not in known]
    fresh = embed_batches(embedder, [rows[i]["text"] for i in todo], progress)
    dim = fresh.shape[1] if len(todo) else (len(next(iter(known.values()))) if known else 512)
    vectors = np.zeros((len(rows), dim), dtype=np.float32)
    for row, i in enumerate(todo):
        vectors[i] = fresh[row]
    for i, r in enumerate(rows):
        if r["hash"] in known:
            vectors[i] = known[r["hash"]]
    return vectors, len(todo)


def embed_batches(embedder: Embedder, texts: list[str], progress: bool) -> np.ndarray:
    """Embed texts in batches, with a progress bar when there are many."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    from tqdm import tqdm

    parts = []
    with tqdm(
        total=len(texts), desc="embedding", unit="passage", disable=not progress or len(texts) < 200
    ) as bar:
        for start in range(0, len(texts), BATCH):
            parts.append(embedder.embed(texts[start : start + BATCH]))
            bar.update(len(parts[-1]))
    return np.vstack(parts)
