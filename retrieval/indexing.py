"""Write the retrieval index: tokens for BM25, passage vectors (reused by content hash), Chroma."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.embeddings import Embedder
from retrieval.homophone_tables import build_tables
from retrieval.index_files import FORMAT_VERSION, load_corpus, passages_of, record_dict, save_corpus
from retrieval.normalize import normalize_text
from retrieval.records import DocRecord, GlossaryTerm
from retrieval.text import ChineseTokenizer, general_dictionary, split_sentences, write_dictionary
from retrieval.vector_reuse import content_hash, previous_vectors, reuse_or_embed

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IndexStats:
    """What an index run did."""

    documents: int
    passages: int
    embedded: int
    reused: int
    removed: int
    seconds: float


def user_words(docs: list[DocRecord], glossary: list[GlossaryTerm]) -> list[str]:
    """Domain words for jieba: glossary phrases, their expansions and document titles."""
    words = {g.term for g in glossary} | {e for g in glossary for e in g.expansions}
    return sorted(words | {d.title for d in docs if len(d.title) <= 12})


def phrase_groups(
    docs: list[DocRecord], glossary: list[GlossaryTerm]
) -> dict[str, list[list[str]]]:
    """Owners' phrases of each glossary row, attached to the measures the row points to.

    Indexing them with the measure (document expansion) lets BM25 and the dense channel match
    everyday wording that the formal policy text never uses.
    """
    rows: dict[str, list[GlossaryTerm]] = {}
    for entry in glossary:
        rows.setdefault(entry.group or entry.term, []).append(entry)
    by_article: dict[int, list[list[str]]] = {}
    for entries in rows.values():
        phrases = [e.term.replace("*", "") for e in entries]
        for article in entries[0].articles:
            by_article.setdefault(article, []).append(phrases)
    return {
        d.doc_id: by_article.get(d.articles[0], [])
        for d in docs
        if d.kind == "measure" and d.articles
    }


def write_index(
    index_dir: Path,
    docs: list[DocRecord],
    glossary: list[GlossaryTerm],
    embedder: Embedder,
    chroma_url: str = "",
    progress: bool = True,
    notes: dict[str, list[str]] | None = None,
    terms: list[str] | None = None,
    collection: str | None = None,
) -> IndexStats:
    """Build or refresh the index in index_dir, embedding only passages whose text changed.

    notes: further texts that belong to a document (doc_id → texts: the plain-language
    points of a measure), indexed as its passages `doc_id#pN` and in its BM25 text;
    terms: further domain words for homophone repair (the points' keywords).
    `collection` names the Chroma collection (kept in the corpus, read back by the retriever;
    default: the one the previous run used, else "policybot"); a published version gets its own
    on a Chroma server so instances still serving the previous one are not disturbed.
    """
    started = time.perf_counter()
    notes = notes or {}
    groups = phrase_groups(docs, glossary)
    words = user_words(docs, glossary)
    texts = [normalize_text(_bm25_text(d, groups, notes.get(d.doc_id, []))) for d in docs]
    tokenizer = ChineseTokenizer(write_dictionary(index_dir, words, "\n".join([*texts, *words])))
    doc_tokens = [tokenizer.tokens(text) for text in texts]
    passages = []
    for doc in docs:
        parts = passages_of(doc, split_sentences(doc.text), groups.get(doc.doc_id, []))
        parts += [
            (f"{doc.doc_id}#p{i}", note)
            for i, note in enumerate(notes.get(doc.doc_id, []), start=1)
        ]
        for pid, text in parts:
            passages.append(
                {
                    "id": pid,
                    "doc_id": doc.doc_id,
                    "text": text,
                    "hash": content_hash(f"{embedder.name}\n{text}"),
                }
            )
    known = previous_vectors(index_dir)
    collection = collection or _previous_collection(index_dir)
    vectors, embedded = reuse_or_embed(embedder, passages, known, progress)
    payload = {
        "version": FORMAT_VERSION,
        "embedder": embedder.name,
        "docs": [record_dict(d) for d in docs],
        "doc_tokens": doc_tokens,
        "homophones": homophone_tables(docs, glossary, [*words, *(terms or [])], tokenizer),
        "passages": passages,
        "glossary": [record_dict(g) for g in glossary],  # type: ignore[arg-type]
        "collection": collection,
    }
    save_corpus(index_dir, payload, vectors)
    removed = _sync_chroma(index_dir, chroma_url, embedder, passages, vectors, collection)
    stats = IndexStats(
        len(docs),
        len(passages),
        embedded,
        len(passages) - embedded,
        removed,
        round(time.perf_counter() - started, 3),
    )
    log.debug("index: %s", stats)  # commands print their own result (policybot index)
    return stats


def homophone_tables(
    docs: list[DocRecord],
    glossary: list[GlossaryTerm],
    words: list[str],
    tokenizer: ChineseTokenizer,
) -> dict[str, Any]:
    """Pinyin tables for repairing slips on domain words (see retrieval.homophones).

    The vocabulary is the domain's own words: glossary phrases and policy terms (and the words
    of the policy terms), titles, aliases and the given words — not every word of the texts,
    whose general words (结果, 一般) would "repair" ordinary wording. Weak glossary phrases
    (讲了什么, 这个文件) are generic wording, not domain words: no slip is read as one of them
    (减了什么 stays).
    """
    strong = {entry.term for entry in glossary if not entry.weak}
    vocabulary = set(words) - {e.term for e in glossary if e.weak and e.term not in strong}
    for entry in glossary:
        for term in entry.expansions:
            vocabulary.update(tokenizer.tokens(term))
    for doc in docs:
        vocabulary.update(doc.aliases)
        vocabulary.update(tokenizer.tokens(doc.title))
    return build_tables(vocabulary, general_dictionary())


def _bm25_text(doc: DocRecord, groups: dict[str, list[list[str]]], notes: list[str]) -> str:
    """What BM25 indexes for a document: title, text, notes and the owners' phrases for it."""
    phrases = ("、".join(g) for g in groups.get(doc.doc_id, []))
    return "。".join([doc.title, doc.text, *notes, *phrases])


def _previous_collection(index_dir: Path) -> str:
    """The Chroma collection the index in index_dir uses ("policybot" when new)."""
    from retrieval.chroma_store import COLLECTION

    loaded = load_corpus(index_dir)
    return str(loaded[0].get("collection") or COLLECTION) if loaded else COLLECTION


def _sync_chroma(
    index_dir: Path,
    chroma_url: str,
    embedder: Embedder,
    passages: list[dict[str, Any]],
    vectors: np.ndarray,
    collection: str,
) -> int:
    """Mirror the passages into Chroma (upsert changed, delete gone); returns deletions."""
    from retrieval.chroma_store import ChromaStore, open_client

    store = ChromaStore(open_client(index_dir, chroma_url), embedder, name=collection)
    stored = store.collection.get(include=["metadatas"])
    stored_hash = {
        pid: (meta or {}).get("hash")
        for pid, meta in zip(stored["ids"], stored["metadatas"] or [], strict=False)
    }
    changed = [i for i, p in enumerate(passages) if stored_hash.get(p["id"]) != p["hash"]]
    store.upsert(
        [passages[i]["id"] for i in changed],
        vectors[changed],
        [passages[i]["text"] for i in changed],
        [{"doc_id": passages[i]["doc_id"], "hash": passages[i]["hash"]} for i in changed],
    )
    gone = sorted(set(stored_hash) - {p["id"] for p in passages})
    store.delete(gone)
    return len(gone)
