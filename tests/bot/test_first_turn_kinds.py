"""First turns that answer what was asked (issue 19, leads round 9), generated over kinds:

1. several demands of a lender weighed in one message: each demand is weighed in its own part;
2. where to complain, asked with the grievance: the first sentence names the channel;
3. where a pledge or mortgage is registered: the office per pledge type, never 中登网 for a
   patent and never both "register at 中登网" and "not at 中登网";
4. a credit-line cut: the quote is 第9条's sentence on cuts, not its opening;
5. how long, asked after a matter: the owner's words, not a measure's name; a loan without
   collateral asked as existence: 有, with the credit loan;
6. an entry about one subject (the rate) never answers a weighing of another (insurance).
The texts are the tests' own, written from the measures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.compose.channel import asks_where_to_report
from bot.compose.demands import demands_apart
from bot.compose.quotes import quote_clause
from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer


def _lines(answerer: Answerer, *texts: str) -> list[str]:
    """The last answer's lines before its 原文 part, the messages sent in one conversation."""
    context = ConversationContext()
    answer = None
    for text in texts:
        exchange = answer_in_context(answerer, context, text)
        context, answer = exchange.context, exchange.answer
    assert answer is not None
    return answer.answer.split("原文", 1)[0].splitlines()


# --- 1. several demands weighed ---------------------------------------------------------------
LENDERS = ("银行要我", "客户经理让我", "贷款银行要求我")
DEMANDS = (
    ("存保证金", ("保证金",)),
    ("买他们的保险", ("搭售", "捆绑")),
    ("买理财产品", ("搭售", "捆绑")),
)
JOINS = ("还要", "，还要", "，又要")
WEIGHINGS = ("这合理吗", "这样合规吗", "对吗")


@pytest.mark.parametrize("lender", LENDERS)
@pytest.mark.parametrize("join", JOINS)
@pytest.mark.parametrize("weighing", WEIGHINGS)
def test_two_demands_split_into_one_question_each(lender: str, join: str, weighing: str) -> None:
    text = f"{lender}{DEMANDS[0][0]}{join}{DEMANDS[1][0]}，{weighing}"
    asks = demands_apart(text)
    assert len(asks) == 2, (text, asks)
    assert DEMANDS[0][0] in asks[0] and DEMANDS[1][0] in asks[1], asks
    assert all(a.startswith(lender) and a.endswith(weighing) for a in asks), asks


@pytest.mark.parametrize(
    "text",
    [
        "银行要我存保证金，这合理吗",
        "我想续贷还要申请科技贷，怎么办",
        "银行要我存保证金还要买保险",  # told, not weighed
        "续贷要先还本金还要抵押吗",
    ],
)
def test_one_demand_or_no_weighing_is_not_split(text: str) -> None:
    assert demands_apart(text) == [], text


@pytest.mark.parametrize("first,second", [(0, 1), (0, 2), (2, 0)])
@pytest.mark.parametrize("weighing", ("这合理吗", "合规吗"))
def test_each_demand_gets_its_own_weighed_part(
    answerer: Answerer, first: int, second: int, weighing: str
) -> None:
    (one, one_words), (two, two_words) = DEMANDS[first], DEMANDS[second]
    text = f"银行要我{one}还要{two}，{weighing}"
    lines = _lines(answerer, text)
    parts = [line for line in lines if line.startswith(("（一）", "（二）"))]
    assert len(parts) == 2, (text, lines)
    assert any(w in parts[0] for w in one_words), (text, parts)
    assert any(w in parts[1] for w in two_words), (text, parts)


# --- 2. where to complain, first turn ---------------------------------------------------------
GRIEVANCES = ("银行抽贷了", "银行突然压贷", "银行对我们民企有歧视", "银行一刀切拒贷")
WHERE = ("去哪投诉", "有没有地方可以申诉", "找哪个部门反映", "向哪里举报")


@pytest.mark.parametrize("grievance", GRIEVANCES)
@pytest.mark.parametrize("where", WHERE)
def test_where_to_complain_leads_with_the_channel(
    answerer: Answerer, grievance: str, where: str
) -> None:
    text = f"{grievance}，{where}"
    assert asks_where_to_report(text)
    lead = _lines(answerer, text)[0]
    assert "反映" in lead or "投诉" in lead, (text, lead)
    assert "分局" in lead or "分行" in lead or "协调" in lead, (text, lead)


@pytest.mark.parametrize("text", ["银行抽贷了怎么办", "投诉了会不会影响贷款", "去哪办续贷"])
def test_other_asks_are_not_where_to_complain(text: str) -> None:
    assert not asks_where_to_report(text)


# --- 3. where a pledge is registered ----------------------------------------------------------
PATENT = ("专利质押去哪办", "知识产权质押登记在哪里办", "拿专利贷款，质押登记去哪弄")
MOVABLE = ("应收账款质押去哪里登记", "设备抵押登记在哪办", "存货抵押去哪个系统登记")
FOREST = ("林权抵押去哪办", "林权证抵押贷款在哪里办", "山林抵押找哪里办")


@pytest.mark.parametrize("text", PATENT)
def test_patent_pledge_where_never_sends_to_zhongdeng(answerer: Answerer, text: str) -> None:
    lines = _lines(answerer, text)
    assert "专利" in lines[0], (text, lines)
    cited = next(line for line in lines if line.startswith("依据"))
    assert "中登网" not in cited and "动产融资" not in cited, (text, cited)


@pytest.mark.parametrize("text", MOVABLE)
def test_movable_pledge_is_registered_at_zhongdeng(answerer: Answerer, text: str) -> None:
    lead = _lines(answerer, text)[0]
    assert "中登网" in lead and not lead.startswith("不"), (text, lead)


@pytest.mark.parametrize("text", FOREST)
def test_forest_pledge_where_names_its_channel(answerer: Answerer, text: str) -> None:
    lead = _lines(answerer, text)[0]
    assert "福农e林" in lead or "林业" in lead, (text, lead)


# --- 4. the quote on a credit-line cut --------------------------------------------------------
MEASURE_9 = (
    "发挥动产融资统一登记公示系统和应收账款融资服务平台作用，对于正常经营的民营小微企业，"
    "因抵押物价值缩水、纳税金额减少或不连续等因素导致授信额度调降的，指导银行机构采取追加"
    "纯信用贷款、用足抵押率、保险增信和线上转线下审批等措施，维持原有授信额度。"
)


@pytest.mark.parametrize(
    "question", ["授信额度被调降了", "抵押物缩水银行降额度合理吗", "纳税减少额度被砍了"]
)
def test_quote_is_the_clause_the_question_speaks_of(question: str) -> None:
    quote = quote_clause(MEASURE_9, "", question)
    assert "调降" in quote or "额度" in quote, quote
    assert not quote.startswith("发挥动产"), quote


def test_quote_of_a_question_on_the_opening_keeps_the_head() -> None:
    assert quote_clause(MEASURE_9, "", "中登网有什么用").startswith("发挥动产")


@pytest.mark.parametrize("cut", ["银行把我的授信额度降了一半，合理吗", "额度被压了，措施有说法吗"])
def test_credit_line_cut_cites_measure_9(answerer: Answerer, cut: str) -> None:
    answer = answer_in_context(answerer, ConversationContext(), cut).answer
    assert 9 in {c.article for c in answer.citations}, (cut, answer.answer)


# --- 5. how long in the owner's words; a loan without collateral --------------------------------
MATTERS = ("银行抽贷了", "我之前有逾期，现在还清了", "银行不给续贷")
HOW_LONG = ("多久能解决", "多久有回复", "大概多久能贷款")


@pytest.mark.parametrize("matter", MATTERS)
@pytest.mark.parametrize("how_long", HOW_LONG)
def test_how_long_after_a_matter_names_the_owners_words(
    answerer: Answerer, matter: str, how_long: str
) -> None:
    lead = _lines(answerer, matter, how_long)[0]
    assert "专项贷款" not in lead and "给逾期" not in lead and "给抽贷" not in lead, lead
    assert "没有规定" in lead, lead


@pytest.mark.parametrize(
    "text", ["有没有无抵押的信用贷款", "有没有不押房子的贷款", "银行有没有纯信用的贷款"]
)
def test_existence_of_a_loan_without_collateral_says_yes_with_credit_loans(
    answerer: Answerer, text: str
) -> None:
    lead = _lines(answerer, text)[0]
    assert lead.startswith("有") and "信用贷" in lead, (text, lead)


# --- 6. subject agreement ---------------------------------------------------------------------
@pytest.mark.parametrize("lender", ["银行要我", "客户经理让我"])
@pytest.mark.parametrize("thing", ["买保险", "买他们的理财", "交一笔担保费"])
def test_a_rate_entry_never_weighs_another_demand(
    answerer: Answerer, lender: str, thing: str
) -> None:
    lead = _lines(answerer, f"{lender}{thing}，这合理吗")[0]
    assert "利率" not in lead, (thing, lead)


# --- 7. a short story: the clause that asks is matched on its own -----------------------------
STORIES = ("我们厂去年亏了一点", "最近订单少了很多", "今年生意不太好做")
RENEWALS = ("今年贷款到期，银行会不会不给续", "贷款快到期了，银行还肯续贷吗")


@pytest.mark.parametrize("story", STORIES)
@pytest.mark.parametrize("renewal", RENEWALS)
def test_a_story_before_a_renewal_ask_gets_the_renewal_answer(
    answerer: Answerer, story: str, renewal: str
) -> None:
    text = f"{story}，{renewal}"
    answer = answer_in_context(answerer, ConversationContext(), text).answer
    lead = answer.answer.splitlines()[0]
    assert "续贷" in lead or "稳贷" in lead, (text, lead)
    assert {4, 6} & {c.article for c in answer.citations}, (text, answer.citations)


FACTS = ("做食品加工的", "纳税一直正常", "在三元区")


@pytest.mark.parametrize("fact", FACTS)
@pytest.mark.parametrize("ask", ("我这种情况能不能进白名单", "我们公司能进白名单吗"))
def test_an_ask_before_the_facts_is_answered(answerer: Answerer, fact: str, ask: str) -> None:
    text = f"{ask}，{fact}"
    lead = _lines(answerer, text)[0]
    assert "白名单" in lead or "主管部门" in lead, (text, lead)
    assert not lead.startswith("想进白名单"), (text, lead)  # the how, not the whether


# --- 8. yes/no on what the measures leave to the bank: an honest answer first -----------------
HONEST = (
    ("首贷有没有优惠", ("没有定", "没有给")),
    ("头一回借款能不能便宜点", ("没有",)),
    ("贷款被拒了还能再申请吗", ("可以",)),
    ("被这家银行拒了，能换一家再申请吗", ("可以",)),
    ("政府担保要抵押吗", ("不一定",)),
    ("找政府性担保公司还得押房子吗", ("不一定",)),
)


@pytest.mark.parametrize(("text", "openings"), HONEST)
def test_a_yes_no_gets_its_answer_first(
    answerer: Answerer, text: str, openings: tuple[str, ...]
) -> None:
    lead = _lines(answerer, text)[0]
    assert any(lead.startswith(o) or o in lead[:12] for o in openings), (text, lead)


@pytest.mark.parametrize(
    "text", ["银行说我们行业不好不给贷，这算歧视吗", "因为行业前景差被拒贷，算不算歧视"]
)
def test_an_industry_refusal_is_weighed_by_measure_4(answerer: Answerer, text: str) -> None:
    answer = answer_in_context(answerer, ConversationContext(), text).answer
    assert 4 in {c.article for c in answer.citations}, (text, answer.answer)
    assert answer.answer.startswith("不一定"), answer.answer
