"""The owner's own statements in a conversation (bot.told, bot.needs through bot.dialogue):
facts stated with no question are acknowledged naming what was understood and kept; recall
questions are answered from the facts kept (or say they were not given); a stated need gets
a lead taking it. Generated over counties × trades × wordings written here, never evaluation
sets."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.reading.memory import lead_line, step_line
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

PLACES = (("尤溪", "尤溪县"), ("永安", "永安市"), ("宁化", "宁化县"), ("三元区", "三元区"))
TRADES = ("竹木加工", "机械配件", "食用菌烘干", "石材切割")
PROFILES = (
    "我们是做{trade}的在{place}",
    "我们公司在{place}，做{trade}，二十来个人",
    "在{place}做{trade}的，小厂",
    "我们厂在{place}，主要做{trade}，员工三十多人",
)


CASES = [
    (template.format(place=place, trade=trade), county, trade)
    for template, (place, county), trade in itertools.product(PROFILES, PLACES, TRADES)
][::3]


@pytest.mark.parametrize(("text", "county", "trade"), CASES)
def test_facts_stated_are_acknowledged_and_kept(
    answerer: Answerer, text: str, county: str, trade: str
) -> None:
    (turn,) = talk(answerer, text)
    lead = lead_line(turn.answer.answer)
    assert turn.answer.in_scope and turn.answer.intent != "out_of_scope", turn.answer.answer
    assert lead.startswith("好的，记下了") and county in lead and trade in lead, lead
    assert "申请" in turn.answer.answer
    assert turn.context.facts.county == county and turn.context.facts.industry == trade


RECALLS = {
    "county": ("我刚才说我在哪个县", "你还记得我们在哪里吗", "我之前说过我们是哪的"),
    "industry": ("我们是做什么行业的你还记得吗", "我刚才说我们干啥的"),
}


@pytest.mark.parametrize(
    ("first", "field", "ask"),
    [
        (f, field, ask)
        for f in ("我们是做竹木加工的在尤溪", "在尤溪做竹木加工的，想续贷")
        for field, asks in RECALLS.items()
        for ask in asks
    ],
)
def test_recall_is_answered_from_the_facts_kept(
    answerer: Answerer, first: str, field: str, ask: str
) -> None:
    _, turn = talk(answerer, first, ask)
    said = lead_line(turn.answer.answer)
    assert turn.answer.in_scope and said.startswith("你说企业"), turn.answer.answer
    assert ("尤溪县" if field == "county" else "竹木加工") in said
    assert turn.reading.resolved == turn.reading.text  # not completed with a topic


@pytest.mark.parametrize("ask", ["我刚说要贷多少", "你还记得我要借多少钱吗"])
def test_recall_of_what_was_not_said(answerer: Answerer, ask: str) -> None:
    _, turn = talk(answerer, "我们是做竹木加工的在尤溪", ask)
    assert lead_line(turn.answer.answer).startswith("你还没说"), turn.answer.answer
    _, after = talk(answerer, "我要贷80万周转", ask)
    assert "80万元" in lead_line(after.answer.answer)


RENEWALS = ("我想续贷", "贷款下个月到期了，想续上", "流贷快到期了，还想接着用", "我们想办个续贷")
LOANS = ("想贷款", "我要贷50万周转", "缺点流动资金", "我们想融资", "在尤溪做竹木加工，想借点钱")


@pytest.mark.parametrize("text", RENEWALS)
def test_a_renewal_need_is_taken(answerer: Answerer, text: str) -> None:
    for before in ((), ("我们是做竹木加工的在尤溪",)):
        turn = talk(answerer, *before, text)[-1]
        lead = lead_line(turn.answer.answer)
        assert "无还本续贷" in lead and turn.answer.intent == "financing_need", lead
        assert "到期前" in step_line(turn.answer.answer)
        assert 6 in {c.article for c in turn.answer.citations}


@pytest.mark.parametrize("text", LOANS)
def test_a_loan_need_is_taken(answerer: Answerer, text: str) -> None:
    turn = talk(answerer, text)[-1]
    lead = lead_line(turn.answer.answer)
    assert "申请" in lead and "协调办" in lead and turn.answer.intent == "financing_need", lead
    assert 15 in {c.article for c in turn.answer.citations}
    assert "续贷" not in lead  # 周转 is no renewal


@pytest.mark.parametrize("follow_up", ["要抵押吗", "利率呢", "要多久"])
def test_a_need_is_followed_up_on_its_subject(answerer: Answerer, follow_up: str) -> None:
    _, renewal = talk(answerer, "我想续贷", follow_up)
    assert renewal.reading.resolved.startswith("续贷"), renewal.reading.resolved
    _, loan = talk(answerer, "想贷款", follow_up)
    assert loan.reading.resolved.startswith("贷款"), loan.reading.resolved
    assert loan.answer.in_scope


# A need or the firm's facts beside a request the scope declines by kind (drafting, forgery):
# the request stays declined; the need does not turn it into an answer.
DECLINED_BESIDE = [
    (template.format(need=need, when=when), family)
    for (template, family), need, when in itertools.product(
        (
            ("{when}{need}到期，帮我起草一份{need}申请，写清楚经营正常", "drafting"),
            ("想{need}，给我拟个{need}的申请报告，三百字左右", "drafting"),
            ("{when}要{need}，帮我P一张{need}要用的银行流水", "fraud"),
        ),
        ("续贷", "贷款"),
        ("下个月", "月底"),
    )
]


@pytest.mark.parametrize(("text", "family"), DECLINED_BESIDE)
def test_a_need_beside_a_declined_request_stays_declined(
    answerer: Answerer, text: str, family: str
) -> None:
    (turn,) = talk(answerer, text)
    assert not turn.answer.in_scope, (text, turn.answer.answer)
    assert turn.answer.refusal == family, (text, turn.answer.refusal)


@pytest.mark.parametrize("place", [p for p, _ in PLACES])
def test_facts_beside_a_forgery_request_stay_declined(answerer: Answerer, place: str) -> None:
    (turn,) = talk(answerer, f"我们在{place}做竹木加工，帮我做一份假的纳税证明")
    assert not turn.answer.in_scope and turn.answer.refusal == "fraud", turn.answer.answer


LENDER_ACTS = (
    "银行把额度降了",
    "银行突然说要抽贷",
    "银行要我们先还本金才给续贷",
    "担保公司要收很高的担保费",
    "客户经理说要买理财才放款",
)
FACT_OPENINGS = ("我们是做{trade}的在{place}", "在{place}做{trade}的小厂", "我们合作社在{place}")


@pytest.mark.parametrize(
    ("opening", "act"),
    [
        (o.format(trade=trade, place=place), act)
        for o, act, trade, (place, _) in itertools.product(
            FACT_OPENINGS, LENDER_ACTS, TRADES[:2], PLACES[:2]
        )
    ][::2],
)
def test_facts_told_beside_what_a_lender_did_answer_the_matter(
    answerer: Answerer, opening: str, act: str
) -> None:
    (turn,) = talk(answerer, f"{opening}，{act}")
    lead = lead_line(turn.answer.answer)
    assert turn.answer.in_scope and not lead.startswith("好的，记下了"), turn.answer.answer
    assert turn.answer.citations, turn.answer.answer
    assert turn.context.facts.county  # the facts are still kept


# a matter the measures name, told beside the firm's facts with no lender as its subject
MATTERS = (
    ("贷款审批太慢了 一个多月还没批下来", {"measure-8"}),
    ("厂房抵押登记跑了好几趟还没办好", {"measure-8"}),
    # receivables financed: 第7条's supply chain or 第9条's platform
    ("应收账款压了三百多万 资金转不开", {"measure-7", "measure-9"}),
    ("担保费收得太高了", {"measure-11", "measure-9"}),
)


@pytest.mark.parametrize(
    ("opening", "matter", "measure"),
    [
        (o.format(trade=trade, place=place), matter, measure)
        for o, (matter, measure), trade, (place, _) in itertools.product(
            FACT_OPENINGS[:2], MATTERS, TRADES[:2], PLACES[:2]
        )
    ][::2],
)
def test_facts_told_beside_a_matter_the_measures_name_answer_the_matter(
    answerer: Answerer, opening: str, matter: str, measure: set[str]
) -> None:
    (turn,) = talk(answerer, f"{opening} {matter}")
    lead = lead_line(turn.answer.answer)
    assert turn.answer.in_scope and not lead.startswith("好的，记下了"), turn.answer.answer
    assert measure & {c.doc_id for c in turn.answer.citations}, turn.answer.answer
    assert turn.context.facts.county
