"""The caches of Q&A matching (bot/compose): the text readings read for every candidate entry
(`question_shape`, `asking_clause`, `asking_sentence`, `ask_type`, `asks_sum`) are bounded LRU
caches of their text, equal to the computed reading; an entry's situations, subjects,
condition pieces and lead stance are kept per entry content, so an entry published again with
other questions or another lead is read anew."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.compose import qa_conditions, qa_situations, qa_subjects
from bot.compose.asks import TEXT_MEMO, ask_type, asking_clause, asking_sentence
from bot.compose.predicates import asks_sum
from bot.compose.qa_situations import packaged_situations, situation_agreement
from bot.compose.question import question_shape
from knowledge.qa import QaEntry, load_qa

PACKAGED = Path(__file__).resolve().parents[2] / "knowledge" / "data"
SUBJECTS = ["科技贷", "续贷", "外贸贷", "抵押", "担保费", "利率", "评估费", "白名单"]
FORMS = [
    "{s}能申请吗？",
    "{s}要抵押吗",
    "银行说要先还本金才能办{s}，这合理吗？",
    "{s}利率多少，能贷多久",
    "{s}怎么办理？去哪里办",
    "我们做家具的，想贷300万{s}行不行",
    "{s}评估费能退吗",
    "没进白名单，{s}还能批吗？",
    "{s}是什么意思",
]
TEXTS = [f.format(s=s) for s, f in itertools.product(SUBJECTS, FORMS)]
CACHED: list[Any] = [asking_sentence, asking_clause, ask_type, asks_sum]


@pytest.mark.parametrize("text", TEXTS)
def test_cached_readings_equal_the_computed(text: str) -> None:
    for read in CACHED:
        assert read(text) == read(text) == read.__wrapped__(text)
    for ask in (None, "yesno", "how", "how_much", "other"):
        assert question_shape(text, ask) == question_shape.__wrapped__(text, ask)


@pytest.mark.parametrize("read", [*CACHED, question_shape])
def test_text_caches_are_bounded(read: Any) -> None:
    assert read.cache_info().maxsize == TEXT_MEMO
    for n in range(TEXT_MEMO + 20):
        read(f"第{n}个问题能贷吗")
    assert read.cache_info().currsize <= TEXT_MEMO


def _entries() -> list[QaEntry]:
    return load_qa(PACKAGED)


@pytest.mark.parametrize("entry", _entries()[::7], ids=lambda e: e.id)
def test_entry_readings_equal_the_computed(entry: QaEntry) -> None:
    known = packaged_situations()
    expected = frozenset(
        s.name
        for s in known
        if 2 * sum(s.named_in(q) for q in entry.questions) >= len(entry.questions)
    )
    assert qa_situations.entry_situations(entry) == expected
    subjects = tuple(
        p
        for p in qa_subjects.SUBJECTS
        if sum(bool(p.search(t)) for t in entry.questions) / len(entry.questions)
        >= qa_subjects.SHARE
    )
    assert qa_subjects.entry_subjects(entry.questions) == subjects
    pieces = qa_conditions._condition_pieces.__wrapped__(entry.questions, entry.lead, ("科技贷",))
    assert qa_conditions.condition_pieces(entry, ["科技贷"]) == pieces
    assert qa_conditions.lead_stance(entry.lead) == qa_conditions.lead_stance.__wrapped__(
        entry.lead
    )


def _entry(question: str, *phrasings: str, lead: str = "问银行。") -> QaEntry:
    return QaEntry("x", "measure-7", question, "yesno", phrasings, lead, "问银行。", ())


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (("贷款要什么材料", "借钱带哪些资料"), ("续贷要什么材料", "到期了续贷带哪些资料")),
        (("续贷要什么材料", "到期了续贷带哪些资料"), ("贷款要什么材料", "借钱带哪些资料")),
    ],
)
def test_an_entry_published_again_is_read_anew(
    before: tuple[str, ...], after: tuple[str, ...]
) -> None:
    old = _entry(*before)
    new = replace(old, question=after[0], phrasings=after[1:])  # same id, other questions
    question = "贷款要带什么资料"
    assert situation_agreement(question, old, 0.8) != situation_agreement(question, new, 0.8)
    assert qa_situations.entry_situations(new) == qa_situations._entry_situations.__wrapped__(
        new.questions, packaged_situations()
    )


def test_an_entry_with_another_lead_or_subject_is_read_anew() -> None:
    rate = _entry("利率是多少", "利息几个点", lead="不一定：看银行。")
    fee = replace(rate, question="担保费是多少", phrasings=("担保费几个点",), lead="能：问银行。")
    assert qa_subjects.subject_agreement("这个要多少", rate, 0.5) == 0.5
    assert qa_subjects.subject_agreement("这个担保要多少", fee, 0.5) == 1.0
    assert qa_conditions.lead_stance(rate.lead) == "不一定"
    assert qa_conditions.lead_stance(fee.lead) == "可以"
