"""The composer: an assessed question in, the offline five-part answer (one part per question,
at most two) out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.compose.question import question_parts, question_shape
from bot.compose.render import GENERIC, Part, join_parts, measure_part, note_part
from bot.compose.sources import best_sentences, citation_for, ranked_sentences
from bot.messages import Answer
from knowledge.documents import Document
from knowledge.plain import PlainMeasure
from retrieval.records import Hit

MAX_PARTS = 2


class Composer:
    """Composes answers from the retriever's ranking, the documents and the plain points."""

    def __init__(
        self,
        retriever: Any,
        documents: dict[str, Document],
        plain: dict[str, PlainMeasure],
        settings: Any,
    ) -> None:
        """retriever: retrieval.retriever.Retriever; plain: points by document id."""
        self.retriever = retriever
        self.documents = documents
        self.plain = plain
        self.settings = settings

    def compose(
        self, assessment: Any, text: str, assess_part: Callable[[str], Any] | None = None
    ) -> Answer:
        """The answer to an in-scope assessment of the (normalised) message text.

        assess_part: assesses one part of a multi-part message (Answerer.assess); with it, a
        message asking two questions about different documents gets one part per question.
        """
        need = assessment.intent == "financing_need"
        pairs = self._question_parts(text, assess_part) or [(assessment, text)]
        parts, cited = [], []
        for i, (part, part_text) in enumerate(pairs):
            hit = self.lead_hit(part.hits)
            parts.append(self._part(hit, part.analysis, part_text, need and i == len(pairs) - 1))
            cited += [d for d in self._cited(hit) if d not in cited]
        top = self.lead_hit(pairs[0][0].hits)
        return Answer(
            join_parts(parts),
            True,
            assessment.intent,
            [citation_for(d) for d in cited],
            suggest_intake=need,
            topic=top.doc_id,
            top_score=top.score,
        )

    def _question_parts(
        self, text: str, assess_part: Callable[[str], Any] | None
    ) -> list[tuple[Any, str]]:
        """(assessment, text) of the message's first two questions when they are about
        different documents; [] when the message is one question."""
        if assess_part is None:
            return []
        parts = question_parts(text)
        if len(parts) < 2:
            return []
        found: list[tuple[Any, str]] = []
        for part in parts:
            assessed = assess_part(part)
            if not assessed.in_scope or not assessed.hits or assessed.analysis is None:
                continue
            doc_id = self.lead_hit(assessed.hits).doc_id
            if any(self.lead_hit(a.hits).doc_id == doc_id for a, _ in found):
                continue
            found.append((assessed, assessed.analysis.normalized_query))
            if len(found) == MAX_PARTS:
                return found
        return []

    def lead_hit(self, hits: list[Hit]) -> Hit:
        """The top hit, or a product the question names that belongs to the top measure."""
        top = hits[0]
        if top.kind == "measure":
            for hit in hits[1:5]:
                if hit.named and top.article in hit.articles:
                    return hit
        return top

    def _part(self, hit: Hit, analysis: Any, text: str, need: bool) -> Part:
        """One answer part for the document of hit."""
        doc = self.documents[hit.doc_id]
        scored = self.retriever.sentence_scores(doc.doc_id, analysis)
        shape = question_shape(text)
        terms = tuple(analysis.glossary.expansions) + tuple(analysis.glossary.terms)
        # no phone number here: every number of an answer occurs in what it cites
        contact = f"也可以联系{self.settings.office_name}（发送“人工”查看联系方式）。"
        plain = self.plain.get(doc.doc_id)
        topics = self._topics(analysis)
        if doc.article is not None:
            quote = next(iter(best_sentences(scored, 1)), "")
            return measure_part(doc, plain, text, terms, shape, quote, need, contact, topics)
        return note_part(
            doc,
            ranked_sentences(scored),
            self._related(doc),
            need,
            contact,
            shape,
            plain,
            text,
            terms,
            topics,
        )

    def _topics(self, analysis: Any) -> tuple[str, ...]:
        """The question's subject words that the knowledge never uses (补贴 when no source
        speaks of a subsidy): a stance is only given when the lead's point covers them."""
        vocabulary = getattr(self.retriever.homophones, "terms", {}) or {}
        idf = self.retriever.bm25.idf
        # only words the knowledge never uses can be asked about without an answer in it
        # (补贴, 政府采购); words inside a matched glossary phrase are understood (买理财 →
        # 借贷搭售)
        phrases = [p for p in analysis.glossary.terms if len(p) >= 2]
        words = [
            t
            for t in analysis.tokens
            if len(t) >= 2
            and t not in GENERIC
            and t not in idf
            and t not in vocabulary
            and not any(t in p for p in phrases)
            and self.retriever.tokenizer.is_word(t)
        ]
        return tuple(w for w in dict.fromkeys(words) if not any(w != o and w in o for o in words))

    def _related(self, doc: Document) -> list[Document]:
        """The measures a note belongs to."""
        return [
            self.documents[f"measure-{a}"]
            for a in doc.related_articles
            if f"measure-{a}" in self.documents
        ]

    def _cited(self, hit: Hit) -> list[Document]:
        """The documents an answer part cites: the document and, for a note, its measures."""
        doc = self.documents[hit.doc_id]
        return [doc] if doc.article is not None else [doc, *self._related(doc)]
