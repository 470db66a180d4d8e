"""The rules under the grievance leads (tests/bot/test_grievance_leads.py), on their own:
may I complain (可以 when the point rules the act out or names a channel), the silence step of
a fee (in writing, no "compare banks"), collateral needs restated in the general entry's words,
a reported credit-line cut that is no amount ask. The texts are the tests' own."""

from __future__ import annotations

import pytest

from bot.compose.leads import asks_complaint, stance_lead
from bot.compose.predicates import qa_ask, restated
from bot.compose.question import question_shape
from bot.compose.silence import silence_step
from knowledge.plain import PlainPoint
from tests.bot.test_grievance_leads import (
    ACTS,
    COMPARE_STEP,
    COMPLAINTS,
    CUTS,
    FIRMS,
    NEEDS,
    OWNERS,
)


# --- rules under the answers -------------------------------------------------------------------
@pytest.mark.parametrize("act", ACTS)
@pytest.mark.parametrize("complaint", (*COMPLAINTS, "这个能反映不", "能向监管部门投诉吗"))
@pytest.mark.parametrize(
    "point",
    (
        "措施要求加大对借贷搭售、以贷转存等违规行为的查处力度。",
        "遇到这种情况，可以向三明金融监管分局反映。",
        "措施要求银行坚决防止盲目抽贷、断贷。",
    ),
)
def test_complaint_stance_when_the_point_rules_out_or_names_a_channel(
    act: str, complaint: str, point: str
) -> None:
    text = f"{act}，{complaint}"
    lead = stance_lead(PlainPoint(11, "含义", (), "", point), question_shape(text), text)
    assert lead.startswith("可以"), (text, lead)


@pytest.mark.parametrize("complaint", COMPLAINTS)
def test_no_complaint_stance_from_a_point_that_neither_rules_out_nor_names_a_channel(
    complaint: str,
) -> None:
    text = f"银行给的利率太高，{complaint}"
    point = PlainPoint(11, "含义", (), "", "措施没有规定具体利率，由银行按企业情况定。")
    assert not stance_lead(point, question_shape(text), text).startswith("可以")


@pytest.mark.parametrize("text", ("投诉有用吗", "去哪里投诉", "投诉找谁", "能贷多少"))
def test_not_read_as_may_i_complain(text: str) -> None:
    assert not asks_complaint(text)


@pytest.mark.parametrize("fee", ("担保费", "评估费", "服务费", "登记费"))
@pytest.mark.parametrize("style", ("{f}多少", "{f}要交多少钱", "{f}收多少"))
def test_fee_silence_step_asks_in_writing_not_to_compare(fee: str, style: str) -> None:
    text = style.format(f=fee)
    step = silence_step(question_shape(text), text)
    assert COMPARE_STEP not in step and "书面" in step, (text, step)


@pytest.mark.parametrize("thing", ("利率", "额度", "贷款期限"))
def test_loan_term_silence_step_still_compares_banks(thing: str) -> None:
    text = f"{thing}多少"
    assert COMPARE_STEP in silence_step(question_shape(text), text)


@pytest.mark.parametrize("owner", OWNERS)
@pytest.mark.parametrize("need", NEEDS)
def test_collateral_need_restated_in_the_general_entry_words(owner: str, need: str) -> None:
    assert restated(f"{owner}{need}", "") == "贷款一定要抵押吗"


@pytest.mark.parametrize("route", ("用林权贷款", "应收账款融资", "续贷", "走政府担保"))
def test_collateral_need_of_a_named_route_not_restated(route: str) -> None:
    assert restated(f"{route}还要抵押吗", "") != "贷款一定要抵押吗"


@pytest.mark.parametrize("firm", FIRMS)
@pytest.mark.parametrize("cut", CUTS)
def test_reported_cut_is_no_amount_ask(firm: str, cut: str) -> None:
    assert qa_ask(f"{firm}{cut}", "how_much") is None
    assert qa_ask(f"{firm}{cut}，能贷多少", "how_much") == "how_much"
