"""A learned scope gate: how likely a message is off-topic, from its sentence embedding and its
character n-grams, confirmed by its nearest labelled wordings, which also name its family.

The model is fitted on labelled wordings (`bot.scope.gate_fit`, data in knowledge/data/scope/;
rebuilt by `python -m bot.scope.gate_train`) and saved to knowledge/data/scope/gate.npz with
these arrays:

- `embedder` (str): the embedder the vectors came from (`Embedder.name`); the gate stays silent
  for a vector of another embedder or size;
- `vector_weights` (float32, dim), `gram_weights` (float32, GRAM_BUCKETS), `bias` (float32): a
  logistic regression, P(off-topic) = σ(vector_weights · v + gram_weights · g + bias), v the
  message's L2-normalised embedding, g its character n-grams (`gram_indices`) each weighing
  1/√(number of n-grams);
- `threshold` (float32): the probability at or above which the nearest wordings are asked
  (above 1: the gate is off);
- `projection` (float32, dim × k): the first k principal axes of the training vectors;
  `bank` (float16, n × k): every training wording's vector projected and normalised;
  `bank_family` (int16, n): the index in `families` of an off-topic wording, -1 for one in scope;
  `families` (str): the declined families; `margin` (float32);
- `digest` (str): the sha256 of the labelled rows of knowledge/data/scope/ fitted on.

A message is judged off-topic when P ≥ threshold and its nearest off-topic wording is closer
(cosine in the projection) than its nearest in-scope wording by more than `margin`; its family is
that off-topic wording's. Whether the judgement is used is the scope decision's
(`bot.scope.decide_scope`): only where the wording shows no strong in-scope evidence.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
import zlib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

GATE_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "scope" / "gate.npz"
GRAM_BUCKETS = 1 << 13
GRAM_SIZES = (1, 2, 3)
# Runs of characters the n-grams are read in: Han characters, or Latin letters and digits.
_RUNS = re.compile(r"[\u4e00-\u9fff]+|[a-z0-9]+")


@dataclass(frozen=True)
class GateModel:
    """The fitted gate (the arrays of `GATE_FILE`, see the module docstring)."""

    embedder: str
    vector_weights: np.ndarray
    gram_weights: np.ndarray
    bias: float
    threshold: float
    projection: np.ndarray
    bank: np.ndarray  # float32 in memory
    bank_family: np.ndarray
    families: tuple[str, ...]
    margin: float = 0.0
    digest: str = ""

    def applies(self, embedder: str, vector: np.ndarray | None) -> bool:
        """The model reads vectors of this embedder and size."""
        return (
            vector is not None
            and embedder == self.embedder
            and vector.shape == self.vector_weights.shape
        )

    def probability(self, vector: np.ndarray, text: str) -> float:
        """P(off-topic) of a message from its embedding and its normalised text."""
        grams = gram_indices(text)
        z = float(self.vector_weights @ vector) + self.bias
        if grams:
            z += float(self.gram_weights[list(grams)].sum()) / len(grams) ** 0.5
        return 1.0 / (1.0 + math.exp(-min(max(z, -60.0), 60.0)))

    @cached_property
    def _split_bank(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(off-topic rows, their family indices, in-scope rows) of the bank, split once."""
        off = self.bank_family >= 0
        bank = np.ascontiguousarray(self.bank, dtype=np.float32)
        return bank[off], self.bank_family[off], bank[~off]

    def nearest(self, vector: np.ndarray) -> tuple[str, float]:
        """The family of the nearest off-topic wording and by how much it is closer than the
        nearest in-scope wording (cosines in the projection)."""
        off, families, inside = self._split_bank
        point = vector @ self.projection
        point = point / max(float(np.linalg.norm(point)), 1e-9)
        sims = off @ point
        best = int(np.argmax(sims))
        closest_inside = float((inside @ point).max(initial=-1.0))
        return self.families[int(families[best])], float(sims[best]) - closest_inside

    def declines(self, vector: np.ndarray, text: str) -> str:
        """The family of a message judged off-topic (see the module docstring), else ""."""
        if self.probability(vector, text) < self.threshold:
            return ""
        family, margin = self.nearest(vector)
        return family if margin > self.margin else ""


@lru_cache(maxsize=8192)
def gram_indices(text: str) -> frozenset[int]:
    """The hashed buckets of a text's character n-grams (sizes `GRAM_SIZES`, read inside runs
    of Han characters or of Latin letters and digits, lower-cased; crc32 so that training and
    serving agree across processes)."""
    found: set[int] = set()
    for run in _RUNS.findall(text.lower()):
        for size in GRAM_SIZES:
            for start in range(len(run) - size + 1):
                gram = run[start : start + size].encode()
                found.add(zlib.crc32(gram) % GRAM_BUCKETS)
    return frozenset(found)


def gram_matrix(texts: list[str]) -> np.ndarray:
    """The n-gram features of texts (float32, len(texts) × GRAM_BUCKETS), as `probability`
    weighs them."""
    rows = np.zeros((len(texts), GRAM_BUCKETS), dtype=np.float32)
    for i, text in enumerate(texts):
        grams = gram_indices(text)
        if grams:
            rows[i, list(grams)] = 1.0 / len(grams) ** 0.5
    return rows


def save_gate(model: GateModel, path: Path = GATE_FILE) -> None:
    """Write the model's arrays (the format of the module docstring): a zip of .npy files with
    fixed entry dates, so that the same model gives the same bytes."""
    arrays: dict[str, np.ndarray] = {
        "embedder": np.array(model.embedder),
        "vector_weights": model.vector_weights.astype(np.float32),
        "gram_weights": model.gram_weights.astype(np.float32),
        "bias": np.array(model.bias, dtype=np.float32),
        "threshold": np.array(model.threshold, dtype=np.float32),
        "projection": model.projection.astype(np.float32),
        "bank": model.bank.astype(np.float16),
        "bank_family": model.bank_family.astype(np.int16),
        "families": np.array(model.families),
        "margin": np.array(model.margin, dtype=np.float32),
        "digest": np.array(model.digest),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.save(buffer, array, allow_pickle=False)
            entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(entry, buffer.getvalue())


def read_gate(path: Path = GATE_FILE) -> GateModel | None:
    """The model saved at path, None when there is none."""
    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as saved:
        return GateModel(
            embedder=str(saved["embedder"]),
            vector_weights=saved["vector_weights"],
            gram_weights=saved["gram_weights"],
            bias=float(saved["bias"]),
            threshold=float(saved["threshold"]),
            projection=saved["projection"],
            bank=saved["bank"].astype(np.float32),
            bank_family=saved["bank_family"],
            families=tuple(str(f) for f in saved["families"]),
            margin=float(saved["margin"]),
            digest=str(saved["digest"]),
        )


@lru_cache(maxsize=1)
def load_gate() -> GateModel | None:
    """The packaged model (`GATE_FILE`), read once."""
    return read_gate()
