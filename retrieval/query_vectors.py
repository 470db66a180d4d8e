"""A query's USE vector on the answer path, and the Q&A questions it comes close to: once per
text inside a message memo, kept across messages when computed from a vector embedded alone,
and batched ahead for the texts a message will rank (`retrieval.memo`); a vector embedded alone
takes the messages waiting for their turn into its call (`retrieval.expected`). Mixed into
`retrieval.retriever.Retriever`."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import numpy as np

from retrieval.embeddings import Embedder
from retrieval.expected import ExpectedQueries
from retrieval.homophones import Repair
from retrieval.memo import batch_of, is_kept, keep, kept, memoise_batch
from retrieval.query_analysis import QueryAnalysis
from retrieval.questions import QuestionIndex
from retrieval.records import QaHit
from retrieval.text import ChineseTokenizer

SHARED_CALL = 8  # texts in one lone-vector encoder call: ~1.2 ms each against ~2.3 ms alone


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

    def prepare(self, query: str) -> tuple[str, list[Repair]]:
        """The query as ranked (`Retriever.prepare`)."""
        raise NotImplementedError

    @property
    def expected(self) -> ExpectedQueries:
        """Messages waiting for their turn in this process (`expect`)."""
        found: ExpectedQueries = self.__dict__.setdefault("_expected", ExpectedQueries())
        return found

    def expect(self, question: str) -> None:
        """A message waits for its turn: its question (as the answerer will be asked it) may
        share the encoder call of the next text embedded alone; `settle(question)` after."""
        self.expected.add(question)

    def settle(self, question: str) -> None:
        """The message of `expect(question)` was answered."""
        self.expected.discard(question)

    def _embed_alone(self, text: str) -> np.ndarray:
        """The vector of text embedded in a call of its own, read-only (it is shared). With an
        embedder that can (`UseEmbedder.embed_alone`), waiting messages' prepared questions
        share the call, each vector bit-identical to its own call's, kept for their turns."""
        embed_alone: Any = getattr(self.embedder, "embed_alone", None)
        others = self._waiting(text) if embed_alone is not None else []
        vector: np.ndarray
        if others:
            vector, shared = embed_alone(text, others)
            for other, other_vector in shared.items():
                other_vector.flags.writeable = False
                keep(self, "embed", other, other_vector)
        else:
            vector = self.embedder.embed([text])[0]
        vector.flags.writeable = False
        return vector

    def _waiting(self, text: str) -> list[str]:
        """Prepared questions of waiting messages not embedded yet (up to SHARED_CALL - 1)."""
        if not len(self.expected) or not getattr(self.embedder, "can_share", bool)(text):
            return []
        others = []
        for question in self.expected.take(SHARED_CALL - 1):
            prepared = self.prepare(question)[0]
            if prepared and prepared != text and not is_kept(self, "embed", prepared):
                others.append(prepared)
        return others

    def embed_ahead(self, texts: list[str]) -> None:
        """Embed, in one batch, query texts the message will ask `embed_query` for (a batch
        costs less per text than one call each); kept in the open message memo only."""
        memoise_batch(self, "embed", texts, lambda todo: list(self.embedder.embed(todo)))
