"""The composer: an assessed question in, the offline five-part answer (one part per question,
at most two) out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.compose.question import question_parts, question_shape
from bot.compose.render import GENERIC, Part, join_parts, measure_part, note_part
from bot.compose.sources import best_sentences, citation_for, ranked_sentences
from bot.intent import shows_financing_need
from bot.messages import Answer
from knowledge.documents import Document
from knowledge.plain import PlainMeasure
from retrieval.records import Hit

MAX_PARTS = 2
SECOND_PART_MIN_SCORE = 0.5  # a second question's top hit must be this close to the first's


class Composer:
    """Composes answers from the retriever's ranking, the documents and the plain points."""

    def __init__(self, retriever: Any, documents: dict[str, Document],
                 plain: dict[str, PlainMeasure], settings: Any) -> None:
        """retriever: retrieval.retriever.Retriever; plain: points by document id."""
        self.retriever = retriever
        self.documents = documents
        self.plain = plain
        self.settings = settings

    def compose(self, assessment: Any, text: str,
                assess_part: Callable[[str], Any] | None = None) -> Answer:
        """The answer to an in-scope assessment of the (normalised) message text.

        assess_part: assesses one part of a multi-part message (Answerer.assess); without it
        the message is answered as one question.
        """
        top = self.lead_hit(assessment.hits)
        need = assessment.intent == "financing_need"
        parts = [self._part(top, assessment.analysis, text, need)]
        cited = self._cited(top)
        for extra in self._further_parts(text, top, assessment, assess_part):
            part_top = self.lead_hit(extra.hits)
            parts.append(self._part(part_top, extra.analysis, extra.analysis.normalized_query,
                                    need=False))
            cited += [d for d in self._cited(part_top) if d not in cited]
        return Answer(join_parts(parts), True, assessment.intent,
                      [citation_for(d) for d in cited], suggest_intake=need,
                      topic=top.doc_id, top_score=top.score)

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
        return note_part(doc, ranked_sentences(scored), self._related(doc), need, contact,
                         shape, plain, text, terms, topics)

    def _topics(self, analysis: Any) -> tuple[str, ...]:
        """The question's subject words: domain words (the homophone vocabulary) and words the
        knowledge never uses (补贴 when no source speaks of a subsidy)."""
        vocabulary = getattr(self.retriever.homophones, "terms", {}) or {}
        idf = self.retriever.bm25.idf
        # words inside a matched glossary phrase are understood: the phrase stands for its
        # policy terms (买理财 → 借贷搭售), which ranked the measure and its points
        phrases = [p for p in analysis.glossary.terms if len(p) >= 2]
        words = [t for t in analysis.tokens if len(t) >= 2 and t not in GENERIC
                 and (t in vocabulary or t not in idf) and not any(t in p for p in phrases)]
        return tuple(w for w in dict.fromkeys(words)
                     if not any(w != o and w in o for o in words))

    def _related(self, doc: Document) -> list[Document]:
        """The measures a note belongs to."""
        return [self.documents[f"measure-{a}"] for a in doc.related_articles
                if f"measure-{a}" in self.documents]

    def _cited(self, hit: Hit) -> list[Document]:
        """The documents an answer part cites: the document and, for a note, its measures."""
        doc = self.documents[hit.doc_id]
        return [doc] if doc.article is not None else [doc, *self._related(doc)]

    def _further_parts(self, text: str, top: Hit, assessment: Any,
                       assess_part: Callable[[str], Any] | None) -> list[Any]:
        """Assessments of the message's other questions that need their own answer part."""
        if assess_part is None:
            return []
        parts = question_parts(text)
        if len(parts) < 2:
            return []
        seen = set(top.articles)
        found = []
        for part in parts[: MAX_PARTS + 1]:
            extra = assess_part(part)
            if not extra.in_scope or not extra.hits or extra.analysis is None:
                continue
            hit = self.lead_hit(extra.hits)
            if set(hit.articles) & seen or hit.score < SECOND_PART_MIN_SCORE * top.score:
                continue
            if not (extra.analysis.glossary.topical or shows_financing_need(part)
                    or hit.lexical > 0):
                continue
            found.append(extra)
            seen |= set(hit.articles)
            if len(found) == MAX_PARTS - 1:
                break
        return found
