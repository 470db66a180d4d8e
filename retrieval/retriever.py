"""Hybrid retriever: BM25 over jieba tokens + dense USE + glossary expansion, fused by score."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.articles import ArticleRefs
from retrieval.blas import one_blas_thread
from retrieval.bm25 import BM25
from retrieval.dense import best_per_doc, store_best_per_doc
from retrieval.embeddings import Embedder
from retrieval.fusion import Weights, fuse
from retrieval.glossary_match import GlossaryMatcher
from retrieval.homophones import HomophoneRepairer, Repair
from retrieval.index_files import docs_from, glossary_from, load_corpus
from retrieval.memo import kept
from retrieval.mentions import Mentions
from retrieval.prepare import cached_preparers
from retrieval.query_analysis import (
    COMMON_IDF,
    PRIMARY_TERM_BONUS,
    SERVER_PASSAGES,
    IndexMissingError,
    QueryAnalysis,
    doc_masks,
    doc_votes,
    lowered_aliases,
    ranked_hits,
)
from retrieval.query_vectors import QueryVectors
from retrieval.questions import QuestionIndex
from retrieval.records import Hit
from retrieval.sentence_scores import doc_sentences, score_sentences
from retrieval.text import DICT_FILE, ChineseTokenizer
from retrieval.units import ResponsibleUnits
from retrieval.verbatim import VerbatimPhrases

__all__ = [
    "COMMON_IDF",
    "PRIMARY_TERM_BONUS",
    "SERVER_PASSAGES",
    "IndexMissingError",
    "QueryAnalysis",
    "Retriever",
]


class Retriever(QueryVectors):
    """`search(query, k) -> list[Hit]` over documents; `rank_articles` over measure articles;
    `match_questions(prepared, k) -> list[QaHit]` over the Q&A questions."""

    def __init__(
        self,
        payload: dict[str, Any],
        vectors: np.ndarray,
        embedder: Embedder,
        index_dir: Path,
        dense_store: Any = None,
        weights: Weights | None = None,
        questions: QuestionIndex | None = None,
    ) -> None:
        """Build the in-memory structures from a saved corpus (no re-tokenising of documents)."""
        self.docs = docs_from(payload)
        self.tokenizer = ChineseTokenizer(index_dir / DICT_FILE)
        self.bm25 = BM25(payload["doc_tokens"])
        self.glossary_terms = glossary_from(payload)  # as saved with the index
        self.glossary = GlossaryMatcher(
            self.glossary_terms,
            self.tokenizer.tokens,
            is_common=lambda word: self.bm25.idf.get(word, COMMON_IDF) < COMMON_IDF,
        )
        self.embedder = embedder
        self.weights = weights or Weights()
        self.vectors = vectors
        self.passage_ids = [p["id"] for p in payload["passages"]]
        self.passage_texts = [p["text"] for p in payload["passages"]]
        doc_index = {d.doc_id: i for i, d in enumerate(self.docs)}
        self.passage_doc = np.array([doc_index[p["doc_id"]] for p in payload["passages"]])
        self._aliases = lowered_aliases(self.docs)  # what doc_masks looks for, once
        self.dense_store = dense_store
        self.homophones = HomophoneRepairer.from_tables(payload.get("homophones"))
        self.verbatim = VerbatimPhrases(self.docs)
        self.units = ResponsibleUnits(self.docs)
        self.mentions = Mentions(self.docs)
        self.article_refs = ArticleRefs(self.docs)
        self.proper_names: tuple[re.Pattern[str], ...] = ()  # kept whole by the slip repair
        self.questions = questions or QuestionIndex([], [], np.zeros((0, 1), np.float32))
        # (passage index, sentence, its tokens) of a document's sentence passages: a pure
        # function of the loaded index, kept per document after first use
        self._sentences = lru_cache(None)(
            lambda doc_id: doc_sentences(
                doc_id,
                self.passage_ids,
                self.passage_texts,
                lambda i: self.docs[self.passage_doc[i]].title,
                self.tokenizer.tokens,
            )
        )
        self._prepared, self._repaired = cached_preparers(self.homophones, self.tokenizer.log_prob)
        # the tokens of a glossary expansion (a fixed phrase of the index), once per phrase
        self._phrase_tokens = lru_cache(8192)(lambda phrase: tuple(self.tokenizer.tokens(phrase)))
        self.tokenizer.tokens("预热")  # loads jieba's HMM tables now, not on the first question

    @classmethod
    def load(cls, index_dir: Path, embedder: Embedder, chroma_url: str = "") -> Retriever:
        """Open the index in index_dir; dense search goes to the Chroma server if chroma_url.

        The process answers questions from now on: its BLAS runs on one thread
        (`retrieval.blas`)."""
        one_blas_thread()
        loaded = load_corpus(index_dir)
        if loaded is None:
            raise IndexMissingError(f"no index in {index_dir}; run `policybot index`")
        payload, vectors = loaded
        store = None
        if chroma_url:  # imported only then: chromadb's client is slow to import
            from retrieval.chroma_store import open_store

            store = open_store(index_dir, chroma_url, embedder, payload.get("collection"))
        questions = QuestionIndex.load(index_dir)
        return cls(payload, vectors, embedder, index_dir, dense_store=store, questions=questions)

    def _dense(self, vector: np.ndarray) -> np.ndarray:
        """Best passage cosine similarity per document."""
        if self.dense_store is not None:
            return store_best_per_doc(
                self.dense_store, vector, self.passage_ids, self.passage_doc, len(self.docs)
            )
        return best_per_doc(self.vectors @ vector, self.passage_doc, len(self.docs))

    def prepare(self, query: str) -> tuple[str, list[Repair]]:
        """The query as ranked: normalised (retrieval.normalize), pinyin slips repaired.

        No repair touches a 第N条 reference or a match of `proper_names` (a bank's name).
        A pure function of the query and `proper_names` over this index: cached per pair.
        """
        text, repairs = self._prepared(query, self.proper_names)
        return text, list(repairs)

    def analyse_and_score(
        self, query: str, *, prepared: bool = False
    ) -> tuple[QueryAnalysis, list[Hit]]:
        """Score every document for query; return the analysis and all hits, best first.

        prepared: the query already went through `prepare` (not normalised again).
        """
        if not prepared:
            query = self.prepare(query)[0]
        analysis, hits = kept(
            self,
            "analyse",
            query,
            lambda: self._analyse(query),
            variant=self.vector_source(query),
            seeds=lambda found: [("embed", query, found[0].vector)],
        )
        return analysis, list(hits)

    def _analyse(self, query: str) -> tuple[QueryAnalysis, list[Hit]]:
        """`analyse_and_score` of a prepared query, computed."""
        tokens = self.tokenizer.tokens(query)
        quoted = self.verbatim.votes(query)
        match = self.glossary.match(query, tokens, specific_elsewhere=bool(quoted))
        weighted: dict[str, float] = {t: 1.0 for t in tokens}
        for expansion in match.expansions:
            for token in self._phrase_tokens(expansion):
                weighted.setdefault(token, self.weights.expansion)
        lexical = np.array(self.bm25.scores(weighted), dtype=np.float32)
        vector = self.embed_query(query)
        dense = self._dense(vector)
        units = self.units.votes(query) or self.mentions.votes(query)
        votes = doc_votes(self.docs, match.votes, quoted, units, self.weights.verbatim)
        demote, named, unit = doc_masks(self.docs, query, units, self._aliases)
        fused = fuse(lexical, dense, votes, demote, self.weights, named, unit)
        cited = self.article_refs.votes(query)  # 第3条讲了什么: measure 3 first
        fused += self.weights.cited * np.array(
            [
                d.kind == "measure" and len(d.articles) == 1 and d.articles[0] in cited
                for d in self.docs
            ]
        )
        hits = ranked_hits(self.docs, fused, lexical, dense, votes, demote)
        analysis = QueryAnalysis(
            normalized_query=query,
            tokens=tuple(tokens),
            glossary=match,
            max_lexical=float(lexical.max(initial=0.0)),
            max_dense=float(dense.max(initial=-1.0)),
            weighted=weighted,
            vector=vector,
        )
        return analysis, hits

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """The k best documents for query."""
        return self.analyse_and_score(query)[1][:k]

    def sentence_scores(
        self, doc_id: str, analysis: QueryAnalysis
    ) -> list[tuple[str, float, float]]:
        """(sentence, dense similarity, lexical overlap) for each sentence of a document.

        Query words of the title or found in most sentences (the product's own name, say) do
        not tell its sentences apart, so they do not count; a word that opens a sentence
        (its topic) counts twice.
        """
        found = self._sentences(doc_id)
        title = self.docs[self.passage_doc[found[0][0]]].title if found else ""
        return score_sentences(found, title, analysis, self.bm25.idf, self.vectors)

    def knows(self, word: str) -> bool:
        """The knowledge uses `word`: an indexed term (BM25 vocabulary) or a domain word of the
        pinyin-repair tables."""
        vocabulary = getattr(self.homophones, "terms", None) or {}
        return word in self.bm25.idf or word in vocabulary

    def is_dictionary_word(self, word: str) -> bool:
        """`word` is a word of the tokenizer's dictionary (not a piece jieba guessed)."""
        return self.tokenizer.is_word(word)

    def article_numbers(self) -> frozenset[int]:
        """The numbers of the indexed measure articles (1..16 for the measures)."""
        return self.article_refs.articles

    def rank_articles(self, hits: list[Hit]) -> list[int]:
        """Measure articles in order of their best document (a product counts as its articles)."""
        return list(dict.fromkeys(a for hit in hits for a in hit.articles))
