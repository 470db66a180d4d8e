"""What the owner tells of the firm, read (bot.reading.recall, bot.reading.needs, facts):
recall questions by field, stated needs by kind, head counts and trades in the owner's words.
Generated over cues × fields × wordings written here, never evaluation sets."""

from __future__ import annotations

import itertools

import pytest

from bot.reading.facts import FirmFacts, extract_facts
from bot.reading.needs import stated_need
from bot.reading.recall import described, missing, recalled

CUES = ("我刚才说", "我之前跟你说过", "我前面提过", "你还记得", "你记不记得")
FIELD_ASKS = {
    "county": ("我们在哪个县", "我们公司在哪里", "我们是哪的"),
    "industry": ("我们是做什么的", "我们是什么行业", "我们干啥的"),
    "amount": ("我要贷多少", "我想借多少钱", "我们需要多少资金"),
    "employees": ("我们有多少人", "我们公司几个人"),
}


@pytest.mark.parametrize(
    ("field", "text"),
    [
        (field, f"{cue}{ask}{end}")
        for (field, asks), cue, end in itertools.product(FIELD_ASKS.items(), CUES, ("", "吗", "？"))
        for ask in asks
    ],
)
def test_recall_asks_the_field(field: str, text: str) -> None:
    assert recalled(text) == (field,), text


@pytest.mark.parametrize(
    "text",
    [
        "我刚说要贷50万",  # the value stated again
        "我刚才说的那个在哪办",  # where to go, not the county
        "我之前说过要续贷，还要什么材料",  # asks materials
        "在哪个县都能办吗",  # no cue
        "你还记得科技贷要什么条件",  # topic words, no field
        "我们在尤溪做竹木加工",
    ],
)
def test_no_recall(text: str) -> None:
    assert recalled(text) is None, text


@pytest.mark.parametrize("text", ["你还记得我说了些什么吗", "我刚才都说了啥", "你记得我们的情况吗"])
def test_recall_of_everything(text: str) -> None:
    assert recalled(text) == ("all",)


def test_recall_of_two_fields_in_order() -> None:
    assert recalled("你还记得我们在哪个县、做什么行业吗") == ("county", "industry")


FACTS = FirmFacts(industry="竹木加工", county="尤溪县", amount_wan=50.0, employees=20)


def test_described_and_missing() -> None:
    assert described(FACTS, ("county",)) == ["在尤溪县"]
    assert described(FACTS, ("amount",)) == ["想贷50万元"]
    assert described(FACTS) == ["在尤溪县", "做竹木加工", "约20人", "想贷50万元"]
    assert described(FirmFacts(industry="农资店"), ("industry",)) == ["经营农资店"]
    assert described(FirmFacts(), ("county",)) == []
    assert "县" in missing("county") and "多少" in missing("amount")


RENEW = ("我想续贷", "贷款下个月到期了，想续上", "流贷快到期了还想接着用", "打算找过桥资金先还上")
LOAN = ("想贷款", "我要贷50万周转", "缺点流动资金", "我们想融资", "需要一笔钱进货", "资金紧张")
NO_NEED = ("银行不给我续贷", "贷不到款", "银行要抽贷", "我们在尤溪做竹木加工", "被拒贷了")


@pytest.mark.parametrize("text", RENEW)
def test_renewal_need(text: str) -> None:
    assert stated_need(text) == "renew", text


@pytest.mark.parametrize("text", LOAN)
def test_loan_need(text: str) -> None:
    assert stated_need(text) == "loan", text


@pytest.mark.parametrize("text", NO_NEED)
def test_no_need_in_a_complaint_or_a_profile(text: str) -> None:
    assert stated_need(text) == "", text


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("公司在永安,做机械配件,二十来个人", 20),
        ("员工三十多人", 30),
        ("我们有45名工人", 45),
        ("厂里一共十五个人左右", 15),
    ],
)
def test_head_count_in_words_or_digits(text: str, count: int) -> None:
    assert extract_facts(text).employees == count


@pytest.mark.parametrize("text", ["我一个人跑了三家银行", "我们三个人合伙开的店,想问续贷"])
def test_no_head_count_in_passing(text: str) -> None:
    assert extract_facts(text).employees is None


@pytest.mark.parametrize(
    ("text", "trade"),
    [
        ("我们在沙县,开小吃店的", "小吃店"),
        ("我是个体户,在建宁做莲子", "莲子"),
        ("我们厂在三元区,做不锈钢,去年营业额2000万", "不锈钢"),
        ("我们是做竹木加工的在尤溪", "竹木加工"),
    ],
)
def test_trade_in_the_owners_words(text: str, trade: str) -> None:
    assert extract_facts(text).industry == trade


@pytest.mark.parametrize("text", ["贷款要做抵押", "这个要怎么做", "我们是小公司", "做不了外贸"])
def test_no_trade_from_other_doings(text: str) -> None:
    assert extract_facts(text).industry == ""


LOANS_DUE = ("贷款", "一笔贷款", "流贷", "流动资金贷款", "借款")
WHEN_DUE = (
    "月底有{l}到期",
    "下个月有笔{l}要到期",
    "我们{l}快到期了",
    "资金紧张，{l}马上到期",
    "下周到期的{l}",
)


@pytest.mark.parametrize("loan", LOANS_DUE)
@pytest.mark.parametrize("when", WHEN_DUE)
def test_a_loan_told_to_fall_due_is_a_renewal_need(loan: str, when: str) -> None:
    text = when.format(l=loan.removeprefix("一笔") if "笔" in when else loan)
    assert stated_need(text) == "renew", text
    assert stated_need(f"{text}，已经还清了") != "renew", text  # repaid: nothing to renew
