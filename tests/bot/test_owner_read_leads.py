"""Kinds from the third owner-read trial, each over generated wordings: the size of loan the
measures favour asked as a figure (第5条's 1000万元, not 第6条's products); whether lacking a
guarantee or collateral rules borrowing out, asked rhetorically (没担保就没法贷了吗: the yes/no
entry, not the routes alone), also of a product in focus; a product heard of and named alone
(听说有个外贸贷) described for the owner, not the choice between it and its twin; what to do about
a high rate (the measures set none; 第12条's equal terms); what 闽光云商 is said to do (no
overclaimed 可以: the sources give only the model of 第7条 and one 2020 use).
Inputs: subjects x wordings, built here."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.answerer import Answerer
from bot.compose.predicates import qa_ask
from tests.helpers.answers import reply_of
from tests.helpers.reading import talk


def _lead(answerer: Answerer, *texts: str) -> str:
    return talk(answerer, *texts)[-1].answer.answer.split("\n")[0]


AMOUNT_TOLD = ("我想贷款1500万", "我们要借两千万", "", "授信打算要800万，")
FOCUS_ASKS = (
    "政策重点支持多少以下的",
    "重点扶持的是多少钱以内的贷款",
    "多大额度以下算政策重点支持",
    "政策扶持的重点是多少万以下的贷款",
)


@pytest.mark.parametrize(("told", "asked"), itertools.product(AMOUNT_TOLD, FOCUS_ASKS))
def test_the_favoured_loan_size_is_answered_with_its_figure(
    answerer: Answerer, told: str, asked: str
) -> None:
    reply = reply_of(answerer, f"{told} {asked}".strip())
    lead = reply.parts[0].lead
    assert "1000万元" in lead, (told, asked, lead)
    assert "measure-5" in reply.parts[0].cites or reply.topic == "measure-5", (told, asked)
    assert not lead.startswith(("可以", "是", "能")), lead  # a figure is asked, not a stance


LACKS = ("没担保", "没有抵押", "找不到担保", "没人担保", "没房子抵押")
RULED_OUT = ("就没法贷了吗", "是不是就贷不了款", "就借不到钱了吗", "就没戏了吗")


@pytest.mark.parametrize(("lack", "form"), itertools.product(LACKS, RULED_OUT))
def test_a_lack_asked_to_rule_borrowing_out_reads_as_yes_no(lack: str, form: str) -> None:
    assert qa_ask(f"那{lack}{form}", "yesno") == "yesno"


@pytest.mark.parametrize("lack", ("没担保", "没有抵押", "没房子抵押", "缺担保"))
def test_a_lack_asked_plainly_still_reads_as_the_routes(lack: str) -> None:
    assert qa_ask(f"{lack}能贷款吗", "yesno") == "how"  # 抵押物不够能贷款吗: the routes


@pytest.mark.parametrize(("lack", "form"), itertools.product(LACKS[:4], RULED_OUT))
def test_a_lack_asked_to_rule_borrowing_out_is_answered_by_a_yes_no_entry(
    answerer: Answerer, lack: str, form: str
) -> None:
    reply = reply_of(answerer, f"那{lack}{form}")
    assert reply.qa is not None and reply.qa.entry.ask == "yesno", (lack, form, reply.qa)
    lead = reply.parts[0].lead
    assert re.search(r"也能|也可以|不一定|不是|可以争取", lead), (lack, form, lead)


PRODUCTS = ("外贸贷", "商贸贷", "科技贷")


OPENINGS = ("{p}是什么", "{p}怎么申请")


@pytest.mark.parametrize(
    ("product", "opening", "form"), itertools.product(PRODUCTS, OPENINGS, RULED_OUT)
)
def test_a_lack_ruling_out_a_product_in_focus_is_answered_for_that_product(
    answerer: Answerer, product: str, opening: str, form: str
) -> None:
    lead = _lead(answerer, opening.format(p=product), f"那没担保{form}")
    assert lead.startswith("不一定") and product in lead, (product, form, lead)


HEARD = (
    ("外贸贷", ("我们做外贸的", "我们公司搞出口", "做进出口生意的")),
    ("商贸贷", ("我们做批发的", "我们开超市的", "做零售生意的")),
)
HEARD_FORMS = ("听说有个{p}", "听人说有{p}", "听朋友讲有种{p}")


@pytest.mark.parametrize(
    ("product", "firm", "form"),
    [(p, f, h) for p, firms in HEARD for f in firms for h in HEARD_FORMS],
)
def test_a_product_heard_of_is_described_not_weighed_against_its_twin(
    answerer: Answerer, product: str, firm: str, form: str
) -> None:
    twin = "商贸贷" if product == "外贸贷" else "外贸贷"
    asked = f"{firm} {form.format(p=product)}"
    lead = _lead(answerer, asked)
    assert twin not in lead and "还是" not in lead, (asked, lead)
    assert product in lead or re.search(r"进出口|批发|零售|商贸", lead), (asked, lead)


RATE_WORDS = ("贷款利息", "利率", "银行的利息", "贷款利率")
TOO_HIGH = ("太高了咋办", "太高怎么办", "太贵了有啥办法", "负担太重怎么办")


@pytest.mark.parametrize(("rate", "high"), itertools.product(RATE_WORDS, TOO_HIGH))
def test_a_rate_too_high_is_answered_with_what_the_measures_set(
    answerer: Answerer, rate: str, high: str
) -> None:
    answer = talk(answerer, rate + high)[-1].answer
    lines = answer.answer.split("\n原文", 1)[0].splitlines()
    assert "没有规定" in lines[0] and "银行" in lines[0], (rate + high, lines[0])
    points = [ln for ln in lines if ln.startswith("·")]
    assert all(ln.rstrip().endswith(("。", "！", "？", "）")) for ln in points), points
    assert not any(ln.rstrip().endswith("的。") for ln in points), points  # no clause cut off


MINGUANG_CAN = (
    "闽光云商能贷款吗",
    "我们能用闽光云商借钱吗",
    "闽光云商可以融资不",
    "小公司能在闽光云商贷到款吗",
)
MINGUANG_HOW = (
    "闽光云商可以用应收账款融资吗",
    "在闽光云商上能做仓单融资吗",
    "闽光云商支持应付账款融资吗",
)


@pytest.mark.parametrize("asked", MINGUANG_CAN + MINGUANG_HOW)
def test_what_minguang_does_is_said_as_the_sources_say_it(answerer: Answerer, asked: str) -> None:
    lead = _lead(answerer, asked)
    assert not lead.startswith(("可以", "能", "是")), (asked, lead)  # the sources promise none
    assert re.search(r"不一定|没写|没有查到|第7条", lead), (asked, lead)


STAFF = ("客户经理", "信贷员", "银行的人", "支行行长")
# (建议买份保险 is declined as buying a policy: bot/scope's INSURANCE_BUY, reported)
SUGGESTS = ("说最好配个保险", "建议加一份保险", "推荐顺便上个保险")
WEIGHS = ("合理吗", "正常吗", "有必要吗")


@pytest.mark.parametrize(
    ("staff", "suggests", "weighs"), itertools.product(STAFF, SUGGESTS, WEIGHS)
)
def test_insurance_a_banker_suggests_is_weighed_by_both_measures(
    answerer: Answerer, staff: str, suggests: str, weighs: str
) -> None:
    asked = f"{staff}{suggests} {weighs}"
    lead = _lead(answerer, asked)
    assert lead.startswith("要看") and "第4条" in lead and "第11条" in lead, (asked, lead)


REFUSALS = ("银行不给我们续贷", "贷款到期了银行不肯续", "银行拒绝续贷", "银行说不能再续了")
WEIGH_REFUSAL = ("正常吗", "合理吗", "对不对", "合规吗")


@pytest.mark.parametrize(("refusal", "weigh"), itertools.product(REFUSALS, WEIGH_REFUSAL))
def test_a_renewal_refused_is_weighed_by_the_renewal_rule(
    answerer: Answerer, refusal: str, weigh: str
) -> None:
    asked = f"{refusal} {weigh}"
    lead = _lead(answerer, asked)
    assert "先还本金" not in lead, (asked, lead)  # nothing was said of repaying first
    assert "续" in lead and "第6条" in lead, (asked, lead)


FEARFUL = ("信贷员", "客户经理", "支行的人")
FEARS = ("说怕担责不敢放", "怕被追责不肯放款", "怕背锅不给贷")
RULE_ASKS = ("这有规定吗", "政策上有规定吗", "有没有相关规定")


@pytest.mark.parametrize(("staff", "fear", "rule"), itertools.product(FEARFUL, FEARS, RULE_ASKS))
def test_a_rule_on_lenders_afraid_of_blame_is_answered_by_the_duty_waiver(
    answerer: Answerer, staff: str, fear: str, rule: str
) -> None:
    asked = f"{staff}{fear}，{rule}"
    lead = _lead(answerer, asked)
    assert "免责" in lead, (asked, lead)
    assert "能不能这样要求" not in lead, (asked, lead)  # nothing was demanded of the owner


ACTS = ("银行突然抽贷", "银行要提前收回贷款", "银行说要压贷", "银行要断贷")
WHAT_TO_DO = ("怎么办", "咋整", "我们该怎么应对")


@pytest.mark.parametrize(("act", "how"), itertools.product(ACTS, WHAT_TO_DO))
def test_a_loan_withdrawn_asks_what_to_do_first(answerer: Answerer, act: str, how: str) -> None:
    asked = f"{act}，{how}"
    answer = talk(answerer, asked)[-1].answer
    lead = answer.answer.split("\n")[0]
    assert re.search(r"找银行|问清|沟通|反映", lead), (asked, lead)
    assert {c.doc_id for c in answer.citations} & {"measure-4", "measure-15"}, asked


PLAIN_LACKS = ("没有担保", "缺担保", "没人担保")
CAN_BORROW = ("能贷吗", "能不能贷款", "还能借到钱吗")


@pytest.mark.parametrize(("lack", "can"), itertools.product(PLAIN_LACKS, CAN_BORROW))
def test_borrowing_without_a_guarantee_is_answered_with_the_routes(
    answerer: Answerer, lack: str, can: str
) -> None:
    lead = _lead(answerer, lack + can)
    assert not lead.startswith("有。"), (lack + can, lead)  # 有 answers no 能…吗
    assert "信用贷" in lead and "第7条" in lead, (lack + can, lead)


EVENTS = ("政银企对接会", "银企对接会", "项目推介会")
SIGN_UP = ("在哪报名", "找谁报名", "怎么报名参加")


@pytest.mark.parametrize(("event", "where"), itertools.product(EVENTS, SIGN_UP))
def test_where_to_sign_up_for_a_matching_event_names_whom_to_ask(
    answerer: Answerer, event: str, where: str
) -> None:
    lead = _lead(answerer, event + where)
    assert re.search(r"主管部门|工商联", lead) and "报名" in lead, (event + where, lead)


@pytest.mark.parametrize(
    "asked",
    [
        "我们能去海峡股权交易市场挂牌吗",
        "我们公司能不能在海峡股权交易市场挂牌",
        "海峡股权交易市场我们能挂牌不",
    ],
)
def test_whether_a_firm_may_list_is_not_answered_by_raising_money(
    answerer: Answerer, asked: str
) -> None:
    lead = _lead(answerer, asked)
    assert "融到钱" not in lead and "挂牌" in lead, (asked, lead)
