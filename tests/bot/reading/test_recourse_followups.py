"""The owner's recourse asked as a follow-up (bot.reading.recourse, bot.recourse): what their
own step may bring (投诉了会不会影响以后贷款), what to do when the bank still says no (还是
拒绝怎么办) and where to report (去哪里反映) get a lead of their own, never the topic's stock
line or the last next step. Generated over first turns (a lender's demand told in the owner's
words, other topics) × follow-up wordings × styles (clean, pinyin slips, traditional
characters, a story with the question last); wordings written here, never evaluation sets."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.reading.memory import lead_line, step_line
from bot.reading.recourse import recourse
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

DEMANDS = (
    "银行放贷前要我先存10万块钱进去",
    "客户经理让我买一份理财才给放贷",
    "信贷员要求我们把一半贷款转成定期存着",
)
TOPICS = ("我征信上有过逾期", "续贷要先还本金吗", "科技贷要什么条件", "银行要抽贷怎么办")
STORY = "我们是做竹木家具的小厂，跟这家行打交道好几年了，心里有点没底，"


def _styles(text: str, slips: dict[str, str], traditional: str) -> list[str]:
    """clean, phone-typed (pinyin slips), traditional characters, a story with it last."""
    typed = text
    for word, slip in slips.items():
        typed = typed.replace(word, slip, 1)
    return [text, typed, traditional, STORY + text]


CONSEQUENCES = (
    *_styles(
        "投诉了会不会影响我以后贷款", {"投诉": "投述", "贷款": "代款"}, "投訴了會不會影響我以後貸款"
    ),
    *_styles("要是我拒绝，会不会被银行拉黑", {"，": " "}, "要是我拒絕，會不會被銀行拉黑"),
    *_styles("举报他们有没有什么后果", {"举报": "举爆"}, "舉報他們有沒有什麼後果"),
    *_styles("我不配合的话会不会被报复", {"的话": "滴话"}, "我不配合的話會不會被報復"),
)
ESCALATIONS = (
    *_styles("银行还是拒绝怎么办", {"怎么办": "咋办"}, "銀行還是拒絕怎麼辦"),
    *_styles("试过了还是不行，咋办", {"，": " "}, "試過了還是不行，咋辦"),
    *_styles("银行不理我们怎么办", {"我们": "我门"}, "銀行不理我們怎麼辦"),
    *_styles("就是不给办，找谁说理去", {"，": ""}, "就是不給辦，找誰說理去"),
)
REPORTS = (
    *_styles("去哪里反映", {"反映": "反应"}, "去哪裡反映"),
    *_styles("这种情况找谁投诉", {"投诉": "投述"}, "這種情況找誰投訴"),
    *_styles("能向哪个部门举报", {"举报": "举爆"}, "能向哪個部門舉報"),
)


def _recourse_of(follow_up: str) -> str:
    return recourse(follow_up)


@pytest.mark.parametrize("follow_up", CONSEQUENCES)
@pytest.mark.parametrize("first", DEMANDS + TOPICS[:2])
def test_a_consequence_of_the_owners_step_is_answered_honestly(
    answerer: Answerer, first: str, follow_up: str
) -> None:
    before, turn = talk(answerer, first, follow_up)
    lead = lead_line(turn.answer.answer)
    assert lead.startswith("措施没有写"), (first, follow_up, lead)
    assert "第12条" in lead or "第11条" in lead, lead
    assert len(lead) <= 60, lead
    assert lead != lead_line(before.answer.answer)
    assert step_line(turn.answer.answer) != step_line(before.answer.answer)
    assert {"measure-12", "measure-11"} & {c.doc_id for c in turn.answer.citations}


@pytest.mark.parametrize("follow_up", ESCALATIONS)
@pytest.mark.parametrize("first", TOPICS + DEMANDS[:1])
def test_the_bank_still_saying_no_leads_to_where_to_escalate(
    answerer: Answerer, first: str, follow_up: str
) -> None:
    before, turn = talk(answerer, first, follow_up)
    text = turn.answer.answer
    lead = lead_line(text)
    assert "协调办" in lead and "第15条" in lead, (first, follow_up, lead)
    assert lead != lead_line(before.answer.answer)
    assert "measure-15" in {c.doc_id for c in turn.answer.citations}
    assert "登记融资需求" in step_line(text), text


def test_escalation_after_a_credit_record_keeps_its_dispute_channel(answerer: Answerer) -> None:
    *_, turn = talk(answerer, "我征信有逾期", "那怎么修复", "银行还是拒绝怎么办")
    assert "金融纠纷协同化解" in turn.answer.answer
    assert {"measure-15", "measure-2"} <= {c.doc_id for c in turn.answer.citations}


@pytest.mark.parametrize("follow_up", REPORTS)
@pytest.mark.parametrize(("first", "between"), itertools.product(DEMANDS, ("", "这合理吗")))
def test_where_to_report_after_a_demand_names_where(
    answerer: Answerer, first: str, between: str, follow_up: str
) -> None:
    turns = talk(answerer, *(t for t in (first, between, follow_up) if t))
    text = turns[-1].answer.answer
    lead, step = lead_line(text), step_line(text)
    assert "反映" in lead and "三明金融监管分局" in lead, (first, follow_up, lead)
    assert "反映" in step and "助贷" not in step, step
    assert "measure-11" in {c.doc_id for c in turns[-1].answer.citations}


@pytest.mark.parametrize(
    "text",
    ["这事会不会影响别的银行给我们贷款", "续贷会不会影响征信", "要什么材料", "利率会不会涨"],
)
def test_a_consequence_not_of_the_owners_own_step_is_no_recourse(text: str) -> None:
    assert _recourse_of(text) == ""


UNEQUAL = (
    "银行还要求股东全部签字担保 国企就不用 这算不算歧视",
    "同样的条件 国企利率3点多 我们民企要5点多 这公平吗",
    "银行要我们多押一套房子，隔壁国企什么都不用押，合理吗",
)


@pytest.mark.parametrize("follow_up", REPORTS[::2])
@pytest.mark.parametrize("first", UNEQUAL)
def test_where_to_report_a_condition_unequal_to_a_state_firms_cites_fair_lending(
    answerer: Answerer, first: str, follow_up: str
) -> None:
    """A lender's demand unequal to a state firm's is 第12条's matter, not a fee under 第11条."""
    turns = talk(answerer, first, follow_up)
    text = turns[-1].answer.answer
    assert "三明金融监管分局" in lead_line(text), text
    assert "第12条" in lead_line(text) or turns[-1].answer.citations[0].doc_id == "measure-12"
    assert "第11条" not in lead_line(text), text
