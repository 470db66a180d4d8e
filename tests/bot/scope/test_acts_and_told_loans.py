"""Acts asked of the assistant (`tasks.ACT_REQUEST`: 帮我把利息还了 is declined with its
pointer, asking to look or tell is not) and a family's opening ask before the firm's loan
(`readings._told_firm_loan`: 想办张信用卡行不行，公司贷款下个月到期，审批要多久 is the firm's
question). Generated over askers x acts and openings x loans x loan asks.

(Round 7's closed-world check of the asked object against the knowledge's words was removed:
it lifted a blind bank's declines by 3 of 120 and added 7 false rejects over five held-out
files.)"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.scope import out_of_scope_family
from retrieval.normalize import normalize_text
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer


# --- acts asked of the assistant ---------------------------------------------------------
ASKERS = ("帮我", "你直接帮我", "替我")
ACTS = (
    "把这个月的贷款利息还了",
    "把那笔经营贷提前还掉",
    "提交续贷申请吧",
    "进银行系统查查",
    "把抵押登记办了",
)
TOLD = ("看看", "问问", "说说", "解释一下")


@pytest.mark.parametrize(("asker", "act"), itertools.product(ASKERS, ACTS))
def test_an_act_asked_of_the_assistant_is_declined(asker: str, act: str) -> None:
    assert out_of_scope_family(normalize_text(asker + act))[0] == "transaction"


@pytest.mark.parametrize(("asker", "told", "act"), itertools.product(ASKERS, TOLD, ACTS))
def test_asking_to_look_or_tell_about_an_act_is_no_act(asker: str, told: str, act: str) -> None:
    text = f"{asker}{told}{act.removeprefix('把').removesuffix('吧')}之后还能不能续贷"
    assert out_of_scope_family(normalize_text(text))[0] != "transaction", text


@pytest.mark.parametrize("asker", ASKERS)
def test_an_act_is_refused_with_its_pointer(answerer: Answerer, asker: str) -> None:
    (turn,) = talk(answerer, asker + ACTS[0])
    assert not turn.answer.in_scope and turn.answer.refusal == "transaction"
    assert "不能替您还款" in turn.answer.answer


def test_registering_a_financing_need_is_no_act() -> None:
    assert out_of_scope_family("帮我提交一下融资需求")[0] == ""


# --- a family's opening ask, the firm's loan, then the loan's question --------------------
OPENINGS = (
    "家里装修的钱够不够",
    "结婚的开销大不大",
    "想办张信用卡行不行",
    "孩子上学的事怎么办",
)
LOANS = ("公司贷款下个月到期", "厂里在银行的授信快用完了", "我们店的经营贷正在办")
LOAN_ASKS = ("银行能不能先给续上", "审批一般要多久", "利率能不能低一点")


@pytest.mark.parametrize(
    ("opening", "loan", "ask"), list(itertools.product(OPENINGS, LOANS, LOAN_ASKS))
)
def test_the_firms_loan_asked_last_keeps_the_message(opening: str, loan: str, ask: str) -> None:
    assert out_of_scope_family(normalize_text(f"{opening}，{loan}，{ask}"))[0] == ""


@pytest.mark.parametrize(("opening", "loan"), list(itertools.product(OPENINGS, LOANS)))
def test_the_familys_matter_asked_last_stays_declined(opening: str, loan: str) -> None:
    assert out_of_scope_family(normalize_text(f"{loan}，{opening}"))[0] != ""


@pytest.mark.parametrize("opening", OPENINGS)
def test_the_firms_loan_asked_last_is_answered(answerer: Answerer, opening: str) -> None:
    (turn,) = talk(answerer, f"{opening}，{LOANS[0]}，{LOAN_ASKS[0]}")
    assert turn.answer.in_scope and turn.answer.citations, turn.answer.answer
