"""First sentences that answer the predicate asked, for what owners bring when something goes
wrong or costs money (issue 19, leads): a cut credit line (what 第9条 says of that act and whom
to tell), whether collateral is needed (不一定 with the routes the measures give), fees the
measures set no figure of (who sets it, what 第11条 does say, never a "compare banks" step),
credit repair (whether and how, a step about repair), whether receivables financing needs the
buyer (the platform's process: the buyer confirms), may I complain of an act a measure rules
out (可以, and where); one answer never says a clause twice. Generated over subjects ×
wordings × asks; the texts are the tests' own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from bot.compose.overlap import CLAUSE_MIN, CLAUSE_SHARE, clauses, pieces
from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer
    from bot.messages import Answer

COMPARE_STEP = "多问几家"


def _ask(answerer: Answerer, text: str) -> tuple[str, str, Answer]:
    """(lead, next step, answer) of a single question."""
    answer = answer_in_context(answerer, ConversationContext(), text).answer
    lines = answer.answer.split("原文", 1)[0].splitlines()
    step = next((line for line in lines if line.startswith("下一步")), "")
    return lines[0], step, answer


@pytest.fixture
def answer_of(answerer: Answerer) -> Any:
    """The answer to a single question."""
    return lambda text: _ask(answerer, text)[2]


def _articles(answer: Answer) -> set[int | None]:
    return {c.article for c in answer.citations}


# --- 1. a credit line cut --------------------------------------------------------------------
FIRMS = ("", "我们厂", "我们公司", "我家茶叶公司")
CUTS = ("银行把我们的贷款额度降了", "授信额度被银行调低了", "银行把我们的授信压缩了")


@pytest.mark.parametrize("firm", FIRMS)
@pytest.mark.parametrize("cut", CUTS)
def test_cut_credit_line_lead_says_what_measure_9_asks_of_the_bank(
    answerer: Answerer, firm: str, cut: str
) -> None:
    text = f"{firm}{cut}"
    lead, step, answer = _ask(answerer, text)
    assert "原额度" in lead or "原来的额度" in lead, (text, lead)
    assert 9 in _articles(answer), (text, answer.citations)
    assert COMPARE_STEP not in step, (text, step)


# --- 2. is collateral needed -------------------------------------------------------------------
OWNERS = ("", "养殖场", "种植户", "开饭馆的", "我们小加工厂", "做电商的")
NEEDS = ("要抵押吗", "贷款需要抵押物吗", "借钱得押房子吗", "要不要拿房产抵押")


@pytest.mark.parametrize("owner", OWNERS)
@pytest.mark.parametrize("need", NEEDS)
def test_collateral_need_leads_not_necessarily_with_the_routes(
    answerer: Answerer, owner: str, need: str
) -> None:
    text = f"{owner}{need}"
    lead, _, answer = _ask(answerer, text)
    assert lead.startswith("不一定"), (text, lead)
    assert "信用贷" in lead and "政府性融资担保" in lead, (text, lead)
    assert {7, 9} <= _articles(answer), (text, answer.citations)
    assert "额度" not in lead, (text, lead)  # never the credit-line-cut clause


# --- 3. fees the measures set no figure of -----------------------------------------------------
GUARANTEE_FEES = ("担保费太贵了", "担保费一般收多少", "担保公司收费太高怎么办", "政府担保收费吗")
RENEWAL_FEES = ("续贷还要收费吗", "续贷要交多少手续费", "办续贷银行收手续费合理吗")


@pytest.mark.parametrize("ask", GUARANTEE_FEES)
@pytest.mark.parametrize("style", ("{q}", "{q}？", "请问{q}"))
def test_guarantee_fee_says_no_rate_is_set_and_names_government_guarantee(
    answerer: Answerer, ask: str, style: str
) -> None:
    text = style.format(q=ask)
    lead, step, answer = _ask(answerer, text)
    assert lead.startswith("措施没有规定担保费率"), (text, lead)
    assert "政府性融资担保" in answer.answer, (text, answer.answer)
    assert COMPARE_STEP not in step, (text, step)


@pytest.mark.parametrize("ask", RENEWAL_FEES)
def test_renewal_fee_says_no_fee_is_set_and_what_measure_11_does(
    answerer: Answerer, ask: str
) -> None:
    lead, step, answer = _ask(answerer, ask)
    assert lead.startswith("措施没有"), (ask, lead)  # 合理吗: what 第11条 rules out instead
    assert "第11条" in lead and 11 in _articles(answer), (ask, lead)
    assert COMPARE_STEP not in step, (ask, step)


@pytest.mark.parametrize("fee", ("抵押登记费", "不动产抵押登记的费用"))
@pytest.mark.parametrize("ask", ("{f}要多少", "{f}收多少钱"))
def test_registration_fee_is_not_said_to_be_set_by_the_bank(
    answerer: Answerer, fee: str, ask: str
) -> None:
    text = ask.format(f=fee)
    lead, step, _ = _ask(answerer, text)
    assert "由银行" not in lead, (text, lead)
    assert COMPARE_STEP not in step, (text, step)


# --- 4. credit repair --------------------------------------------------------------------------
RECORDS = ("逾期了", "以前有笔贷款没按时还", "公司征信有不良")
REPAIRS = ("征信能修复吗", "信用还能恢复吗", "不良记录能修复吗")


@pytest.mark.parametrize("record", RECORDS)
@pytest.mark.parametrize("repair", REPAIRS)
def test_credit_repair_leads_whether_with_a_repair_step(
    answerer: Answerer, record: str, repair: str
) -> None:
    text = f"{record}，{repair}"
    lead, step, answer = _ask(answerer, text)
    assert lead.startswith(("能", "可以", "有机会")), (text, lead)
    assert 2 in _articles(answer), (text, answer.citations)
    assert not any(w in step for w in ("环保", "年报", "年度报告")), (text, step)
    assert any(w in step for w in ("结清", "还清", "还款凭证")), (text, step)


# --- 5. receivables and the buyer ------------------------------------------------------------
BUYERS = ("买方", "买家", "客户", "对方")
CONSENTS = ("应收账款融资要{b}确认吗", "应收账款融资需要{b}认可吗", "拿应收账款贷款得{b}同意吗")


@pytest.mark.parametrize("buyer", BUYERS)
@pytest.mark.parametrize("consent", CONSENTS)
def test_receivables_buyer_confirmation_follows_the_platform(
    answerer: Answerer, buyer: str, consent: str
) -> None:
    text = consent.format(b=buyer)
    lead, step, answer = _ask(answerer, text)
    assert lead.startswith("要") and "确认" in lead, (text, lead)
    assert "没有规定必须" not in answer.answer, (text, answer.answer)
    assert "中征应收" in step, (text, step)


@pytest.mark.parametrize(
    "text", ("有笔应收账款能融资吗", "客户欠的货款能拿去融资吗", "应收账款融资去哪办")
)
def test_receivables_step_names_the_platform(answerer: Answerer, text: str) -> None:
    _, step, _ = _ask(answerer, text)
    assert "中征应收" in step, (text, step)


# --- 7. may I complain ---------------------------------------------------------------------------
ACTS = (
    "银行说好放款又一直拖着",
    "贷款批了迟迟不到账",
    "银行要我买理财才放款",
    "银行强制搭售保险",
    "经营正常银行却要抽贷",
)
COMPLAINTS = ("能投诉吗", "可以举报吗", "能不能去反映")


@pytest.mark.parametrize("act", ACTS)
@pytest.mark.parametrize("complaint", COMPLAINTS)
def test_complaint_about_a_ruled_out_act_leads_yes_and_where(
    answerer: Answerer, act: str, complaint: str
) -> None:
    text = f"{act}，{complaint}"
    lead, step, _ = _ask(answerer, text)
    assert lead.startswith("可以"), (text, lead)
    assert "三明金融监管分局" in lead + step, (text, lead, step)


# --- 6. no clause said twice in one answer -------------------------------------------------------
TRADES = ("做外贸的", "做进出口的", "做批发的", "搞科技研发的", "开超市的")
WANTS = ("想借200万", "想贷50万", "想贷款周转一下")


def _clauses(answer: Answer) -> list[str]:
    body = answer.answer.split("原文", 1)[0]
    lines = [ln.lstrip("· ") for ln in body.splitlines() if not ln.startswith(("依据", "下一步"))]
    return [c for ln in lines for c in clauses(ln) if len(pieces(c)) >= CLAUSE_MIN]


@pytest.mark.parametrize("trade", TRADES)
@pytest.mark.parametrize("want", WANTS)
def test_answer_never_says_a_clause_twice(answer_of: Any, trade: str, want: str) -> None:
    said = _clauses(answer_of(f"我们是{trade}，{want}"))
    for i, clause in enumerate(said):
        for other in said[i + 1 :]:
            shared = pieces(clause) & pieces(other)
            assert len(shared) < CLAUSE_SHARE * len(pieces(other)), (clause, other)
