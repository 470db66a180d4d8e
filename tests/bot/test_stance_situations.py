"""Situations as data (knowledge/data/qa/situations.tsv, bot/compose/qa_situations.py): any
situation a table declares is matched the same way, and format errors name file and line."""

from __future__ import annotations

import pytest

from bot.compose.qa_situations import (
    SituationFormatError,
    about_situation,
    packaged_situations,
    parse_situations,
    situation_agreement,
)
from knowledge.qa import QaEntry

TABLE = parse_situations("# test table\n续贷\t续|到期\t手续|持续\n质押\t质押|押给\t\n", "t.tsv")


def _entry(question: str, *phrasings: str) -> QaEntry:
    return QaEntry("x", "measure-7", question, "materials", phrasings, "问银行。", "问银行。", ())


PLEDGE = _entry("林权质押要什么材料", "专利押给银行带啥", "股权质押要交哪些资料")
PLAIN = _entry("贷款要什么材料", "借钱带哪些资料", "申请要交啥")


@pytest.mark.parametrize("question", ("知识产权质押要交什么", "把林权押给银行要带啥"))
def test_a_declared_situation_prefers_its_entries(question: str) -> None:
    assert about_situation(PLEDGE, "质押", TABLE)
    assert situation_agreement(question, PLEDGE, 0.8, TABLE) == 1.0
    assert situation_agreement(question, PLAIN, 0.8, TABLE) == 0.8


@pytest.mark.parametrize("question", ("贷款要交什么", "办手续要带啥", "持续经营要证明吗"))
def test_an_entry_about_a_situation_never_answers_a_question_outside_it(question: str) -> None:
    assert situation_agreement(question, PLEDGE, 0.8, TABLE) == 0.0
    assert situation_agreement(question, PLAIN, 0.8, TABLE) == 1.0


def test_the_packaged_table_declares_the_renewal() -> None:
    renewal = _entry("续贷要什么材料", "到期想续要交啥", "办续贷带哪些资料")
    assert about_situation(renewal, "续贷", packaged_situations())
    assert not about_situation(PLAIN, "续贷", packaged_situations())


@pytest.mark.parametrize("raw", ("续贷\n", "\t续\n", "续贷\t\t\n", "a\tb\tc\td\n"))
def test_a_malformed_line_is_named(raw: str) -> None:
    with pytest.raises(SituationFormatError, match=r"s\.tsv:2"):
        parse_situations("# head\n" + raw, "s.tsv")
