"""Scope and intent: refusals, greetings, financing needs, follow-ups, documents."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.compose.steps import invites_form
from tests.helpers.answers import document_of

if TYPE_CHECKING:
    from bot.answerer import Answerer

OUT_OF_SCOPE = [
    "明天三明天气怎么样？",
    "给我写一首七言绝句",
    "个人住房贷款利率是多少？",
    "护照到期了怎么续办？",
    "推荐一只能翻倍的股票",
    "讲个段子听听",
    "信用卡账单怎么分期？",
    "附近哪家火锅好吃？",
    "写一首关于贷款的诗",
    "银行卡密码忘了怎么办",
    "三孩生育有什么补贴政策？",
    "企业所得税怎么算？",
    "银行几点下班？",
    "什么是人工智能？",
    "高速公路收费标准是多少？",
    "帮我起个公司名字",
    "孩子上小学要准备什么？",
    "装修房子贷款怎么办？",
]


@pytest.mark.parametrize("question", OUT_OF_SCOPE)
def test_answer_declines_out_of_scope(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert (answer.in_scope, answer.intent) == (False, "out_of_scope")
    assert answer.citations == [] and not answer.suggest_intake
    assert "融资" in answer.answer and "电话" not in answer.answer  # no phone configured


@pytest.mark.parametrize(
    "question",
    [
        "公司的厂房能抵押贷款吗？",
        "我们企业被列入经营异常了还能融资吗？",
        "对接会什么时候开？",
        "贷款年化利率一般多少？",
        "公司银行卡被冻结了影响贷款吗？",
        "增值税发票能用来贷款吗？",
        "这个文件是三明市政府发的吗？",
        "银行硬要我办他们的信用卡才给贷款",
        "有效期到什么时候？",
    ],
)
def test_answer_keeps_business_questions_in_scope(answerer: Answerer, question: str) -> None:
    assert answerer.answer(question).in_scope


@pytest.mark.parametrize("greeting", ["你好", "您好！", "在吗？", "谢谢", "hello"])
def test_answer_greets_without_citations(answerer: Answerer, greeting: str) -> None:
    answer = answerer.answer(greeting)
    assert (answer.intent, answer.in_scope, answer.citations) == ("greeting", True, [])


@pytest.mark.parametrize(
    "question", ["我想贷款200万周转一下", "流动资金不够用，能续贷吗？", "额度不够了怎么办"]
)
def test_answer_offers_intake_for_financing_need(answerer: Answerer, question: str) -> None:
    answer = answerer.answer(question)
    assert answer.intent == "financing_need" and answer.suggest_intake
    assert answer.in_scope and answer.citations
    # the engine offers the form right after (suggest_intake): the answer's own next step is
    # the topic's step, not a second form offer
    assert not any(invites_form(line) for line in answer.answer.splitlines()[1:]), answer.answer


def test_answer_policy_question_does_not_offer_intake(answerer: Answerer) -> None:
    answer = answerer.answer("白名单企业库是怎么建立的？")
    assert answer.intent == "policy_question" and not answer.suggest_intake
    assert answer.topic == "measure-15"


def test_answer_follow_up_uses_previous_topic(answerer: Answerer) -> None:
    from bot.dialogue import answer_in_context
    from bot.reading import ConversationContext

    first = answer_in_context(answerer, ConversationContext(), "科技贷是什么？")
    assert first.answer.topic == "product-kejidai"
    follow = answer_in_context(answerer, first.context, "那要什么条件？")  # read in context
    assert follow.answer.topic == "product-kejidai"
    assert "高新技术企业" in follow.answer.answer or "科技型" in follow.answer.answer


def test_answer_follow_up_with_new_subject_ignores_topic(answerer: Answerer) -> None:
    from bot.dialogue import answer_in_context
    from bot.reading import ConversationContext

    first = answer_in_context(answerer, ConversationContext(), "科技贷是什么？")
    follow = answer_in_context(answerer, first.context, "那以贷转存怎么办？")
    assert follow.answer.topic == "measure-11"


def test_answer_product_says_terms_are_set_by_bank(answerer: Answerer) -> None:
    answer = answerer.answer("提质增产争效贷的利率是多少？")
    assert answer.citations[0].doc_id == "product-tizhizengchan"
    assert "银行" in answer.answer and "第6条" in answer.answer
    assert {c.article for c in answer.citations} >= {6}


def test_document_returns_full_measure_and_none_for_unknown(answerer: Answerer) -> None:
    doc = answerer.document("measure-9")
    assert doc is not None and doc.article == 9 and "放大倍数5倍以上" in doc.text
    assert document_of(answerer, "measure-0").article == 0
    assert answerer.document("nope") is None
