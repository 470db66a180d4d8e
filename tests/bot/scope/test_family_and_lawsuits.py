"""A relative named beside the family's firm (我老公开了个厂, 我爸的店) is no personal-finance
question, while a personal loan for a relative still is; a lawsuit the firm is in (被银行起诉了,
银行把我们告了) is declined with the legal pointer, unless what is asked is the firm's credit or
a loan after it (measure 2: parties that fulfilled a judgment regain credit)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from bot.answerer import Answerer

RELATIVES = ("我老公", "我老婆", "我爱人", "我爸", "我妈", "我父母", "我媳妇", "家里人", "我自己")
FIRM_ASKS = (
    "{}开了个厂想贷款",
    "{}的公司能申请首贷吗",
    "{}的厂能不能享受这个政策",
    "{}的店想进白名单",
    "{}开的厂子银行抽贷了怎么办",
    "{}的工厂资金链紧张",
)
PERSONAL_ASKS = ("想给{}办个房贷", "{}想申请个人消费贷", "帮{}贷款买车", "{}的信用卡逾期了影响大吗")
PARTIES = ("银行", "担保公司", "供应商", "客户", "小贷公司")
LAWSUITS = (
    "被{}起诉了怎么办",
    "{}把我们告了",
    "{}起诉我们了怎么办",
    "被{}告了怎么办",
    "{}把公司告上法院了",
    "跟{}打官司要多久",
    "{}要起诉我们，该怎么应对",
)
BARE_LAWSUITS = (
    "收到法院传票了怎么办",
    "官司输了怎么办",
    "下周要开庭了怎么准备",
    "公司吃官司了咋办",
)
AFTER_JUDGMENT = (
    "被{}起诉过，判决履行完了征信能修复吗",
    "和{}的官司结了欠款也还清了，还能贷款吗",
    "被{}起诉过的企业还能申请续贷吗",
    "跟{}的判决执行完了能不能重新获得贷款",
)


@pytest.mark.parametrize("ask", FIRM_ASKS)
def test_a_relatives_firm_is_no_personal_finance(answerer: Answerer, ask: str) -> None:
    declined = [q for q in (ask.format(r) for r in RELATIVES) if not answerer.assess(q).in_scope]
    assert declined == []


@pytest.mark.parametrize("ask", PERSONAL_ASKS)
def test_a_personal_loan_for_a_relative_is_still_personal(answerer: Answerer, ask: str) -> None:
    for relative in RELATIVES[:-1]:
        question = ask.format(relative)
        assessment = answerer.assess(question)
        assert not assessment.in_scope, question
        assert assessment.scope.family.startswith("personal"), question


@pytest.mark.parametrize("ask", LAWSUITS)
def test_a_lawsuit_is_declined_with_the_legal_pointer(answerer: Answerer, ask: str) -> None:
    for question in [ask.format(p) for p in PARTIES] + list(BARE_LAWSUITS):
        assert answerer.assess(question).scope.family == "legal", question
        answer = answerer.answer(question)
        assert not answer.in_scope and answer.citations == [], question
        assert "律师" in answer.answer and "法院" in answer.answer, question


@pytest.mark.parametrize("ask", AFTER_JUDGMENT)
def test_credit_after_a_judgment_stays_in_scope(answerer: Answerer, ask: str) -> None:
    for question in (ask.format(p) for p in PARTIES):
        assert answerer.answer(question).in_scope, question
