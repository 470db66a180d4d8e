"""The kinds fixed in oos12, generated over each kind's parts, each beside the off-topic
wordings that share its words (so no test here passes whatever the rules say):

- applying for the topic: where (手机上/网上/微信上能办吗) and who does a step (要我自己去税务局
  开证明吗) are no consumer purchase and no private matter;
- the firm's contributions stopped or owed, asked of a loan (社保停缴了，还能贷款吗): the firm's
  record, not the fund's business (还 of 还能 is no repaying); the housing fund's only with
  the firm or its loan named (a bare 公积金断缴了能贷吗 may be the fund's own loan);
- a bank's staff's pay (客户经理的提成, 贷款员一个月能拿多少; not a bonus for small loans, 第3条),
  a credit report "fixed" for the owner (帮我刷征信), the rent of premises, a supplier's warranty,
  another place's X贷 (泉州有没有…的信用贷): declined;
- utility bills a lender takes (水电费单子银行认不认), a tax item pledged (出口退税款能不能质押),
  a deposit demanded when the loan is released (放款后被要求存定期): kept.
"""

from __future__ import annotations

import itertools

import pytest

from bot.scope import PERSONAL_LIFE
from bot.scope.families import out_of_scope_family

STYLES = (
    lambda q: q,
    lambda q: q.replace("，", " "),
    lambda q: "你好，想请教一下，" + q,
)


def _family(text: str) -> str:
    return out_of_scope_family(text.lower())[0]


_CHANNELS = ("手机上", "在手机上", "手机端", "网上", "微信上", "线上")
_CHANNEL_ASKS = ("能办吗", "能申请吗", "可以办理吗", "申请行不行")
CHANNELS = [c + a for c, a in itertools.product(_CHANNELS, _CHANNEL_ASKS)]


@pytest.mark.parametrize("text", CHANNELS)
def test_where_to_apply_is_no_purchase(text: str) -> None:
    assert _family(text) == ""


@pytest.mark.parametrize("text", ["买台手机能分期吗", "买个手机能分期吗", "借钱买手机划算吗"])
def test_a_phone_bought_on_credit_is_still_personal(text: str) -> None:
    assert _family(text) == "personal_finance"


_STEPS = ("去税务局开证明", "跑银行", "去开证明", "准备材料", "去交材料", "到窗口办")
SELF_STEPS = [f"要我自己{s}吗" for s in _STEPS] + [f"{s}我自己去吗" for s in ("证明", "材料")]


@pytest.mark.parametrize("text", SELF_STEPS)
def test_a_step_done_in_person_is_no_private_matter(text: str) -> None:
    assert not PERSONAL_LIFE.search(text)
    assert _family(text) == ""


@pytest.mark.parametrize("text", ["我自己想贷点钱", "我自己的房贷利率多少", "个人想借钱"])
def test_a_private_matter_stays_private(text: str) -> None:
    assert PERSONAL_LIFE.search(text)


_FUNDS = ("社保", "养老保险", "医保")
_STOPPED = ("停缴了", "断缴了三个月", "欠缴了", "交得不连续")
_LOAN_ASKS = ("还能贷款吗", "影响贷款吗", "还能申请续贷吗", "会不会影响贷款审批")
CONTRIBUTIONS = [f"{f}{s}，{a}" for f, s, a in itertools.product(_FUNDS, _STOPPED, _LOAN_ASKS)] + [
    f"{who}公积金{s}，{a}"
    for who, s, a in itertools.product(
        ("公司", "续贷，", "我们企业的"), ("断缴了", "停缴了"), ("能贷吗", "还能贷款吗")
    )
]


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("text", CONTRIBUTIONS)
def test_contributions_stopped_asked_of_a_loan_are_kept(text: str, style) -> None:
    assert _family(style(text)) == ""


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("社保停缴了 先还银行的钱", "social"),
        ("医保断缴了 拿去还债", "social"),
        ("公积金断缴了能贷吗", "housing_fund"),
        ("公积金断缴了能取出来吗", "housing_fund"),
        ("社保基数怎么调低一点", "social"),
    ],
)
def test_the_funds_own_business_stays_declined(text: str, family: str) -> None:
    assert _family(text) == family


_STAFF = ("银行客户经理", "农信社的贷款员", "农商行的柜员", "信贷员", "银行理财经理")
_PAY = ("的提成一般几个点", "一个月能拿多少", "年薪多少", "收入高不高", "每年能拿多少")
BANK_PAY = [s + p for s, p in itertools.product(_STAFF, _PAY)]
DECLINED = [
    *((t, "off_topic") for t in BANK_PAY),
    *(
        (t, "online_lending")
        for t in (
            "银行的人加我微信，说能帮我刷征信，靠谱吗",
            "有人说能帮我洗征信，要交三千",
            "网上有人能帮我刷征信，靠谱吗",
        )
    ),
    *((t, "off_topic") for t in ("抵押的厂房想租出去一半，租金怎么定", "店面房租一般怎么谈")),
    *((t, "legal") for t in ("贷款买的设备坏了，供应商不给保修怎么办", "货有质量问题，能退货吗")),
    *(
        (f"{p}有没有针对{w}的{x}", "other_region")
        for p, w, x in itertools.product(
            ("泉州", "漳州", "上饶"), ("茶企", "小微企业"), ("信用贷", "担保贷", "创业贷")
        )
    ),
]


@pytest.mark.parametrize(("text", "family"), DECLINED)
def test_disguised_asks_are_declined(text: str, family: str) -> None:
    assert _family(text) == family


KEPT = [
    "银行客户经理的考核跟小微贷款挂钩吗",
    "客户经理放小微贷款有提成吗",
    "年底银行冲业绩，对我们贷款有啥好处",
    "放款前让我存一部分钱进去，合规吗",
    "放款后被要求存定期，对吗",
    "征信上的逾期记录怎么修复",
    "厂房是租的，没有抵押物能贷吗",
    "设备坏了没钱修，能贷款吗",
    "宁德有科技贷吗",
    "水电费单子银行认不认",
    "电费缴费记录贷款时银行看吗",
    "出口退税款能不能质押贷款",
    "退税款可以做质押吗",
]


@pytest.mark.parametrize("text", KEPT)
def test_near_misses_are_kept(text: str) -> None:
    assert _family(text) == ""


@pytest.mark.parametrize(
    "text", ["水电费算不算增值税", "电费发票也能算吗", "贷款利息能不能在个税里扣除"]
)
def test_tax_items_stay_the_tax_offices(text: str) -> None:
    assert _family(text) == "tax"
