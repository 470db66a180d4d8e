"""The answerer: question in, cited Chinese answer out (offline by default)."""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.answer_compose import (
    also_see,
    best_sentences,
    citation_for,
    measure_answer,
    product_answer,
)
from bot.intent import is_greeting, is_in_scope, shows_financing_need
from bot.messages import Answer, Intent
from knowledge.documents import Document
from retrieval.records import Hit
from retrieval.retriever import IndexMissingError, QueryAnalysis, Retriever

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 500  # longer messages are cut: an owner's question is a few sentences
ALSO_SEE_RATIO = 0.8  # a second measure scoring this close to the first is mentioned too
FOLLOW_UP = re.compile(
    r"^(那|这|它|这个|那个|该|那么|还有|另外|然后)|条件|材料|怎么申请|去哪|找谁|多少|多久"
)


@dataclass(frozen=True)
class Assessment:
    """How the answerer reads a question: intent, scope and the ranked documents."""

    intent: Intent
    in_scope: bool
    hits: list[Hit]
    articles: list[int]
    analysis: QueryAnalysis | None


class Answerer:
    """Answers owners' questions from the indexed knowledge, citing the measures."""

    def __init__(self, retriever: Retriever, documents: dict[str, Document], settings: Any):
        """Wrap a loaded retriever and the indexed documents."""
        self.retriever = retriever
        self.documents = documents
        self.settings = settings
        self.llm: Any = None
        if getattr(settings, "llm_model", ""):
            from bot.llm import LlmRewriter

            self.llm = LlmRewriter(settings)

    def document(self, doc_id: str) -> Document | None:
        """The full document (measure article, product or staff doc), or None."""
        return self.documents.get(doc_id)

    def assess(self, question: str, *, topic: str | None = None) -> Assessment:
        """Classify the question and rank documents for it."""
        text = question.strip()[:MAX_QUESTION_CHARS]
        if not text or is_greeting(text):
            return Assessment("greeting", True, [], [], None)
        query = self._with_topic(text, topic)
        analysis, hits = self.retriever.analyse_and_score(query)
        articles = self.retriever.rank_articles(hits)
        if not is_in_scope(text, analysis.glossary, analysis.max_dense):
            return Assessment("out_of_scope", False, hits, articles, analysis)
        intent: Intent = "financing_need" if shows_financing_need(text) else "policy_question"
        return Assessment(intent, True, hits, articles, analysis)

    def answer(self, question: str, *, topic: str | None = None) -> Answer:
        """A short cited answer, a greeting, or a polite refusal."""
        assessment = self.assess(question, topic=topic)
        if assessment.intent == "greeting":
            return Answer(self._greeting_text(), True, "greeting")
        if not assessment.in_scope:
            return Answer(self._refusal_text(), False, "out_of_scope")
        answer = self._compose(assessment)
        if self.llm is not None:
            answer = self._rewritten(question, answer)
        return answer

    def _rewritten(self, question: str, answer: Answer) -> Answer:
        """The LLM's wording of the direct part, kept only when every number is grounded."""
        from dataclasses import replace

        from bot.llm import split_footer

        body = self.llm.rewrite(question, answer)
        if body is None:
            return answer
        return replace(answer, answer=f"{body}\n{split_footer(answer.answer)[1]}".strip())

    def _with_topic(self, text: str, topic: str | None) -> str:
        """Prefix a follow-up question with the title of the previous answer's document."""
        doc = self.documents.get(topic) if topic else None
        if doc is None or len(text) > 20 or not FOLLOW_UP.search(text):
            return text
        if self.retriever.glossary.match(text).terms:
            return text
        return f"{doc.title} {text}"

    def _compose(self, assessment: Assessment) -> Answer:
        """Build the answer from the top document (plus a close second measure)."""
        assert assessment.analysis is not None
        top = self._lead_hit(assessment.hits)
        doc = self.documents[top.doc_id]
        scored = self.retriever.sentence_scores(doc.doc_id, assessment.analysis)
        if doc.article is not None:
            limit = 3 if doc.article == 0 else 2
            text = measure_answer(doc, best_sentences(scored, limit))
            cited = [doc]
        else:
            related = [self.documents[f"measure-{a}"] for a in doc.related_articles
                       if f"measure-{a}" in self.documents]
            # the opening sentence (what the product is) is always given; pick among the rest
            text = product_answer(doc, best_sentences(scored[1:], 2, max_chars=160), related)
            cited = [doc, *related]
        second = self._close_second(assessment.hits, cited)
        if second is not None:
            text = f"{text}\n{also_see([second])}"
            cited.append(second)
        suggest = assessment.intent == "financing_need"
        if suggest:
            text += "\n如您有融资需求，可以填写融资需求表，我们会转给协调工作机制办公室对接银行。"
        return Answer(text, True, assessment.intent, [citation_for(d) for d in cited],
                      suggest_intake=suggest, topic=doc.doc_id, top_score=top.score)

    def _lead_hit(self, hits: list[Hit]) -> Hit:
        """The top hit, or a product the question names that belongs to the top measure."""
        top = hits[0]
        if top.kind == "measure":
            for hit in hits[1:5]:
                if hit.named and top.article in hit.articles:
                    return hit
        return top

    def _close_second(self, hits: list[Hit], cited: list[Document]) -> Document | None:
        """A different measure whose score is close to the top one, if any."""
        seen = {a for d in cited for a in d.articles}
        for hit in hits[1:3]:
            if hit.score < ALSO_SEE_RATIO * hits[0].score:
                return None
            if hit.article and hit.article not in seen:
                return self.documents.get(hit.doc_id)
        return None

    def _greeting_text(self) -> str:
        """Greeting and what the bot can do."""
        return ("您好！我是三明市民营小微企业融资政策助手，可以解答《三明市提增民营小微企业融资服务"
                "质效若干措施》的相关问题，介绍科技贷、外贸贷、商贸贷等专项贷款，也可以帮您提交融资需求。"
                "请直接说出您的问题。")

    def _refusal_text(self) -> str:
        """Polite refusal: what the bot covers and how to reach the coordination office."""
        s = self.settings
        return (f"抱歉，这个问题不在我的服务范围内。我只能解答民营小微企业融资政策方面的问题，"
                f"例如续贷、信用修复、融资成本、专项贷款（科技贷、外贸贷、商贸贷）和融资需求对接。"
                f"其他事项可以联系{s.office_name}，电话 {s.office_phone}（{s.office_hours}）。")


def load_answerer(settings: Any, *, embedder: Any = None) -> Answerer:
    """Open the index (building it first when there is none) and return an Answerer.

    `embedder` reuses an already loaded embedding model (an index swap loads no second model).
    """
    from knowledge.indexer import build_index, index_exists, load_documents
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
    return Answerer(retriever, load_documents(index_dir), settings)


def _use_one_blas_thread() -> None:
    """Limit BLAS to one thread in this (serving) process.

    An answer needs only small matrix products; with two BLAS threads, p95 rose from 6 ms to
    15 ms when another process kept one of the two cores busy (measured with `policybot bench`'s
    child under a CPU burner). Process-wide on purpose: the answer path is the hot path.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
