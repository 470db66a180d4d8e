"""Open the serving index's retriever for the answerer (building the index when missing)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from core.settings import Settings
from retrieval.retriever import IndexMissingError, Retriever

log = logging.getLogger(__name__)


def open_retriever(settings: Settings, embedder: Any = None) -> Retriever:
    """The retriever over settings' index, built (or rebuilt when outdated) first if needed.

    `embedder` reuses an already loaded embedding model; the model warms while the index loads.
    """
    from knowledge.indexer import build_index, index_exists
    from retrieval.embeddings import make_embedder

    index_dir = Path(settings.resolved_index_dir)
    if not index_exists(index_dir):
        log.info("no index in %s, building it", index_dir)
        build_index(settings)
    _use_one_blas_thread()
    embedder = embedder or make_embedder(settings)
    warm = getattr(embedder, "warm", None)
    warming = threading.Thread(target=warm, daemon=True) if warm is not None else None
    if warming is not None:
        warming.start()  # the model loads while jieba and the index load
    try:
        retriever = Retriever.load(index_dir, embedder, chroma_url=settings.chroma_url)
    except IndexMissingError:
        log.info("index in %s is outdated, rebuilding it", index_dir)
        build_index(settings)
        retriever = Retriever.load(index_dir, embedder, chroma_url=settings.chroma_url)
    if warming is not None:
        warming.join()
    return retriever


def _use_one_blas_thread() -> None:
    """Limit BLAS to one thread in this (serving) process.

    An answer needs only small matrix products; with two BLAS threads, p95 rose from 6 ms to
    15 ms when another process kept one of the two cores busy (measured with `policybot bench`'s
    child under a CPU burner). Process-wide on purpose: the answer path is the hot path.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
