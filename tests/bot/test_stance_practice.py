"""Leads on what a bank demands or does, and on money back, answer the predicate asked in the
measures' own terms: generated over topics × weighing predicates (合理吗, 对吗, 正常吗 …, with
traditional characters and typos) × the composer and the Q&A layer. Wordings written here from
the measures (第2、4、6、11、12条)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

from bot.compose.leads import shorten
from bot.compose.practice import refund_thing, without_thing
from bot.compose.question import question_shape
from knowledge.plain import PlainPoint
from retrieval.normalize import normalize_text

if TYPE_CHECKING:
    from bot.answerer import Answerer

PREDICATES = (
    "合理吗",
    "这样对吗",
    "正常吗",
    "合规吗",
    "合法吗",
    "能这样吗",
    "有道理吗",
    "应该吗",
    "可以这样要求吗",
    "合理嗎",  # traditional
    "這樣對嗎",
    "應該嗎",
    "合里吗",  # typed for 合理
    "这样对嘛",
)
# What the bank demands or does, by topic, and what the lead must say: the measure's word on it.
NOT_REQUIRED = re.compile(r"^[^。：；]{2,8}不是措施的要求")
RULED_OUT = re.compile(r"^(不合规|不行|不应该|不合理|[^。]{0,20}不符合|[^。]{0,12}不该)")
UNRULED = re.compile(r"^措施没有(直接规定|禁止)")
PRACTICES = (
    ("renewal", "银行要我先把本金还了才肯续贷，", NOT_REQUIRED),
    ("renewal", "续代前客户经理叫我先还本金，", NOT_REQUIRED),
    ("renewal", "流贷到期，信贷员说得先还清本金才能续，", NOT_REQUIRED),
    ("appraisal", "办抵压贷款银行让我自己掏评估费，", NOT_REQUIRED),
    ("appraisal", "银行要我们另外出一笔抵押物评估费，", NOT_REQUIRED),
    ("deposit", "银行要我把一部分贷款存回去才放款，", RULED_OUT),
    ("bundling", "银行要我买他们的理财产品才放贷，", RULED_OUT),
    ("bundling", "客户经理说不搭售保险就不批贷款，", RULED_OUT),
    ("equal", "因为我们是民企，银行就要求更高的利率，", RULED_OUT),
    ("blanket", "以前有过不良记录，银行就一刀切拒贷，", RULED_OUT),
    ("withdraw", "生意好好的，银行突然要抽贷，", RULED_OUT),
    ("margin", "银行要我先存一笔保证金才放款，", UNRULED),
)
STOCK_STARTS = ("不一定", "可以", "流动资金贷款到期后")


def _lead(answerer: Answerer, question: str) -> str:
    answer = answerer.answer(question)
    assert answer.in_scope, (question, answer.answer)
    return str(answer.answer).split("\n")[0].removeprefix("（一）")


def _bare_points(answerer: Answerer) -> set[str]:
    return {shorten(p.text) for m in answerer.composer.plain.values() for p in m.points}


@pytest.mark.parametrize("predicate", PREDICATES)
def test_a_weighing_predicate_is_read_as_weighing(predicate: str) -> None:
    for _, practice, _ in PRACTICES:
        shape = question_shape(normalize_text(practice + predicate))
        assert shape.evaluative and not shape.need, (practice + predicate, shape)


@pytest.mark.parametrize("predicate", PREDICATES)
@pytest.mark.parametrize(("topic", "practice", "expected"), PRACTICES)
def test_the_composed_lead_weighs_the_banks_demand(
    plain_answerer: Answerer, topic: str, practice: str, expected: re.Pattern[str], predicate: str
) -> None:
    question = practice + predicate
    lead = _lead(plain_answerer, question)
    assert expected.search(lead), (topic, question, lead)
    assert len(lead) <= 61, (question, lead)
    assert lead not in _bare_points(plain_answerer), (question, lead)
    assert not lead.startswith(STOCK_STARTS), (question, lead)


@pytest.mark.parametrize("predicate", PREDICATES[::3])
@pytest.mark.parametrize(("topic", "practice", "expected"), PRACTICES)
def test_the_answer_with_qa_entries_weighs_the_banks_demand(
    answerer: Answerer, topic: str, practice: str, expected: re.Pattern[str], predicate: str
) -> None:
    question = practice + predicate
    lead = _lead(answerer, question)
    assert not lead.startswith(STOCK_STARTS), (question, lead)
    assert re.search(
        r"不是措施的要求|不合规|不行|不合理|不应该|不该|不符合|没有禁止|没有直接规定", lead
    ), (
        topic,
        question,
        lead,
    )


def test_a_renewal_demand_gets_the_way_without_it_and_whom_to_tell(
    plain_answerer: Answerer,
) -> None:
    answer = plain_answerer.answer("客户经理说续贷要先把本金还清，这样对吗").answer
    lead, *rest = answer.split("\n")
    assert lead.startswith("先还本金不是措施的要求"), lead
    step = next(line for line in rest if line.startswith("下一步"))
    assert "无还本续贷" in step and "反映" in step, step


MONEY = ("评估费", "担保费", "中介费", "保证金", "手续费")
REFUNDS = ("能退吗", "能退回吗", "能要回来吗", "可以退还吗", "能要回來嗎", "能退麽")


@pytest.mark.parametrize("refund", REFUNDS)
@pytest.mark.parametrize("money", MONEY)
def test_money_back_gets_the_sources_silence_not_a_stance(
    plain_answerer: Answerer, answerer: Answerer, money: str, refund: str
) -> None:
    question = f"之前交过的{money}{refund}"
    shape = question_shape(normalize_text(question))
    assert shape.refund and not shape.need, shape
    for source in (plain_answerer, answerer):
        lead = _lead(source, question)
        assert re.match(r"(措施|公开资料)没有规定已交的", lead), (question, lead)
        assert money in lead, (question, lead)


def test_money_back_keeps_what_the_measure_says_for_next_time(plain_answerer: Answerer) -> None:
    lines = plain_answerer.answer("上个月付的抵押评估费，还能退回来吗").answer.split("\n")
    assert lines[0].startswith("措施没有规定已交的评估费"), lines
    assert any("自评估或免评估" in line for line in lines[1:3]), lines
    assert any(line.startswith("下一步") and "反映" in line for line in lines), lines


@pytest.mark.parametrize(
    ("text", "question", "thing"),
    [
        ("可以申请不先还本金的续贷。", "银行让我先还清本金", "先还本金"),
        ("企业可以提出不另付评估费。", "银行叫我出评估费", "另付评估费"),
        ("可以申请不先还本金的续贷。", "银行要我先找担保公司", ""),
        ("可以申请无还本续贷。", "银行要我先还本金", ""),  # 无 negates 还本 only
    ],
)
def test_the_thing_done_without_is_the_one_the_question_names(
    text: str, question: str, thing: str
) -> None:
    point = PlainPoint(6, "含义", ("续贷",), "可以", text)
    assert without_thing(point, question) == thing


@pytest.mark.parametrize(
    ("question", "money"),
    [("评估费能退吗", "评估费"), ("交的保证金能要回来吗", "保证金"), ("能退钱吗", "费用")],
)
def test_the_money_asked_back_is_named(question: str, money: str) -> None:
    assert refund_thing(question) == money
