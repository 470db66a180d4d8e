"""Chroma vector store: embedded PersistentClient, or a Chroma server when CHROMA_URL is set."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np
from chromadb import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from retrieval.embeddings import Embedder, UseEmbedder

log = logging.getLogger(__name__)

COLLECTION = "policybot"


@register_embedding_function
class ChromaEmbedding(EmbeddingFunction[Documents]):
    """Chroma embedding function over our Embedder (USE offline by default)."""

    def __init__(self, embedder: Embedder | None = None) -> None:
        """Wrap embedder (a fresh USE embedder when None)."""
        self._embedder = embedder or UseEmbedder()

    def __call__(self, input: Documents) -> Embeddings:
        """Vectors of the documents."""
        return list(self._embedder.embed(list(input)))

    @staticmethod
    def name() -> str:
        """Registered name of this embedding function."""
        return "policybot-embedder"

    def get_config(self) -> dict[str, Any]:
        """Serializable config: the embedder's name."""
        return {"embedder": self._embedder.name}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbedding:
        """Rebuild from config (USE is the only embedder that needs no settings)."""
        return ChromaEmbedding()

    def default_space(self) -> Any:
        """Vectors are normalised: cosine distance."""
        return "cosine"


def open_client(index_dir: Path, chroma_url: str = "") -> Any:
    """HttpClient for chroma_url, else a PersistentClient in index_dir/chroma; telemetry off."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if chroma_url:
        url = urlparse(chroma_url)
        return chromadb.HttpClient(
            host=url.hostname or "127.0.0.1",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            settings=chroma_settings,
        )
    return chromadb.PersistentClient(path=str(index_dir / "chroma"), settings=chroma_settings)


class ChromaStore:
    """The passage collection: upsert, delete and nearest-neighbour queries."""

    def __init__(self, client: Any, embedder: Embedder, name: str = COLLECTION) -> None:
        """Open (or create) the collection with cosine distance."""
        self.collection = client.get_or_create_collection(
            name=name,
            embedding_function=ChromaEmbedding(embedder),
            metadata={"hnsw:space": "cosine"},
        )

    def ids(self) -> set[str]:
        """Ids of all stored passages."""
        return set(self.collection.get(include=[])["ids"])

    def upsert(
        self, ids: list[str], vectors: np.ndarray, texts: list[str], metas: list[dict[str, Any]]
    ) -> None:
        """Insert or replace passages with their precomputed vectors."""
        for start in range(0, len(ids), 256):
            end = start + 256
            self.collection.upsert(
                ids=ids[start:end],
                embeddings=[v.tolist() for v in vectors[start:end]],
                documents=texts[start:end],
                metadatas=metas[start:end],
            )

    def delete(self, ids: list[str]) -> None:
        """Remove passages."""
        if ids:
            self.collection.delete(ids=ids)

    def query(self, vector: np.ndarray, n: int) -> list[tuple[str, float]]:
        """(passage id, cosine similarity) of the n nearest passages."""
        n = max(1, min(n, self.collection.count()))
        found = self.collection.query(query_embeddings=[vector.tolist()], n_results=n)
        pairs = zip(found["ids"][0], found["distances"][0], strict=True)
        return [(pid, 1.0 - float(d)) for pid, d in pairs]


def drop_collection(chroma_url: str, name: str) -> None:
    """Delete a collection from the Chroma server (missing is fine)."""
    try:
        open_client(Path("."), chroma_url).delete_collection(name)
    except Exception:
        log.info("chroma collection %s not dropped (already gone?)", name)


def open_store(index_dir: Path, chroma_url: str, embedder: Any, name: str | None) -> ChromaStore:
    """The index's collection (`name`, else COLLECTION) on the Chroma server at chroma_url."""
    return ChromaStore(open_client(index_dir, chroma_url), embedder, name=name or COLLECTION)
