"""The composer: an assessed question in, the parts of the offline answer (one per question of
the message, at most two) out; bot/compose/layout.py lays them out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.compose.asks import ask_type
from bot.compose.contact import office_step
from bot.compose.points import ranked_points
from bot.compose.practice import decides, weighs_demand
from bot.compose.question import question_parts, question_shape
from bot.compose.render import GENERIC, Part, measure_part, note_part
from bot.compose.sources import best_sentences, ranked_sentences
from core.kinds import AskType
from core.settings import Settings
from knowledge.documents import Document
from knowledge.plain import PlainMeasure
from retrieval.records import Hit

MAX_PARTS = 2
WEIGHED_HITS = 3  # measures looked at for one that settles a weighed demand
# What the measures say about the price of any loan when no source sets a figure: equal terms
# with state-owned firms (第12条) and lower overall financing costs (第11条); the point of each
# whose keywords name the quantity asked is added to a silent rate or fee answer.
COST_MEASURES = ("measure-12", "measure-11")
COST_DIMENSIONS = ("rate", "fee")


@dataclass(frozen=True)
class Composed:
    """The composed parts of an answer and what the answer is about."""

    parts: tuple[Part, ...]
    topic: str
    top_score: float


class Composer:
    """Composes answers from the retriever's ranking, the documents and the plain points."""

    def __init__(
        self,
        retriever: Any,
        documents: dict[str, Document],
        plain: dict[str, PlainMeasure],
        settings: Settings,
    ) -> None:
        """retriever: retrieval.retriever.Retriever; plain: points by document id."""
        self.retriever = retriever
        self.documents = documents
        self.plain = plain
        self.settings = settings

    def compose(
        self,
        assessment: Any,
        text: str,
        assess_part: Callable[[str], Any] | None = None,
        ask: AskType | None = None,
    ) -> Composed:
        """The parts answering an in-scope assessment of the (normalised) message text.

        assess_part: assesses one part of a multi-part message (Answerer.assess); with it, a
        message asking two questions (about different documents, or asking different things)
        gets one part per question. ask: what the reading found the message asks (then it is
        one question); None: read from the text.
        """
        need = assessment.intent == "financing_need"
        split = self._question_parts(text, assess_part) if ask is None else []
        pairs = split or [(assessment, text)]
        parts = []
        for i, (part, part_text) in enumerate(pairs):
            hit = self.weighing_hit(part.hits, part.analysis, part_text, ask) or self.lead_hit(
                part.hits
            )
            last = need and i == len(pairs) - 1
            parts.append(
                self._part(hit, part.analysis, part_text, last, ask if not split else None)
            )
        first, first_text = pairs[0]
        top = self.weighing_hit(first.hits, first.analysis, first_text, ask)
        top = top or self.lead_hit(first.hits)
        return Composed(tuple(parts), top.doc_id, top.score)

    def _question_parts(
        self, text: str, assess_part: Callable[[str], Any] | None
    ) -> list[tuple[Any, str]]:
        """(assessment, text) of the message's first two questions when they are about
        different documents or ask different things; [] when the message is one question."""
        if assess_part is None:
            return []
        parts = question_parts(text)
        if len(parts) < 2:
            return []
        found: list[tuple[Any, str]] = []
        subject = ""  # the product or platform the first question names (外贸贷)
        for part in parts:
            assessed = assess_part(part)
            named = [h for h in assessed.hits[:3] if h.named]
            if subject and not named and subject not in part:  # 外贸贷怎么申请，利率多少
                part = f"{subject}{part}"
                assessed = assess_part(part)
            elif not found and named:
                subject = self._name_in(named[0].doc_id, part)
            if not assessed.in_scope or not assessed.hits or assessed.analysis is None:
                continue
            doc_id = self.lead_hit(assessed.hits).doc_id
            kind = ask_type(part)
            if any(
                self.lead_hit(a.hits).doc_id == doc_id and ask_type(t) == kind for a, t in found
            ):
                continue
            found.append((assessed, assessed.analysis.normalized_query))
            if len(found) == MAX_PARTS:
                return found
        return []

    def _name_in(self, doc_id: str, text: str) -> str:
        """The name of a document that text uses (its longest alias found), or ""."""
        doc = self.documents.get(doc_id)
        names = [a for a in (doc.aliases if doc else ()) if a and a in text]
        return max(names, key=len) if names else ""

    def lead_hit(self, hits: list[Hit]) -> Hit:
        """The top hit, or a product the question names that belongs to the top measure."""
        top = hits[0]
        if top.kind == "measure":
            for hit in hits[1:5]:
                if hit.named and top.article in hit.articles:
                    return hit
        return top

    def weighing_hit(
        self, hits: list[Hit], analysis: Any, text: str, ask: AskType | None = None
    ) -> Hit | None:
        """For a question weighing what the bank demands or does (合理吗, 对吗 …): the first of
        the top `WEIGHED_HITS` measures whose best point settles it (offers a way without the
        demand or forbids the practice: bot/compose/practice.py `decides`); None otherwise or
        when none does."""
        shape = question_shape(text, ask)
        if not weighs_demand(shape) or analysis is None:
            return None
        terms = tuple(analysis.glossary.expansions) + tuple(analysis.glossary.terms)
        for hit in hits[:WEIGHED_HITS]:
            plain = self.plain.get(hit.doc_id)
            if hit.kind != "measure" or plain is None or not plain.points:
                continue
            points = ranked_points(plain, text, terms, shape)
            if points and decides(points[0], text, terms, shape.refused):
                return hit
        return None

    def _part(
        self, hit: Hit, analysis: Any, text: str, need: bool, ask: AskType | None = None
    ) -> Part:
        """One answer part for the document of hit."""
        doc = self.documents[hit.doc_id]
        scored = self.retriever.sentence_scores(doc.doc_id, analysis)
        shape = question_shape(text, ask)
        costs = [d.name for d in shape.dimensions if d.name in COST_DIMENSIONS]
        silent = self._silent_points(costs[0] if costs else "")
        terms = tuple(analysis.glossary.expansions) + tuple(analysis.glossary.terms)
        contact = office_step(self.settings)  # what 人工 offers with this configuration
        plain = self.plain.get(doc.doc_id)
        topics = self._topics(analysis)
        if doc.article is not None:
            quote = next(iter(best_sentences(scored, 1)), "")
            return measure_part(
                doc, plain, text, terms, shape, quote, need, contact, topics, silent
            )
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
            silent,
        )

    def _silent_points(self, dimension: str) -> tuple[tuple[str, str], ...]:
        """(point, doc id) of the cost measures that speak of the quantity asked, for an
        answer whose sources set no figure of it ("" or another quantity: none)."""
        if dimension not in COST_DIMENSIONS:
            return ()
        words = ("利率", "利息") if dimension == "rate" else ("费用", "收费", "融资成本")
        found = []
        for doc_id in COST_MEASURES:
            plain = self.plain.get(doc_id)
            points = [  # not the practices 第11条 forbids (以贷转存…): another matter
                p
                for p in (plain.points if plain else ())
                if any(w in k for k in p.keywords for w in words)
                and not p.stance.startswith("不合规")
            ]
            if points and doc_id in self.documents:
                found.append((points[0].text, doc_id))
        return tuple(found)

    def _topics(self, analysis: Any) -> tuple[str, ...]:
        """The question's subject words that the knowledge never uses (补贴 when no source
        speaks of a subsidy): a stance is only given when the lead's point covers them."""
        # only words the knowledge never uses can be asked about without an answer in it
        # (补贴, 政府采购); words inside a matched glossary phrase are understood (买理财 →
        # 借贷搭售)
        phrases = [p for p in analysis.glossary.terms if len(p) >= 2]
        words = [
            t
            for t in analysis.tokens
            if len(t) >= 2
            and t not in GENERIC
            and not self.retriever.knows(t)
            and not any(t in p for p in phrases)
            and self.retriever.is_dictionary_word(t)
        ]
        return tuple(w for w in dict.fromkeys(words) if not any(w != o and w in o for o in words))

    def _related(self, doc: Document) -> list[Document]:
        """The measures a note belongs to."""
        return [
            self.documents[f"measure-{a}"]
            for a in doc.related_articles
            if f"measure-{a}" in self.documents
        ]
