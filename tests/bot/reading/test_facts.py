"""Firm facts an owner states in passing, extracted and merged (read later by the self-check)."""

from __future__ import annotations

import pytest

from bot.reading import FirmFacts, extract_facts
from core.kinds import COUNTIES
from retrieval.normalize import normalize_text

TRADES = ("预制菜", "竹制品加工", "汽车线束", "光伏组件", "农机配件")


@pytest.mark.parametrize("county", COUNTIES)
@pytest.mark.parametrize(
    "template",
    ["我们{c}做{t}的，想问下贷款", "{c}这边做{t}的，有个问题", "我们是{c}的，做{t}生意"],
)
def test_county_and_trade_are_read(county: str, template: str) -> None:
    for trade in TRADES:
        for said in (county, county[:-1]):  # 沙县区 or 沙县
            facts = extract_facts(normalize_text(template.format(c=said, t=trade)))
            assert facts.county == county and facts.industry == trade, (said, trade)


@pytest.mark.parametrize(
    ("text", "wan"),
    [
        ("想借个八十万左右周转", 80.0),
        ("需要借200万买设备", 200.0),
        ("打算融资1500万扩产", 1500.0),
        ("缺三百万流动资金", 300.0),
    ],
)
def test_the_amount_wanted_is_read_in_wan(text: str, wan: float) -> None:
    assert extract_facts(normalize_text(text)).amount_wan == wan


def test_an_amount_that_is_not_wanted_is_not_the_amount() -> None:
    facts = extract_facts(normalize_text("年销售额三千来万，担保公司担保了五百万"))
    assert facts.amount_wan is None and facts.revenue_wan == 3000.0


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("厂房", "房产"),
        ("一批生产设备", "设备"),
        ("几百亩林地", "林权"),
        ("五项发明专利", "专利"),
        ("另一家公司的股权", "股权"),
        ("对国企的应收账款", "应收账款"),
        ("一个采矿权", "采矿权"),
    ],
)
@pytest.mark.parametrize("template", ["我们手上有{x}，能贷款吗", "想拿{x}去押"])
def test_collateral_the_firm_has_is_read(said: str, kind: str, template: str) -> None:
    facts = extract_facts(normalize_text(template.format(x=said)))
    assert kind in facts.collateral


@pytest.mark.parametrize("text", ["名下没房产能拿去押", "轻资产公司", "没啥抵押物"])
def test_no_collateral_is_read(text: str) -> None:
    assert extract_facts(text).no_collateral


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("我们主要做出口，客户在欧洲", "export", True),
        ("我们是专精特新企业", "tech", True),
        ("有双软认证和几个软著", "tech", True),
        ("公司成立才五个月", "new_firm", True),
        ("我们是新公司", "new_firm", True),
        ("从来没贷过款", "first_loan", True),
        ("我们登记的是个体工商户", "entity", "个体户"),
        ("我们是一家种植合作社", "entity", "合作社"),
        ("我是城商行的信贷员", "asker", "bank"),
        ("我在县工信局工作", "asker", "office"),
    ],
)
def test_status_facts_are_read(text: str, field: str, value: object) -> None:
    assert getattr(extract_facts(text), field) == value


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("前年有两笔逾期", "逾期"),
        ("征信有点花", "征信"),
        ("被列为被执行人", "被执行"),
        ("去年被环保罚款了", "行政处罚"),
        ("被列入经营异常名录", "经营异常"),
        ("帮上游做过担保", "对外担保"),
    ],
)
def test_credit_problems_are_read(text: str, issue: str) -> None:
    assert issue in extract_facts(text).credit_issues


@pytest.mark.parametrize(
    "text", ["科技贷门槛高不高", "外贸贷是什么", "利率一般多少", "怎么申请", "你好"]
)
def test_a_question_without_facts_gives_none(text: str) -> None:
    assert extract_facts(text).to_dict() == {}


def test_newer_facts_replace_older_ones_and_lists_are_united() -> None:
    old = FirmFacts(county="三元区", collateral=("房产",), export=True)
    new = FirmFacts(county="永安市", collateral=("专利",), amount_wan=100.0)
    merged = old.merged(new)
    assert merged.county == "永安市" and merged.collateral == ("房产", "专利")
    assert merged.export and merged.amount_wan == 100.0
    assert old.merged(FirmFacts()) == old


def test_facts_round_trip_through_their_json_shape() -> None:
    facts = FirmFacts(
        industry="预制菜",
        county="沙县区",
        collateral=("设备",),
        amount_wan=60.0,
        employees=30,
        tech=True,
        credit_issues=("逾期",),
        asker="bank",
    )
    assert FirmFacts.from_dict(facts.to_dict()) == facts
    assert FirmFacts.from_dict({"county": 3, "export": "yes", "employees": True}) == FirmFacts()


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("有林权，没有房产", ("林权",), ("房产",)),
        ("没有房子可以抵押，有一批设备", ("设备",), ("房产",)),
        ("我们无厂房，手上有专利", ("专利",), ("房产",)),
    ],
)
def test_negated_collateral_is_not_taken_as_given(
    text: str, kept: tuple[str, ...], dropped: tuple[str, ...]
) -> None:
    facts = extract_facts(normalize_text(text))
    assert all(k in facts.collateral for k in kept), facts
    assert not any(d in facts.collateral for d in dropped), facts


@pytest.mark.parametrize("text", ["从来没有逾期", "没有行政处罚", "我们无逾期记录", "没有任何逾期"])
def test_negated_credit_problems_are_not_read(text: str) -> None:
    assert extract_facts(normalize_text(text)).credit_issues == ()


@pytest.mark.parametrize("other", ["国企", "国有企业", "一家国企", "央企和国企"])
@pytest.mark.parametrize(
    "template",
    [
        "我们是一家小工厂，之前跟{o}做配套，现在资金紧张",
        "我们给{o}供货，货款压着",
        "银行给我们的利率比{o}高",
        "我们有对{o}的应收账款，能融资吗",
        "客户是{o}，回款慢",
    ],
)
def test_a_state_owned_firm_told_of_another_party_is_not_the_firms_entity(
    other: str, template: str
) -> None:
    facts = extract_facts(normalize_text(template.format(o=other)))
    assert facts.entity == "" and "国" not in facts.industry and facts.industry != "配套"


@pytest.mark.parametrize(
    "said", ["我们是国企", "我们公司是国有企业", "我们厂属于国有控股", "我们单位是一家国企"]
)
def test_a_firm_telling_it_is_state_owned_is_read(said: str) -> None:
    facts = extract_facts(normalize_text(said + "，能申请吗"))
    assert facts.entity == "国企" and facts.industry == ""
