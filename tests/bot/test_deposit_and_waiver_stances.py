"""Stances on 第11条's cost points hold for exactly what the measure says (bot/compose/leads.py,
knowledge/data/plain/measure-11.md, knowledge/data/qa/measure-11.yaml): 免评估 is one measure
banks take, so "can it be waived" is 可以提出 and the bank decides, and "who pays" is honest
silence; a deposit asked before lending is not by itself 以贷转存 (a 保证金 is not ruled out,
its share is to be lowered), while part of the loan put back is. Answered composed and with the
Q&A entries; wordings and styles (clean, slips, bare, story) are the tests' own."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bot.answerer import Answerer

WAIVE = [
    "评估费能不能让银行免掉",
    "抵押物评估费银行能给免吗？",
    "評估費能讓銀行免掉嗎",  # traditional
    "可以叫银行把评估费免了不",
    "评古费能不能免啊",  # slip
    "抵压评估费能免不能免",  # slip, bare
    "我们拿厂房抵押贷款，银行说要请评估公司评估，要交好几千，这个评估费能不能让银行免掉？",
]
WHO_PAYS = [
    "评估费谁出",
    "抵押评估费该谁出？",
    "评古费归谁付",
    "房子抵押评估费到底企业出还是银行出",
    "我们公司第一次办抵押贷款，银行让找评估公司，评估费谁来出",
]
DEPOSIT_FIRST = [
    "放贷前要我先存一笔钱，这合规吗",
    "还没放款银行叫我先存点钱 合法吗",
    "贷款之前要先存一笔钱进去才给批，违规不",
    "放款前要我们先存笔钱合规吗",
    "我们做竹制品的，找银行贷一百万，客户经理说要先在他们行存一笔钱才好放款，这样合规吗？",
]
LOAN_PUT_BACK = [
    "贷款到账后要我存回去一部分，合规吗",
    "钱贷下来银行让我把一部分存回去，合法吗",
    "贷款放下来要回存一部分 违规吗",
    "以贷转存合规吗",
]
MARGIN = [
    "银行要我交保证金合规吗",
    "放款要先交一笔保证金，这合规不",
    "保正金合规吗",  # slip
    "开承兑要交保证金，比例百分之五十，这合规吗",
]
ANSWERERS = ("answerer", "plain_answerer")
_BARE_STANCE = re.compile(r"^(可以|合规|不合规|不行)。")


def _lead(request: pytest.FixtureRequest, which: str, question: str) -> str:
    answerer: Answerer = request.getfixturevalue(which)
    return str(answerer.answer(question).answer).splitlines()[0]


@pytest.mark.parametrize(
    ("which", "question"),
    [("answerer", q) for q in WAIVE] + [("plain_answerer", q) for q in WAIVE[:-1]],
)
def test_waiving_appraisal_is_asked_for_and_the_bank_decides(
    request: pytest.FixtureRequest, which: str, question: str
) -> None:
    lead = _lead(request, which, question)
    assert "由银行决定" in lead, lead
    assert "必须免" not in lead and not lead.startswith(("不行", "不合规")), lead


@pytest.mark.parametrize("which", ANSWERERS)
@pytest.mark.parametrize("question", WHO_PAYS)
def test_who_pays_appraisal_is_honest_silence(
    request: pytest.FixtureRequest, which: str, question: str
) -> None:
    answer = str(request.getfixturevalue(which).answer(question).answer)
    lead = answer.splitlines()[0]
    assert lead.startswith("措施没有规定") and "评估费由谁出" in lead, answer
    assert "自评估" in answer or "免评估" in answer, answer  # what the measure does offer


@pytest.mark.parametrize(
    ("question", "charge"),
    [
        ("担保费由谁来付", "担保费"),
        ("抵押登记费该谁出啊", "抵押登记费"),
        ("抵押登记费归谁承担", "抵押登记费"),
    ],
)
def test_who_pays_any_charge_is_honest_silence(
    plain_answerer: Answerer, question: str, charge: str
) -> None:
    lead = str(plain_answerer.answer(question).answer).splitlines()[0]
    assert lead.startswith(f"措施没有规定{charge}由谁出"), lead


@pytest.mark.parametrize("which", ANSWERERS)
@pytest.mark.parametrize("question", DEPOSIT_FIRST)
def test_a_deposit_before_lending_is_not_called_non_compliant_outright(
    request: pytest.FixtureRequest, which: str, question: str
) -> None:
    lead = _lead(request, which, question)
    assert not _BARE_STANCE.match(lead) and not lead.startswith("不合规"), lead
    assert "以贷转存" in lead and "保证金" in lead, lead


@pytest.mark.parametrize("which", ANSWERERS)
@pytest.mark.parametrize("question", LOAN_PUT_BACK)
def test_part_of_the_loan_put_back_is_not_compliant(
    request: pytest.FixtureRequest, which: str, question: str
) -> None:
    lead = _lead(request, which, question)
    assert lead.startswith("不合规"), lead


@pytest.mark.parametrize("which", ANSWERERS)
@pytest.mark.parametrize("question", MARGIN)
def test_a_margin_deposit_is_not_ruled_out_but_its_share_lowered(
    request: pytest.FixtureRequest, which: str, question: str
) -> None:
    lead = _lead(request, which, question)
    assert not lead.startswith(("不合规", "合规")), lead
    assert "保证金" in lead and ("下调" in lead or "降低" in lead), lead
