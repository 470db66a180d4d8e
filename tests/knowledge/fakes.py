"""A deterministic fake embedder for index tests."""

from __future__ import annotations

import hashlib

import numpy as np


class FakeEmbedder:
    """Deterministic hash-seeded vectors; records every text it embeds."""

    name = "fake-16"

    def __init__(self) -> None:
        """Start with no embedded texts."""
        self.seen: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        """One unit vector per text, seeded by the text's hash."""
        self.seen.extend(texts)
        rows = []
        for text in texts:
            seed = int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)
            row = np.random.default_rng(seed).normal(size=16)
            rows.append(row / np.linalg.norm(row))
        return np.array(rows, dtype=np.float32)
