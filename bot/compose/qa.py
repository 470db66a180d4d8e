"""Answering from the Q&A layer: which curated entry, if any, answers a question.

The retriever scores the entries' questions against the (prepared) question
(`Retriever.match_questions`, formula in retrieval/questions.py). An entry answers only when
its confidence reaches `QaKnobs.threshold`:

    confidence = score · a · t

- a (ask agreement): 1 when the entry answers the ask type asked (or the type is unknown),
  `QaKnobs.related_ask` for a neighbouring type (yes/no and conditions, how and materials …),
  `QaKnobs.other_ask` otherwise;
- t (topic agreement): 0 when the question names a product, platform or staff document that
  is neither the entry's topic nor cited by it, or the entry is about a named document the
  question does not name (外贸贷 entries never answer 科技贷 questions); 1 when one of the
  entry's documents is among the question's `QaKnobs.top_documents` best-ranked documents, or
  the entry's topic is no document (a general entry) and the question names none;
  `QaKnobs.unranked_topic` otherwise.

A question that restates one of the entry's texts word for word (score ≥ `QaKnobs.exact`)
needs no ask agreement and no ranked topic: confidence = score · (t > 0).

A how_much or how_long question that names a quantity (放大倍数, 费率, 审批几天 …)
multiplies the confidence of an entry that never names it by `QaKnobs.other_quantity`
(`quantity_agreement`).

A stance entry (its lead opens with 不能：, 不一定：, 可以 …) whose condition the question does
not name (科技贷能申请吗 for the entry on firms registered in 厦门) multiplies the confidence by
`QaKnobs.other_condition` (bot/compose/qa_conditions.py).

An entry about a renewal (most of its questions name 续贷, 到期, 过桥 …) never answers a question
that names none (贷款要什么材料 is not a renewal ask); another entry answering a question that
names a renewal counts `QaKnobs.other_situation` (bot/compose/qa_conditions.py).

A yes/no entry answering another predicate than the question asks (an entry on 合理吗 asked
能…吗, a 不一定 on a need asked 能…吗) counts `QaKnobs.other_predicate`
(bot/compose/qa_conditions.py `predicate_agreement`).

Below the threshold the composer answers as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from bot.compose.layout import Part
from bot.compose.qa_conditions import (
    condition_agreement,
    predicate_agreement,
    serves_subject,
    situation_agreement,
)
from core import clock
from core.kinds import AskType
from knowledge.documents import Document
from knowledge.qa import QaEntry, published
from retrieval.records import Hit, QaHit

NAMED_KINDS = ("product", "platform", "staff")  # documents owners name (measures are not)
RELATED_ASKS = frozenset(
    frozenset(pair)
    for pair in (
        ("yesno", "conditions"),
        ("how", "who_where"),
        ("how_much", "how_long"),
        ("what_is", "compare"),
    )
)


@dataclass(frozen=True)
class QaKnobs:
    """Knobs of `qa_confidence` and of the choice (see the module docstring)."""

    threshold: float = 0.42
    exact: float = 0.95  # a score this high restates one of the entry's texts
    related_ask: float = 0.8
    other_ask: float = 0.5
    unranked_topic: float = 0.8
    top_documents: int = 3
    candidates: int = 5  # entries asked from the retriever
    other_quantity: float = 0.55  # q for an entry that never names the quantity asked
    other_condition: float = 0.5  # c for a stance entry whose condition is not asked
    other_situation: float = 0.8  # s for an entry about no renewal, asked about a renewal
    other_predicate: float = 0.5  # p for an entry answering another yes/no predicate


# Quantities owners ask about: one group per quantity (words that name the same figure).
QUANTITIES: tuple[tuple[str, ...], ...] = (
    ("放大倍数", "倍数", "倍"),
    ("担保费", "费率", "担保费率", "收费"),
    ("利率", "利息", "几个点"),
    ("额度", "贷多少", "金额"),
    ("比例", "占比", "几成", "分担"),
    ("期限", "几年", "能贷多久", "借多久", "贷多长", "还款期", "多长时间要还"),  # a loan's term
    # how long approval takes
    ("时限", "几天", "天数", "工作日", "多快", "多久能", "审批", "放款", "批下来", "到账"),
)
QUANTITY_ASKS = ("how_much", "how_long")


def quantity_agreement(question: str, entry: QaEntry, knobs: QaKnobs) -> float:
    """q: 1 unless the question names a quantity (放大倍数, 费率, 利率 …) that the entry's
    question, lead and points never name, then `QaKnobs.other_quantity` (a how_much or how_long
    question is answered by the entry that has the asked figure)."""
    asked = [group for group in QUANTITIES if any(w in question for w in group)]
    if not asked:
        return 1.0
    said = "".join([*entry.questions, entry.lead, *entry.points])
    if any(any(w in said for w in group) for group in asked):
        return 1.0
    return knobs.other_quantity


def ask_agreement(entry_ask: AskType, asked: AskType | None, knobs: QaKnobs) -> float:
    """a: 1 for the same (or an unknown) ask type, less for a neighbouring or another one."""
    if asked is None or asked == "other" or asked == entry_ask:
        return 1.0
    if frozenset((entry_ask, asked)) in RELATED_ASKS:
        return knobs.related_ask
    return knobs.other_ask


def topic_agreement(
    entry_docs: frozenset[str],
    entry_named: bool,
    named: frozenset[str],
    ranked: Sequence[str],
    knobs: QaKnobs,
    general: bool = False,
    serving: bool = False,
) -> float:
    """t: entry_docs = the entry's topic (when a document) and its cites; entry_named = its
    topic is a document owners name; named = the documents the question names; ranked = the
    question's documents, best first; general = the entry's topic is no document (general.yaml:
    cross-cutting asks), 1 for a question that names no document; serving = the question asks
    about the subject the entry's platform serves (应收账款 for 中征应收账款融资服务平台): the
    entry may answer though the platform is not named."""
    if named and not named & entry_docs:
        return 0.0
    if entry_named and not named and not serving:
        return 0.0
    if general and not named:  # a cross-cutting entry, asked about no named document
        return 1.0
    if entry_docs & set(ranked[: knobs.top_documents]):
        return 1.0
    return knobs.unranked_topic


def qa_confidence(score: float, ask: float, topic: float, exact: float = 1.0) -> float:
    """confidence = score · a · t, or score when score ≥ exact and t > 0 (module docstring)."""
    if score >= exact and topic > 0:
        return score
    return score * ask * topic


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
    ) -> None:
        """entries: as saved beside the index (knowledge.qa.read_qa)."""
        self.entries = {e.id: e for e in entries}
        self.documents = documents
        self.knobs = knobs or QaKnobs()

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
        live = {e.id for e in self.entries.values() if self.usable(e, day)}
        named = frozenset(h.doc_id for h in ranked if h.named)
        order = [h.doc_id for h in ranked]
        best: QaChoice | None = None
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
                    entry_docs, entry_named, named, order, self.knobs, topic_doc is None, serving
                ),
                self.knobs.exact,
            )
            if asked in QUANTITY_ASKS and question:
                confidence *= quantity_agreement(question, entry, self.knobs)
            names = (topic_doc.title, *topic_doc.aliases) if topic_doc else ()
            confidence *= condition_agreement(question, entry, self.knobs.other_condition, names)
            confidence *= situation_agreement(question, entry, self.knobs.other_situation)
            confidence *= predicate_agreement(question, entry, self.knobs.other_predicate)
            if confidence >= self.knobs.threshold and (
                best is None or confidence > best.confidence
            ):
                best = QaChoice(entry, confidence, hit)
        return best


def entry_part(entry: QaEntry, quote: str = "") -> Part:
    """An entry's answer as a part: its lead, points, next step and cited documents."""
    return Part(entry.lead, entry.points, quote, entry.next_step, entry.cites)
