"""The agreement factors of a Q&A entry's confidence (see bot/compose/qa.py's docstring):
ask agreement a, topic agreement t, quantity agreement q, lacking agreement l, their knobs,
and the choice at the threshold (`accepted`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from core.kinds import AskType
from knowledge.qa import QaEntry

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
    margin: float = 0.0  # > 0: below the threshold, accept a lead this clear over the next entry
    floor: float = 0.36  # … when the entry reaches at least this confidence
    exact: float = 0.95  # a score this high restates one of the entry's texts
    related_ask: float = 0.8
    other_ask: float = 0.5
    unranked_topic: float = 0.8
    top_documents: int = 3
    candidates: int = 5  # entries asked from the retriever
    other_quantity: float = 0.55  # q for an entry that never names the quantity asked
    other_condition: float = 0.5  # c for a stance entry whose condition is not asked
    other_situation: float = 0.8  # s for an entry not about the situation the question names
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
    subject_named: bool = False,
) -> float:
    """t: entry_docs = the entry's topic (when a document) and its cites; entry_named = its
    topic is a document owners name; named = the documents the question names; ranked = the
    question's documents, best first; general = the entry's topic is no document (general.yaml:
    cross-cutting asks), 1 for a question that names no document; serving = the question asks
    about the subject the entry's platform serves (应收账款 for 中征应收账款融资服务平台): the
    entry may answer though the platform is not named; subject_named = the entry is about a
    subject (bot/compose/qa_subjects.py: 保险, 利率 …) the question names: the question's words
    place it with the entry though a side word ranked another measure first (客户经理 draws
    第1条 to 客户经理说最好配个保险)."""
    if named and not named & entry_docs:
        return 0.0
    if entry_named and not named and not serving:
        return 0.0
    if general and not named:  # a cross-cutting entry, asked about no named document
        return 1.0
    if subject_named or entry_docs & set(ranked[: knobs.top_documents]):
        return 1.0
    return knobs.unranked_topic


def pair_agreement(
    named: frozenset[str],
    cited: frozenset[str],
    entry_ask: AskType | None = None,
    asked: AskType | None = None,
    other: float = 1.0,
) -> float:
    """1, or 0 when the question names several documents owners name (two products, two
    platforms: a comparison, a choice, asking both at once) and the entry does not cite them
    all, or names a pair and the entry is about another set of them (外贸贷 vs 商贸贷 never
    answers 科技贷 vs 外贸贷; named and cited hold only documents of NAMED_KINDS); `other` when
    the question names one of a comparison entry's pair and asks no comparison (我们做外贸的，
    听说有个外贸贷 is about 外贸贷, not the choice between 外贸贷 and 商贸贷)."""
    if len(named) == 1 and len(cited) >= 2 and entry_ask == "compare" and asked != "compare":
        return other
    if len(named) < 2:
        return 1.0
    if not named <= cited or (len(named) == 2 and cited != named):
        return 0.0
    return 1.0


def qa_confidence(score: float, ask: float, topic: float, exact: float = 1.0) -> float:
    """confidence = score · a · t, or score when score ≥ exact and t > 0 (module docstring)."""
    if score >= exact and topic > 0:
        return score
    return score * ask * topic


# The owner lacks a condition (没进白名单, 不是高企, 没有专利, 未入库, 找不到担保, 缺抵押); not
# 有没有 / 是不是, nor being short of money or time (没钱还本金 is a situation, not a condition
# lacked).
# a loan asked to be guaranteed (一定能批吗, 肯定会给吗, 保证能续上吗): the measures promise none
# or as a step's sure result (修复完就能贷吗, 进了白名单以后就能批吗: 就 after a step done)
GUARANTEE = re.compile(
    r"(?:一定|肯定|保证|百分百|百分之百|必定|铁定"
    r"|(?:(?<=完)|(?<=好)|(?<=以后)|(?<=之后)|(?<=完了)|(?<=好了))(?:是不是)?就)"
    r"(?=能|会|可以|给|批|过|贷|续)"
)
# the principal said short (续贷要还本吗); 无还本 / 不还本 stay as the phrasings write them
PRINCIPAL_SHORT = re.compile(r"(?<![无不])还本(?![金息])")
LACKING = re.compile(
    r"(?<![有是在])(?:没有?(?![钱空时了事])|不是|不在|未|非|找不到|缺(?![钱点]))(?=[\u4e00-\u9fff])"
)


def lacking_agreement(question: str, entry: QaEntry, other: float) -> float:
    """l: `other` when a yes/no question says the owner lacks something (没进白名单能贷款吗)
    and none of the entry's questions does (进了白名单就一定能贷到款吗 answers the opposite
    case), or when the entry's standard question says so and the question does not (没有进出口
    业务能申请外贸贷吗 never answers 外贸贷可以申请不); 1 otherwise."""
    if entry.ask != "yesno":
        return 1.0
    if not LACKING.search(question):
        return other if LACKING.search(entry.question) else 1.0
    return 1.0 if any(LACKING.search(q) for q in entry.questions) else other


def guarantee_agreement(question: str, entry: QaEntry, other: float) -> float:
    """g: `other` when a yes/no question asks a loan to be guaranteed (一定能批吗, and in other
    words `GUARANTEE`: 修复完就能贷吗) and the entry neither leads 不一定 nor has a phrasing
    asking so (征信能修复吗 never answers 征信修复好了就能贷吗); 1 otherwise."""
    if entry.ask != "yesno" or not GUARANTEE.search(question):
        return 1.0
    if entry.lead.startswith("不一定") or any(GUARANTEE.search(q) for q in entry.questions):
        return 1.0
    return other


class _Confident(Protocol):
    @property
    def confidence(self) -> float: ...


Chosen = TypeVar("Chosen", bound=_Confident)  # bot.compose.qa.QaChoice


def accepted(scored: Sequence[Chosen], knobs: QaKnobs) -> Chosen | None:
    """The most confident choice at or above `QaKnobs.threshold`; with `QaKnobs.margin` set,
    also one at or above `QaKnobs.floor` that leads the next entry by that margin."""
    ranked = sorted(scored, key=lambda c: -c.confidence)
    if not ranked:
        return None
    best = ranked[0]
    if best.confidence >= knobs.threshold:
        return best
    second = ranked[1].confidence if len(ranked) > 1 else 0.0
    clear = knobs.margin > 0 and best.confidence - second >= knobs.margin
    return best if clear and best.confidence >= knobs.floor else None
