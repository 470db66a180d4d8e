"""Fitting the scope gate (`bot.scope.gate`): labelled rows, a weighted logistic regression and
the family centroids, in numpy, deterministic (no random start, full-batch steps).

Data: every knowledge/data/scope/*.jsonl file, one JSON object a line with `text`, `kind`
(`oos`: declined; `near` or `in`: in scope) and, for `oos`, `family` (a declined family of
`bot.scope.families.NAMES`); plus every question and phrasing of the Q&A entries
(knowledge/data/qa/), in scope by construction. A malformed line raises GateDataError naming
the file and the line.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.scope.gate import GRAM_BUCKETS, GateModel, gram_matrix

KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "data"
SCOPE_DIR = KNOWLEDGE_DIR / "scope"
KINDS = frozenset({"oos", "near", "in"})


class GateDataError(ValueError):
    """A training file's line is not a labelled row."""


@dataclass(frozen=True)
class Row:
    """One labelled wording: off-topic (`oos`, with its family) or in scope."""

    text: str
    oos: bool
    family: str = ""
    source: str = ""


@dataclass(frozen=True)
class Knobs:
    """Knobs of `fit`: L2 weight per block, steps and step size; the decision's threshold and
    margin, and the axes of the projection (`bot.scope.gate`)."""

    vector_l2: float = 1e-3
    gram_l2: float = 1e-3
    steps: int = 400
    rate: float = 0.05
    threshold: float = 0.75
    margin: float = 0.0
    axes: int = 128  # principal axes the nearest wordings are compared on


def read_rows(folder: Path = SCOPE_DIR) -> list[Row]:
    """The labelled rows of folder's *.jsonl files, in file and line order."""
    rows: list[Row] = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                data = json.loads(line)
            except json.JSONDecodeError as err:
                raise GateDataError(f"{where}: not JSON ({err.msg})") from err
            text, kind = str(data.get("text", "")).strip(), data.get("kind")
            if not text or kind not in KINDS:
                raise GateDataError(f"{where}: needs 'text' and 'kind' (oos, near or in)")
            family = str(data.get("family") or "") if kind == "oos" else ""
            if kind == "oos" and not family:
                raise GateDataError(f"{where}: an 'oos' row needs its 'family'")
            rows.append(Row(text, kind == "oos", family, where))
    return rows


def qa_rows(knowledge_dir: Path = KNOWLEDGE_DIR) -> list[Row]:
    """Every question and phrasing of the Q&A entries, as in-scope rows."""
    from knowledge.qa.files import load_qa

    return [
        Row(text, False, "", f"qa:{entry.id}")
        for entry in load_qa(knowledge_dir)
        for text in entry.questions
    ]


def digest(rows: list[Row]) -> str:
    """sha256 over the rows' texts, labels and families (what a saved model was fitted on)."""
    hashed = hashlib.sha256()
    for row in rows:
        hashed.update(f"{row.text}\t{int(row.oos)}\t{row.family}\n".encode())
    return hashed.hexdigest()


def fit_weights(
    features: np.ndarray, labels: np.ndarray, knobs: Knobs, dim: int
) -> tuple[np.ndarray, float]:
    """Logistic-regression weights and bias over features (rows: vector block of `dim`
    columns, then the n-gram block), each class weighing half of the loss; L2 per block;
    Adam steps on the full batch from zero."""
    n, width = features.shape
    positive = max(float(labels.sum()), 1.0)
    sample = np.where(labels > 0, 0.5 / positive, 0.5 / max(n - positive, 1.0))
    l2 = np.full(width, knobs.gram_l2, dtype=np.float64)
    l2[:dim] = knobs.vector_l2
    w = np.zeros(width + 1)
    x = np.hstack([features, np.ones((n, 1), dtype=features.dtype)]).astype(np.float64)
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, knobs.steps + 1):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ ((p - labels) * sample)
        grad[:-1] += l2 * w[:-1]
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= knobs.rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return w[:-1], float(w[-1])


def features_of(vectors: np.ndarray, texts: list[str]) -> np.ndarray:
    """The gate's features of prepared texts: their vectors, then their n-grams."""
    return np.hstack([vectors.astype(np.float32), gram_matrix(texts)])


def fit(
    rows: list[Row], texts: list[str], vectors: np.ndarray, embedder: str, knobs: Knobs
) -> GateModel:
    """The gate fitted on rows (texts: the rows as prepared; vectors: their embeddings)."""
    dim = vectors.shape[1]
    labels = np.array([row.oos for row in rows], dtype=np.float64)
    weights, bias = fit_weights(features_of(vectors, texts), labels, knobs, dim)
    families = sorted({row.family for row in rows if row.oos})
    axes = np.linalg.svd(vectors.astype(np.float64), full_matrices=False)[2][: knobs.axes]
    projection = axes.T.astype(np.float32)
    bank = vectors @ projection
    bank /= np.maximum(np.linalg.norm(bank, axis=1, keepdims=True), 1e-9)
    index = {family: i for i, family in enumerate(families)}
    return GateModel(
        embedder=embedder,
        vector_weights=weights[:dim].astype(np.float32),
        gram_weights=weights[dim : dim + GRAM_BUCKETS].astype(np.float32),
        bias=bias,
        threshold=knobs.threshold,
        projection=projection,
        bank=bank.astype(np.float32),
        bank_family=np.array([index[r.family] if r.oos else -1 for r in rows], dtype=np.int16),
        families=tuple(families),
        margin=knobs.margin,
        digest=digest([row for row in rows if not row.source.startswith("qa:")]),
    )
