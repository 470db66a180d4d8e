"""A query's USE vector on the answer path, and the Q&A questions it comes close to: once per
text inside a message memo, kept across messages when computed from a vector embedded alone,
and batched ahead for the texts a message will rank (`retrieval.memo`). Mixed into
`retrieval.retriever.Retriever`."""

from __future__ import annotations

from collections.abc import Hashable

import numpy as np

from retrieval.embeddings import Embedder
from retrieval.memo import batch_of, kept, memoise_batch
from retrieval.query_analysis import QueryAnalysis
from retrieval.questions import QuestionIndex
from retrieval.records import QaHit
from retrieval.text import ChineseTokenizer


class QueryVectors:
    """`embed_query`, `embed_ahead`, `vector_source` and `match_questions` over the
    retriever's embedder, tokenizer and question index."""

    embedder: Embedder
    tokenizer: ChineseTokenizer
    questions: QuestionIndex

    def match_questions(
        self, prepared: str, k: int = 3, *, analysis: QueryAnalysis | None = None
    ) -> list[QaHit]:
        """The Q&A entries whose questions come closest to a prepared query, best first.

        prepared: the query after `prepare`; analysis: its `analyse_and_score` analysis when
        the caller has it (its tokens and vector are reused, not computed again). At most k
        hits, one per entry, scored by retrieval.questions.score_question; [] when no
        question is indexed.
        """
        if not len(self.questions):
            return []

        def match() -> tuple[list[QaHit], np.ndarray]:
            if analysis is not None and analysis.normalized_query == prepared:
                tokens, vector = list(analysis.tokens), analysis.vector
            else:
                tokens = self.tokenizer.tokens(prepared)
                vector = self.embed_query(prepared)
            return self.questions.match(tokens, vector, k), vector

        hits, _vector = kept(  # a pure function of the text and its vector: kept (memo.kept)
            self,
            "qa-match",
            (prepared, k),
            match,
            variant=self.vector_source(prepared),
            seeds=lambda found: [("embed", prepared, found[1])],
        )
        return list(hits)

    def vector_source(self, prepared: str) -> Hashable:
        """What the open message memo's vector of a prepared text is computed from: None when
        alone (`embed_query`), the batch's texts when `embed_ahead` embedded it with others (its
        last bits differ); part of the key of every result kept across messages that holds it."""
        return batch_of(self, "embed", prepared)

    def embed_query(self, text: str) -> np.ndarray:
        """The embedding of one query text (once per text inside a `retrieval.memo` message
        memo: a message's asks, parts and tails often repeat a text; and kept across messages,
        read-only, for the texts embedded alone)."""
        return kept(self, "embed", text, lambda: self._embed_alone(text))

    def _embed_alone(self, text: str) -> np.ndarray:
        """The vector of text embedded in a call of its own, read-only (it is shared)."""
        vector: np.ndarray = self.embedder.embed([text])[0]
        vector.flags.writeable = False
        return vector

    def embed_ahead(self, texts: list[str]) -> None:
        """Embed, in one batch, query texts the message will ask `embed_query` for (a batch
        costs less per text than one call each); kept in the open message memo only."""
        memoise_batch(self, "embed", texts, lambda todo: list(self.embedder.embed(todo)))
