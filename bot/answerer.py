"""The answerer: question in, cited Chinese answer out (offline by default)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bot.compose.composer import Composer
from bot.intent import is_greeting, shows_financing_need
from bot.messages import Answer, Ask, Intent
from bot.refusals import refusal_text
from bot.scope import IN_SCOPE, ScopeDecision, decide_scope
from knowledge.documents import Document
from knowledge.plain import PlainMeasure
from retrieval.records import Hit
from retrieval.retriever import IndexMissingError, QueryAnalysis, Retriever

log = logging.getLogger(__name__)

MAX_ASKS = 3  # a message's questions answered, in order
MAX_QUESTION_CHARS = 500  # longer messages are cut: an owner's question is a few sentences


@dataclass(frozen=True)
class Assessment:
    """How the answerer reads a question: intent, scope and the ranked documents."""

    intent: Intent
    in_scope: bool
    hits: list[Hit]
    articles: list[int]
    analysis: QueryAnalysis | None
    scope: ScopeDecision = IN_SCOPE


class Answerer:
    """Answers owners' questions from the indexed knowledge, citing the measures."""

    def __init__(
        self,
        retriever: Retriever,
        documents: dict[str, Document],
        settings: Any,
        plain: dict[str, PlainMeasure] | None = None,
    ):
        """Wrap a loaded retriever, the indexed documents and the plain-language points."""
        self.retriever = retriever
        self.documents = documents
        self.settings = settings
        self.composer = Composer(retriever, documents, plain or {}, settings)
        # --- LLM mode hook (bot/llm/): the model answers, the offline answer is the fallback
        self.llm: Any = None
        if getattr(settings, "llm_model", ""):
            from bot.llm.answering import LlmAnswerer

            self.llm = LlmAnswerer(settings, self)
        # --- end of LLM mode hook

    def document(self, doc_id: str) -> Document | None:
        """The full document (measure article, product or staff doc), or None."""
        return self.documents.get(doc_id)

    def assess(self, question: str, *, topic: str | None = None) -> Assessment:
        """Classify the question and rank documents for it."""
        text = self.retriever.prepare(question.strip()[:MAX_QUESTION_CHARS])[0]
        if not text or is_greeting(text):
            return Assessment("greeting", False, [], [], None)
        analysis, hits = self.retriever.analyse_and_score(text, prepared=True)
        articles = self.retriever.rank_articles(hits)
        named = any(h.named for h in hits[:3])
        scope = decide_scope(text, analysis.glossary, analysis.max_dense, names_document=named)
        if not scope.in_scope:
            return Assessment("out_of_scope", False, hits, articles, analysis, scope)
        intent: Intent = "financing_need" if shows_financing_need(text) else "policy_question"
        return Assessment(intent, True, hits, articles, analysis)

    def answer(self, question: str, *, topic: str | None = None) -> Answer:
        """A short cited answer, a greeting, or a polite refusal."""
        assessment = self.assess(question, topic=topic)
        if assessment.intent == "greeting":
            return Answer(self._greeting_text(), True, "greeting")
        if not assessment.in_scope:
            return Answer(refusal_text(assessment.scope, self.settings), False, "out_of_scope")
        answer = self._compose(assessment)
        if self.llm is not None:  # LLM mode hook: grounded model answer, else this one
            answer = self.llm.answer(question, answer, topic=topic)
        return answer

    def respond(self, asks: Sequence[Ask], *, topic: str | None = None) -> Answer:
        """One answer to the asks of a message (the first MAX_ASKS, in order).

        Each ask is answered on its own self-contained wording; the parts are joined, each
        citation shown once; the answer's topic is the first in-scope part's.
        """
        answers = [self.answer(a.text, topic=topic) for a in list(asks)[:MAX_ASKS]]
        if not answers:
            return self.answer("", topic=topic)
        kept = [a for a in answers if a.in_scope] or answers[:1]
        if len(kept) == 1:
            return kept[0]
        citations = list({c.doc_id: c for a in kept for c in a.citations}.values())
        return replace(
            kept[0],
            answer="\n\n".join(a.answer for a in kept),
            citations=citations,
            suggest_intake=any(a.suggest_intake for a in kept),
        )

    def _compose(self, assessment: Assessment) -> Answer:
        """The offline answer: one part per question of the message (at most two)."""
        assert assessment.analysis is not None
        text = assessment.analysis.normalized_query
        return self.composer.compose(assessment, text, assess_part=self.assess)

    def _greeting_text(self) -> str:
        """Greeting and what the bot can do."""
        return (
            "您好！我是三明市民营小微企业融资政策助手，可以解答《三明市提增民营小微企业融资服务"
            "质效若干措施》的相关问题，介绍科技贷、外贸贷、商贸贷等专项贷款，也可以帮您提交融资需求。"
            "请直接说出您的问题。"
        )


def load_answerer(settings: Any, *, embedder: Any = None) -> Answerer:
    """Open the index (building it first when there is none) and return an Answerer.

    `embedder` reuses an already loaded embedding model (an index swap loads no second model).
    """
    from knowledge.indexer import build_index, index_exists, load_documents
    from knowledge.plain import read_plain
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
    return Answerer(retriever, load_documents(index_dir), settings, read_plain(index_dir))


def _use_one_blas_thread() -> None:
    """Limit BLAS to one thread in this (serving) process.

    An answer needs only small matrix products; with two BLAS threads, p95 rose from 6 ms to
    15 ms when another process kept one of the two cores busy (measured with `policybot bench`'s
    child under a CPU burner). Process-wide on purpose: the answer path is the hot path.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
