"""An index's vectors (retrieval.vector_reuse): a row whose content hash the previous run
embedded reuses that vector, only the others are embedded (in batches); and the modules of the
storage, web and retrieval layers stay under the module size."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from retrieval.vector_reuse import BATCH, content_hash, reuse_or_embed

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 250


class CountingEmbedder:
    """Embeds each text as [len(text), 1, 0, …] and remembers the batches it was asked for."""

    name = "counting"
    dim = 4

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.batches.append(list(texts))
        return np.array([[len(t), 1, 0, 0] for t in texts], dtype=np.float32)


@pytest.mark.parametrize("known_count", [0, 1, 3])
def test_known_hashes_are_reused_and_the_rest_embedded(known_count: int) -> None:
    texts = ["一", "二二", "三三三"]
    rows = [{"text": t, "hash": content_hash(t)} for t in texts]
    known = {r["hash"]: np.full(4, 9.0, dtype=np.float32) for r in rows[:known_count]}
    embedder = CountingEmbedder()
    vectors, embedded = reuse_or_embed(embedder, rows, known)
    assert embedded == len(texts) - known_count
    assert [t for batch in embedder.batches for t in batch] == texts[known_count:]
    for i, text in enumerate(texts):
        expected = 9.0 if i < known_count else float(len(text))
        assert vectors[i][0] == expected


def test_many_texts_are_embedded_in_batches() -> None:
    rows = [{"text": f"第{i}段", "hash": content_hash(f"第{i}段")} for i in range(BATCH * 2 + 1)]
    embedder = CountingEmbedder()
    vectors, embedded = reuse_or_embed(embedder, rows, {})
    assert embedded == len(rows) and vectors.shape == (len(rows), 4)
    assert [len(b) for b in embedder.batches] == [BATCH, BATCH, 1]


def test_a_content_hash_is_short_and_stable() -> None:
    assert content_hash("续贷") == content_hash("续贷") != content_hash("转贷")
    assert len(content_hash("续贷")) == 16


@pytest.mark.parametrize(
    "path",
    sorted(
        str(p.relative_to(ROOT))
        for folder in ("core", "retrieval", "storage", "web")
        for p in (ROOT / folder).rglob("*.py")
        if "migrations" not in p.parts
    )
    + ["server.py"],
)
def test_modules_stay_under_the_module_size(path: str) -> None:
    lines = (ROOT / path).read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{path}: {lines} lines"
