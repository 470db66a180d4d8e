"""Answering from the Q&A layer: which curated entry, if any, answers a question.

The retriever scores the entries' questions against the prepared question (`Retriever.
match_questions`, retrieval/questions.py); an entry answers at `QaKnobs.threshold` confidence:

    confidence = score · a · t

- a (ask agreement): 1 when the entry answers the ask type asked (or the type is unknown),
  `QaKnobs.related_ask` for a neighbouring type (yes/no and conditions, how and materials …),
  `QaKnobs.other_ask` otherwise;
- t (topic agreement): 0 when the question names a product, platform or staff document that
  is neither the entry's topic nor cited by it, or the entry is about a named document the
  question does not name (外贸贷 entries never answer 科技贷 questions); 1 when one of the
  entry's documents is among the question's `QaKnobs.top_documents` best-ranked documents, or
  the entry's topic is no document (a general entry) and the question names none, or the
  question names the subject the entry is about (bot/compose/qa_subjects.py: 保险, 利率 …);
  `QaKnobs.unranked_topic` otherwise.

A question that restates one of the entry's texts word for word (score ≥ `QaKnobs.exact`)
needs no ask agreement and no ranked topic: confidence = score · (t > 0).
A how_much or how_long question naming a quantity (放大倍数, 费率, 审批几天 …) multiplies the
confidence of an entry that never names it by `QaKnobs.other_quantity` (`quantity_agreement`).
A stance entry (its lead opens with 不能：, 不一定：, 可以 …) whose condition the question does
not name (科技贷能申请吗 for the entry on firms registered in 厦门) multiplies the confidence by
`QaKnobs.other_condition` (bot/compose/qa_conditions.py).
An entry about a situation (most of its questions name 续贷, 到期, 过桥 …: the situations of
knowledge/data/qa/situations.tsv) never answers a question that names none (贷款要什么材料 is
not a renewal ask); another entry answering a question that names a situation counts
`QaKnobs.other_situation` (bot/compose/qa_situations.py).
A yes/no entry answering another predicate than the question asks (an entry on 合理吗 asked
能…吗, a 不一定 on a need asked 能…吗) counts `QaKnobs.other_predicate`
(bot/compose/qa_conditions.py `predicate_agreement`); so does a yes/no entry none of whose
questions says the owner lacks something when the question does (没进白名单能贷款吗 is not
进了白名单就一定能贷到吗: `lacking_agreement`).
An entry whose questions all speak of one subject (利率, 保证金, 担保 …) answering a question
that names none of its words counts `QaKnobs.other_predicate` (bot/compose/qa_subjects.py).
A comparison entry (two named documents cited) asked of one of them with no comparison
counts `QaKnobs.other_predicate` (`pair_agreement`).
An owner stating an asset the measures finance on (有应收账款, 给三钢供货, 手里有专利) gets that
asset's route entry when the choice is not about it; one borrowing to buy equipment or stock
(买生产设备能贷吗) counts p on the pledge entry (bot/compose/qa_assets.py `bought`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bot.compose.layout import Part
from bot.compose.predicates import asks_sum, qa_ask
from bot.compose.qa_agreement import (
    GUARANTEE,
    NAMED_KINDS,
    PRINCIPAL_SHORT,
    QUANTITIES,
    QUANTITY_ASKS,
    RELATED_ASKS,
    QaKnobs,
    accepted,
    ask_agreement,
    guarantee_agreement,
    lacking_agreement,
    pair_agreement,
    qa_confidence,
    quantity_agreement,
    topic_agreement,
)
from bot.compose.qa_assets import bought, routed_entry, routed_hit, told_sure
from bot.compose.qa_conditions import condition_agreement, predicate_agreement
from bot.compose.qa_situations import Situation, packaged_situations, situation_agreement
from bot.compose.qa_subjects import names_entry_subject, serves_subject, subject_agreement
from core import clock
from core.kinds import AskType
from knowledge.documents import Document
from knowledge.qa import QaEntry, published
from retrieval.records import Hit, QaHit

__all__ = [
    "NAMED_KINDS",
    "QUANTITIES",
    "QUANTITY_ASKS",
    "RELATED_ASKS",
    "QaChoice",
    "QaKnobs",
    "QaLayer",
    "ask_agreement",
    "entry_part",
    "qa_confidence",
    "quantity_agreement",
    "topic_agreement",
]


@dataclass(frozen=True)
class QaChoice:
    """The entry that answers a question, with how sure the match is."""

    entry: QaEntry
    confidence: float
    hit: QaHit


class QaLayer:
    """The published Q&A entries of an index and the choice among them."""

    def __init__(
        self,
        entries: Iterable[QaEntry],
        documents: Mapping[str, Document],
        knobs: QaKnobs | None = None,
        situations: tuple[Situation, ...] | None = None,
    ) -> None:
        """entries: as saved beside the index (knowledge.qa.read_qa); situations: those some
        entries are about (default: knowledge/data/qa/situations.tsv)."""
        self.entries = {e.id: e for e in entries}
        self.documents = documents
        self.knobs = knobs or QaKnobs()
        self.situations = packaged_situations() if situations is None else situations
        self._live: tuple[date, frozenset[str]] | None = None  # (day, usable ids) of the last day

    def live(self, day: date) -> frozenset[str]:
        """The ids of the entries usable on `day` (`usable`), worked out once per day."""
        kept = self._live
        if kept is None or kept[0] != day:
            ids = frozenset(e.id for e in self.entries.values() if self.usable(e, day))
            kept = self._live = (day, ids)
        return kept[1]

    def __len__(self) -> int:
        return len(self.entries)

    def usable(self, entry: QaEntry, today: date) -> bool:
        """Whether the answerer may use an entry on `today`: published and in force, or
        expired together with its cited documents (an expired measure is still answered from
        its entries, and the answer carries the expiry warning of bot/compose/validity.py).
        An entry retired before its documents (an earlier valid_until) stays unused."""
        if published([entry], today):
            return True
        if not published([entry]) or entry.valid_until is None or entry.valid_until >= today:
            return False  # a draft, or not yet in force
        ends = [
            doc.validity.valid_until
            for doc in (self.documents.get(d) for d in entry.cites)
            if doc is not None
        ]
        return bool(ends) and all(end is not None and end <= entry.valid_until for end in ends)

    def choose(
        self,
        hits: Sequence[QaHit],
        ranked: Sequence[Hit],
        asked: AskType | None,
        today: date | None = None,
        question: str = "",
    ) -> QaChoice | None:
        """The most confident entry of the retriever's hits at or above the threshold, or None.

        ranked: the question's document ranking (Retriever.analyse_and_score); entries out of
        their validity on `today` (default: the current date) are skipped unless they expired with
        their documents (`usable`). question: the asked text; for a how_much ask an entry that
        never names the asked quantity counts less (`quantity_agreement`; for how_long too: a
        loan's term never answers how long approval takes).
        """
        day = today or clock.today()
        live = self.live(day)
        named = frozenset(h.doc_id for h in ranked if h.named)
        asked = qa_ask(question, asked, bool(named)) if question else asked  # 能批1000万吗
        named_notes = frozenset(d for d in named if self._named_kind(d))
        order = [h.doc_id for h in ranked]
        scored: list[QaChoice] = []
        for hit in hits:
            entry = self.entries.get(hit.entry_id)
            if entry is None or entry.id not in live:
                continue
            topic_doc = self.documents.get(entry.topic)
            entry_docs = frozenset(
                [*(d for d in entry.cites), *([entry.topic] if topic_doc else [])]
            )
            entry_named = topic_doc is not None and topic_doc.kind in NAMED_KINDS
            serving = (  # a yes/no entry holds a condition of the platform: named only
                topic_doc is not None
                and entry.ask != "yesno"
                and serves_subject(question, topic_doc.kind, topic_doc.title, topic_doc.aliases)
            )
            confidence = qa_confidence(
                hit.score,
                ask_agreement(entry.ask, asked, self.knobs),
                topic_agreement(
                    entry_docs,
                    entry_named,
                    named,
                    order,
                    self.knobs,
                    topic_doc is None,
                    serving,
                    names_entry_subject(question, entry),
                ),
                self.knobs.exact,
            )
            if asked in QUANTITY_ASKS and question and not asks_sum(question):
                confidence *= quantity_agreement(question, entry, self.knobs)
            names = (topic_doc.title, *topic_doc.aliases) if topic_doc else ()
            confidence *= condition_agreement(question, entry, self.knobs.other_condition, names)
            confidence *= situation_agreement(
                question, entry, self.knobs.other_situation, self.situations
            )
            for agree in (predicate_agreement, lacking_agreement, guarantee_agreement, bought):
                confidence *= agree(question, entry, self.knobs.other_predicate)
            confidence *= subject_agreement(question, entry, self.knobs.other_predicate)
            cited_notes = frozenset(d for d in entry_docs if self._named_kind(d))
            confidence *= pair_agreement(
                named_notes, cited_notes, entry.ask, asked, self.knobs.other_predicate
            )
            scored.append(QaChoice(entry, confidence, hit))
        best = accepted(scored, self.knobs)
        routed = routed_entry(question, asked, best.entry if best else None, self.entries, live)
        if routed is None:
            return best
        floor = self.knobs.exact if told_sure(routed.id) else self.knobs.threshold
        sure = max(best.confidence if best else 0.0, floor)
        return QaChoice(routed, sure, routed_hit(routed))

    def _named_kind(self, doc_id: str) -> bool:
        """The document is of a kind owners name (a product, a platform, a staff document)."""
        doc = self.documents.get(doc_id)
        return doc is not None and doc.kind in NAMED_KINDS


def entry_part(entry: QaEntry, quote: str = "") -> Part:
    """An entry's answer as a part: its lead, points, next step and cited documents."""
    return Part(entry.lead, entry.points, quote, entry.next_step, entry.cites)


def matching_text(text: str) -> str:
    """The question as Q&A phrasings are matched: 肯定能批吗 as 一定能批吗 (`GUARANTEE`), 还本
    as 还本金 (`PRINCIPAL_SHORT`); the question itself is kept for the rest."""
    return PRINCIPAL_SHORT.sub("还本金", GUARANTEE.sub("一定", text))
