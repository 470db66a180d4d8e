"""The kinds fixed in oos11 (issue 19 § 6), generated over each kind's parts and the styles
owners type in (bare, a loan story before, spaces for commas, a polite opener), each beside
in-scope near misses that hold the same words inside a financing question:

- another department's approval of a site or building (用地审批, 环评, 消防验收): registration;
- a tax deduction asked as "能抵多少所得税": tax;
- money passed through the account for a statement, a named document someone is asked to alter:
  forgery, refused plainly;
- a private purchase told beside the firm, then "这边最高能贷多少": the person's loan;
- a debtor's goods kept back by the owner (legal); deposits kept at a bank, a loan promised
  for a kickback, which ledger account a sum sits in;
- asks cut apart by the reading that take over a declined subject (`bot.scope.split`).
"""

from __future__ import annotations

import itertools

import pytest

from bot.scope import ScopeDecision
from bot.scope.families import out_of_scope_family
from bot.scope.split import AskScope, split_scope

STYLES = (
    lambda q: q,
    lambda q: "我们在三明开了个小厂，银行贷款一直按时还，担保公司也帮过忙，" + q,
    lambda q: q.replace("，", " "),
    lambda q: "你好，想请教一下，" + q,
)

_SITES = ("用地", "环评", "消防", "规划", "施工许可", "占用林地")
_PAPERS = ("审批", "手续", "验收", "报批")
_WAITS = ("要多久能批下来", "去哪里办", "流程怎么走", "要准备什么材料", "一直卡着怎么办")
APPROVALS = [f"厂房要扩建，{s}{p}{w}" for s, p, w in itertools.product(_SITES, _PAPERS, _WAITS)]

_COSTS = ("贷款利息", "利息支出", "担保费", "评估费", "融资的手续费")
_DEDUCTIONS = ("能抵多少企业所得税", "可以抵扣增值税吗", "能不能扣所得税", "能抵多少税")
DEDUCTIONS = [f"我们公司{c}{d}" for c, d in itertools.product(_COSTS, _DEDUCTIONS)]

_FLOWS = (
    "找人走了几笔过账流水",
    "让朋友转几十万进来再转回去",
    "流水走几圈",
    "我们想倒流水",
)
_FLOW_ASKS = ("银行看得出来吗", "这样行不行", "能不能贷多点")
FLOWS = [f"{f}，{a}" for f, a in itertools.product(_FLOWS, _FLOW_ASKS)]

_DOCS = ("流水", "报表", "纳税证明", "审计报告", "购销合同")
_ALTER = ("帮我改一下行不行", "你帮我p一下", "能不能给我们调好看点", "帮忙改高一点")
ALTERED = [f"银行要看{d}，我们的{d}不好看，{a}" for d, a in itertools.product(_DOCS, _ALTER)]

_PURPOSES = ("想用公积金贷款买房", "想给女儿买套学区房，首付还差三十万", "想给儿子买婚房")
_AMOUNTS = ("三明这边最高能贷多少", "一般能贷几成", "这里能贷多少", "银行能不能给我贷点")
PURCHASES = [f"我们厂做了十几年，{p}，{a}" for p, a in itertools.product(_PURPOSES, _AMOUNTS)]

_KEPT_AT = ("信用社", "农商行", "村镇银行")
_LOST = ("的钱会不会拿不回来", "的存款安全吗", "的钱要是合并了会不会没了")
DEPOSITS = [f"钱存在{b}，存在{b}{x}" for b, x in itertools.product(_KEPT_AT, _LOST)]
KICKBACKS = [
    "有人说认识行长，交两万好处费就能批贷款，靠谱吗",
    "有个人说给信贷员塞个红包就能放款，能信吗",
    "朋友说有关系在银行，给点疏通费保证批，是真的吗",
]
LEDGERS = [
    "老板垫的钱挂其他应付款还是实收资本",
    "股东借给公司的钱挂往来账可以吗",
    "这笔钱记资本公积还是未分配利润",
]

_DEBTORS = ("隔壁厂欠我们加工费一直不给", "客户拖着货款不付", "下游老板欠了三十万赖着不还")
_KEPT = ("我能不能扣他的货", "可以把他的设备拉走吗", "能不能扣下他们的押金")
DEBTORS = [f"{d}，{k}" for d, k in itertools.product(_DEBTORS, _KEPT)]

NEAR = [
    "客户拖着货款不付，应收账款能不能拿去融资",
    "银行要我们存一笔钱才放款，合规吗",
    "应收账款能不能拿去融资",
    "林权抵押贷款在福农e林上能办吗",
    "用地手续还没办完，银行能不能先放款",
    "规划许可证能不能拿去抵押贷款",
    "环评批下来了，扩产的钱能不能申请技改贷款",
    "纳税金额少了，银行就要降我们的授信额度，有规定吗",
    "用纳税信用能贷款吗，三明这边最高能贷多少",
    "银行要看转账流水，我们要准备几个月的",
    "客户打款的流水银行认不认",
    "合同写错了，银行能帮我改一下吗",
    "想给厂里买台设备，三明这边最高能贷多少",
    "我们厂的货车要换新的，一般能贷几成",
    "担保费太贵了，有没有政府的担保公司",
    "抵押物评估费该谁出",
    "林权证能不能抵押贷款",
]


def _styled(rows: list[str]) -> list[str]:
    return [style(q) for q, style in itertools.product(rows, STYLES)]


@pytest.mark.parametrize(
    ("family", "rows"),
    [
        ("registration", APPROVALS),
        ("tax", DEDUCTIONS),
        ("fraud", FLOWS),
        ("fraud", ALTERED),
        ({"personal_finance", "housing_fund"}, PURCHASES),
        ("off_topic", DEPOSITS),
        ("online_lending", KICKBACKS),
        ("off_topic", LEDGERS),
        ("legal", DEBTORS),
    ],
)
def test_each_kind_is_declined_in_every_style(family: str | set[str], rows: list[str]) -> None:
    wanted = family if isinstance(family, set) else {family}
    missed = [q for q in _styled(rows) if out_of_scope_family(q)[0] not in wanted]
    assert not missed, missed


@pytest.mark.parametrize("question", _styled(NEAR))
def test_near_misses_keep_no_family(question: str) -> None:
    assert out_of_scope_family(question)[0] == "", question


def _ask(text: str, family: str = "", topical: bool = False) -> AskScope:
    return AskScope(ScopeDecision(not family, family), text, topical)


@pytest.mark.parametrize(
    ("declined", "family", "after"),
    [
        ("我想做贷款中介，要什么资质", "off_topic", "贷款中介能挣多少"),
        ("代理记账公司一个月收多少钱", "off_topic", "白名单，三明哪家靠谱"),
        ("注册个独资企业和有限公司哪个好", "no_evidence", "白名单，税哪个少"),
        ("想进农商行上班，笔试考什么", "off_topic", "农商行上班工资多少"),
    ],
)
def test_an_ask_taking_over_a_declined_subject_is_declined(
    declined: str, family: str, after: str
) -> None:
    keep, _ = split_scope([_ask(declined, family), _ask(after)])
    assert keep == []


@pytest.mark.parametrize(
    ("first", "family"),
    [("你们是机器人吗", "trust"), ("今天天气怎么样", "chitchat"), ("代理记账多少钱", "off_topic")],
)
def test_an_ask_with_its_own_financing_subject_stays(first: str, family: str) -> None:
    keep, _ = split_scope([_ask(first, family), _ask("科技贷怎么申请", topical=True)])
    assert keep == [1]


@pytest.mark.parametrize(
    "after", ["想看看自己有没有逾期记录", "我个人还能贷吗", "本人名下的那笔还要还多久"]
)
def test_the_persons_own_matter_after_a_personal_decline_is_declined(after: str) -> None:
    keep, _ = split_scope(
        [_ask("个人征信报告手机上怎么查", "personal_credit"), _ask(after, topical=True)]
    )
    assert keep == []


def test_the_firms_matter_after_a_personal_decline_stays() -> None:
    asks = [
        _ask("个人征信怎么查", "personal_credit"),
        _ask("我们公司自己能申请科技贷吗", topical=True),
    ]
    assert split_scope(asks)[0] == [1]
