"""The on-disk index: corpus.json (docs, passages, tokens, glossary), vectors.npy, manifest."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.records import DocRecord, GlossaryTerm

CORPUS_FILE = "corpus.json"
VECTORS_FILE = "vectors.npy"
FORMAT_VERSION = 3  # 3: homophone tables, normalised BM25 text


def passages_of(
    doc: DocRecord, sentences: list[str], phrase_groups: list[list[str]]
) -> list[tuple[str, str]]:
    """(passage id, text): the title, each sentence after the title, each owners' phrase group."""
    out = [(f"{doc.doc_id}#0", doc.title)]
    for i, sentence in enumerate(sentences, start=1):
        out.append((f"{doc.doc_id}#{i}", f"{doc.title}：{sentence}"))
    for i, phrases in enumerate(phrase_groups, start=1):
        out.append((f"{doc.doc_id}#g{i}", "、".join(phrases)))
    return out


def save_corpus(index_dir: Path, payload: dict[str, Any], vectors: np.ndarray) -> None:
    """Write corpus.json and vectors.npy atomically (temp file, then rename)."""
    index_dir.mkdir(parents=True, exist_ok=True)
    tmp = index_dir / (CORPUS_FILE + ".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    tmp_vec = index_dir / "vectors.tmp.npy"
    np.save(tmp_vec, vectors.astype(np.float32))
    tmp_vec.replace(index_dir / VECTORS_FILE)
    tmp.replace(index_dir / CORPUS_FILE)


def load_corpus(index_dir: Path) -> tuple[dict[str, Any], np.ndarray] | None:
    """The saved corpus and passage vectors, or None when there is no (current) index."""
    corpus_path = index_dir / CORPUS_FILE
    vectors_path = index_dir / VECTORS_FILE
    if not corpus_path.exists() or not vectors_path.exists():
        return None
    payload = json.loads(corpus_path.read_text(encoding="utf-8"))
    if payload.get("version") != FORMAT_VERSION:
        return None
    return payload, np.load(vectors_path)


def docs_from(payload: dict[str, Any]) -> list[DocRecord]:
    """DocRecords of a saved corpus."""
    return [
        DocRecord(
            d["doc_id"],
            d["title"],
            d["text"],
            tuple(d["articles"]),
            d["kind"],
            tuple(d.get("aliases", ())),
            d.get("units", ""),
        )
        for d in payload["docs"]
    ]


def glossary_from(payload: dict[str, Any]) -> list[GlossaryTerm]:
    """GlossaryTerms of a saved corpus."""
    return [
        GlossaryTerm(
            g["term"],
            tuple(g["expansions"]),
            tuple(g["articles"]),
            g.get("group", ""),
            g.get("weak", False),
        )
        for g in payload["glossary"]
    ]


def record_dict(doc: DocRecord) -> dict[str, Any]:
    """JSON form of a DocRecord."""
    return asdict(doc)
