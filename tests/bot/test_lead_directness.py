"""A lead answers the predicate the owner asked, and no other.

- 得 before a complement (说得过去, 贷得到, 批得下来) asks whether something is possible, not
  what the owner needs: no "不一定。措施没有规定必须过去" lead;
- 有效期多久 asks the term, answered by the source's term, not by 有效：;
- a stance entry's condition in its short form (高企) is named by the long one (高新企业);
- a Q&A entry answering another yes/no predicate (an entry on 合理吗 asked 能…吗, a 不一定 on a
  need asked 能…吗 or about another party's duty) counts less (`predicate_agreement`);
- over a bank of owner questions written for these tests (tests/bot/data/owner_questions.tsv:
  topic, ask kind, question; phone-typed, some typos, traditional characters and long stories),
  every served lead opens with a sentence of at most MAX_LEAD characters and a stance only of
  the asked predicate's family, and no number of the answer is missing from its citations.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.answer_grounding import ungrounded_numbers
from bot.compose.asks import needed_thing
from bot.compose.leads import MAX_LEAD
from bot.compose.qa_conditions import (
    answers_predicate,
    condition_agreement,
    lead_stance,
    predicate_agreement,
)
from bot.compose.question import question_shape
from bot.reading.document_asks import asks_validity
from knowledge.answer_review import parse_answer_text
from knowledge.qa import QaEntry

if TYPE_CHECKING:
    from bot.answerer import Answerer

BANK = Path(__file__).parent / "data" / "owner_questions.tsv"
OTHER = 0.5

VERBS = ("说", "贷", "批", "办", "借", "还")
COMPLEMENTS = ("过去", "到", "下来", "上")
SUBJECTS = ("贷款", "续贷", "外贸贷", "科技贷")
THINGS = ("抵押", "担保", "先还本金")


@pytest.mark.parametrize("verb", VERBS)
@pytest.mark.parametrize("complement", COMPLEMENTS)
def test_de_before_a_complement_asks_no_need(verb: str, complement: str) -> None:
    question = f"银行这样{verb}得{complement}吗"
    assert needed_thing(question) == ""
    assert not question_shape(question).need


@pytest.mark.parametrize("subject", SUBJECTS)
@pytest.mark.parametrize("thing", THINGS)
def test_modal_de_still_asks_a_need(subject: str, thing: str) -> None:
    question = f"{subject}得{thing}吗"
    assert needed_thing(question) == thing.removeprefix("先")
    assert question_shape(question).need


@pytest.mark.parametrize("subject", ("这些措施", "三明这个政策", "这份文件"))
@pytest.mark.parametrize("asked", ("有效期多久", "有效期是多长", "有效期几年", "有效期有多久"))
def test_asking_the_term_is_no_validity_state_ask(subject: str, asked: str) -> None:
    assert not asks_validity(f"{subject}{asked}")


@pytest.mark.parametrize("subject", ("这些措施", "三明这个政策", "这份文件"))
@pytest.mark.parametrize("asked", ("还有效吗", "现在还有效吗", "过期了没", "有效期到什么时候"))
def test_asking_the_state_stays_a_validity_ask(subject: str, asked: str) -> None:
    assert asks_validity(f"{subject}{asked}")


def _entry(questions: tuple[str, ...], lead: str) -> QaEntry:
    return QaEntry(
        id="t",
        topic="general",
        question=questions[0],
        ask="yesno",
        phrasings=questions[1:],
        lead=lead,
        next_step="",
        cites=("measure-11",),
        valid_from=date(2025, 4, 29),
    )


PRACTICES = ("存保证金", "找担保公司担保", "买理财")
CAN_ASKS = ("担保公司能帮我{x}吗", "我能不能{x}", "可以{x}吗")


@pytest.mark.parametrize("practice", PRACTICES)
@pytest.mark.parametrize("asked", CAN_ASKS)
def test_an_entry_on_whether_a_practice_is_fair_answers_no_can_question(
    practice: str, asked: str
) -> None:
    entry = _entry(
        (f"银行要我{practice}，合理吗？", f"要求{practice}合不合规", f"非要{practice}正常吗"),
        "措施没有禁止，但要求降低综合融资成本。",
    )
    assert predicate_agreement(asked.format(x=practice), entry, OTHER) == OTHER
    assert predicate_agreement(f"银行要我{practice}，这合理吗", entry, OTHER) == 1.0
    assert predicate_agreement(f"银行会不会要我{practice}", entry, OTHER) == 1.0


@pytest.mark.parametrize("thing", ("抵押", "担保", "买保险"))
def test_a_not_necessarily_on_a_need_answers_only_the_owners_need(thing: str) -> None:
    entry = _entry(
        (f"贷款一定要{thing}吗？", f"是不是必须{thing}", f"要不要{thing}"), "不一定：由银行定。"
    )
    assert predicate_agreement(f"贷款要不要{thing}", entry, OTHER) == 1.0
    assert predicate_agreement(f"贷款非得{thing}吗", entry, OTHER) == 1.0
    assert predicate_agreement(f"没有{thing}能贷款吗", entry, OTHER) == OTHER
    assert predicate_agreement(f"银行一定要给我们{thing}吗", entry, OTHER) == OTHER


SHORT_FORMS = (("高企", "高新企业"), ("科小", "科技小巨人"))


@pytest.mark.parametrize(("short", "long"), SHORT_FORMS)
@pytest.mark.parametrize("asked", ("我们不是{x}能申请吗", "没评上{x}可以办吗", "{x}以外的能不能贷"))
def test_a_condition_in_its_short_form_is_named_by_the_long_one(
    short: str, long: str, asked: str
) -> None:
    entry = _entry(
        (f"不是{short}能申请吗？", f"非{short}能办吗", f"没有{short}资格可以贷吗"),
        f"不一定要是{short}：其他科技型企业也在范围内。",
    )
    assert condition_agreement(asked.format(x=long), entry, OTHER) == 1.0
    assert condition_agreement("注册在外省能申请吗", entry, OTHER) == OTHER


def _bank() -> list[tuple[str, str, str]]:
    rows = [line.split("\t") for line in BANK.read_text(encoding="utf-8").splitlines() if line]
    return [(topic, kind, question) for topic, kind, question in rows]


def test_the_bank_spreads_over_the_measures_products_and_ask_kinds() -> None:
    rows = _bank()
    topics = {t for t, _, _ in rows}
    assert {f"m{n}" for n in range(17)} <= topics
    assert {"p_kj", "p_wm", "p_sm", "p_tz"} <= topics
    assert len({k for _, k, _ in rows}) >= 10


@pytest.mark.parametrize("row", _bank(), ids=lambda r: f"{r[0]}-{r[1]}")
def test_a_served_lead_answers_the_predicate_asked(
    answerer: Answerer, row: tuple[str, ...]
) -> None:
    question = row[2]
    answer = answerer.answer(question)
    if not answer.in_scope:
        return  # scope is decided elsewhere (bot/scope); the lead is what is tested here
    assert not ungrounded_numbers(answer.answer, answer.citations), answer.answer
    lead = re.sub(r"^（[一二]）", "", parse_answer_text(answer.answer)["lead"])
    first = re.split(r"(?<=[。！？])", lead)[0]
    assert len(first) <= MAX_LEAD, first
    stance = lead_stance(lead)
    if stance:
        assert answers_predicate(question, stance), (stance, lead)
