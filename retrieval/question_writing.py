"""Writing the Q&A question index (`write_questions`) beside the corpus: each question text
normalised like the passages, its jieba tokens, and a USE vector reused by content hash,
into `questions.json` and `question-vectors.npy`; read back by `retrieval.questions.
QuestionIndex.load`."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.embeddings import Embedder
from retrieval.normalize import normalize_text
from retrieval.questions import QUESTION_VECTORS_FILE, QUESTIONS_FILE
from retrieval.records import QuestionText
from retrieval.vector_reuse import content_hash, reuse_or_embed

BATCH = 64


def write_questions(
    index_dir: Path,
    questions: Sequence[QuestionText],
    embedder: Embedder,
    tokenize: Callable[[str], list[str]],
) -> tuple[int, int]:
    """Index the question texts in index_dir; returns (embedded, reused).

    Texts are normalised as the passages are (retrieval.normalize); a vector is reused when
    an earlier run embedded the same text with the same model (content hash).
    """
    index_dir = Path(index_dir)
    rows: list[dict[str, Any]] = []
    for q in questions:
        text = normalize_text(q.text)
        rows.append(
            {
                "entry_id": q.entry_id,
                "n": q.n,
                "topic": q.topic,
                "text": text,
                "tokens": tokenize(text),
                "hash": content_hash(f"{embedder.name}\n{text}"),
            }
        )
    known = _previous_vectors(index_dir)
    vectors, embedded = reuse_or_embed(embedder, rows, known)
    index_dir.mkdir(parents=True, exist_ok=True)
    tmp_vectors = index_dir / "question-vectors.tmp.npy"
    np.save(tmp_vectors, vectors)
    tmp = index_dir / (QUESTIONS_FILE + ".tmp")
    tmp.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    tmp_vectors.replace(index_dir / QUESTION_VECTORS_FILE)
    tmp.replace(index_dir / QUESTIONS_FILE)
    return embedded, len(rows) - embedded


def _previous_vectors(index_dir: Path) -> dict[str, np.ndarray]:
    """Question vectors of the previous run keyed by content hash."""
    path = index_dir / QUESTIONS_FILE
    vectors_path = index_dir / QUESTION_VECTORS_FILE
    if not path.exists() or not vectors_path.exists():
        return {}
    rows = json.loads(path.read_text(encoding="utf-8"))
    vectors = np.load(vectors_path)
    if len(rows) != len(vectors):
        return {}
    return {r["hash"]: vectors[i] for i, r in enumerate(rows)}
