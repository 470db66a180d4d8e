"""The asked object read against what the knowledge covers (`bot.scope.coverage`), acts asked
of the assistant (`tasks.ACT_REQUEST`) and a family's opening ask before the firm's loan
(`readings._told_firm_loan`). Generated over loan stories × objects × ask frames: an object of
its own that the knowledge's text does not name is declined however much the story says about
loans; an object the knowledge names, a generic ask and a lender's doing are kept."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.scope import FINANCE_VOCABULARY, out_of_scope_family
from bot.scope.coverage import knowledge_words, uncovered_ask
from retrieval.normalize import normalize_text
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

# Stories full of loan words before the ask (none, the firm's loan, a renewal, a credit line).
STORIES = ("", "我们厂的贷款刚批下来，", "续贷上个月办好了，", "银行的授信也给了，")
# Things of the firm's running the measures, products and platforms never name.
UNCOVERED = (
    "新厂房的消防验收",
    "车间的环评手续",
    "门头招牌的设计",
    "叉车司机的上岗证",
    "外墙的广告牌",
)
# Ask frames that name nothing themselves.
FRAMES = ("{o}找谁办", "{o}哪家做得好", "{o}一般怎么弄", "{o}要去哪个窗口")
# Objects the knowledge names without a financing word in the clause.
COVERED = ("专利", "商标", "订单", "应收账款", "白名单", "科技贷")
# Generic asks after a story: about the story, kept.
GENERIC = ("这合理吗", "一般要多久", "有没有什么办法", "跟我们有关系吗", "是硬性要求还是鼓励")


def _uncovered(answerer: Answerer, text: str) -> bool:
    retriever = answerer.retriever
    assessment = answerer.assess(text)
    topics = assessment.analysis.glossary.terms if assessment.analysis else ()
    return uncovered_ask(
        normalize_text(text).lower(),
        topics,
        retriever.tokenizer.tokens,
        knowledge_words(retriever).__contains__,
        retriever.is_dictionary_word,
        FINANCE_VOCABULARY,
    )


CASES = list(itertools.product(STORIES, UNCOVERED, FRAMES))


@pytest.mark.parametrize(("story", "thing", "frame"), CASES)
def test_an_uncovered_object_is_read_as_such(
    answerer: Answerer, story: str, thing: str, frame: str
) -> None:
    assert _uncovered(answerer, story + frame.format(o=thing))


@pytest.mark.parametrize(("story", "thing", "frame"), CASES[::3])
def test_an_uncovered_object_is_declined_whatever_the_loan_story(
    answerer: Answerer, story: str, thing: str, frame: str
) -> None:
    (turn,) = talk(answerer, story + frame.format(o=thing))
    assert not turn.answer.in_scope, turn.answer.answer


@pytest.mark.parametrize(
    ("story", "thing", "frame"), list(itertools.product(STORIES, COVERED, FRAMES))
)
def test_an_object_the_knowledge_names_is_not_uncovered(
    answerer: Answerer, story: str, thing: str, frame: str
) -> None:
    assert not _uncovered(answerer, story + frame.format(o=thing))


@pytest.mark.parametrize(("story", "ask"), list(itertools.product(STORIES[1:], GENERIC)))
def test_a_generic_ask_after_a_story_is_not_uncovered(
    answerer: Answerer, story: str, ask: str
) -> None:
    assert not _uncovered(answerer, story + ask)


@pytest.mark.parametrize(
    ("lender", "frame"),
    itertools.product(
        ("银行", "支行", "信贷员", "客户经理"), ("{l}的态度很差怎么办", "怎么跟{l}开口")
    ),
)
def test_a_lenders_doing_is_not_uncovered(answerer: Answerer, lender: str, frame: str) -> None:
    assert not _uncovered(answerer, "续贷拖了两个月，" + frame.format(l=lender))


@pytest.mark.parametrize("thing", UNCOVERED)
def test_a_condition_brings_its_financing_to_the_ask(answerer: Answerer, thing: str) -> None:
    assert _uncovered(answerer, f"{thing}要去哪个窗口")
    assert not _uncovered(answerer, f"要是贷款批不下来，{thing}要去哪个窗口")


# --- acts asked of the assistant ---------------------------------------------------------
ASKERS = ("帮我", "你直接帮我", "替我")
ACTS = (
    "把这个月的贷款利息还了",
    "把那笔经营贷提前还掉",
    "提交续贷申请吧",
    "进银行系统查查",
    "把抵押登记办了",
)
TOLD = ("看看", "问问", "说说", "解释一下")


@pytest.mark.parametrize(("asker", "act"), itertools.product(ASKERS, ACTS))
def test_an_act_asked_of_the_assistant_is_declined(asker: str, act: str) -> None:
    assert out_of_scope_family(normalize_text(asker + act))[0] == "transaction"


@pytest.mark.parametrize(("asker", "told", "act"), itertools.product(ASKERS, TOLD, ACTS))
def test_asking_to_look_or_tell_about_an_act_is_no_act(asker: str, told: str, act: str) -> None:
    text = f"{asker}{told}{act.removeprefix('把').removesuffix('吧')}之后还能不能续贷"
    assert out_of_scope_family(normalize_text(text))[0] != "transaction", text


@pytest.mark.parametrize("asker", ASKERS)
def test_an_act_is_refused_with_its_pointer(answerer: Answerer, asker: str) -> None:
    (turn,) = talk(answerer, asker + ACTS[0])
    assert not turn.answer.in_scope and turn.answer.refusal == "transaction"
    assert "不能替您还款" in turn.answer.answer


def test_registering_a_financing_need_is_no_act() -> None:
    assert out_of_scope_family("帮我提交一下融资需求")[0] == ""


# --- a family's opening ask, the firm's loan, then the loan's question --------------------
OPENINGS = (
    "家里装修的钱够不够",
    "结婚的开销大不大",
    "想办张信用卡行不行",
    "孩子上学的事怎么办",
)
LOANS = ("公司贷款下个月到期", "厂里在银行的授信快用完了", "我们店的经营贷正在办")
LOAN_ASKS = ("银行能不能先给续上", "审批一般要多久", "利率能不能低一点")


@pytest.mark.parametrize(
    ("opening", "loan", "ask"), list(itertools.product(OPENINGS, LOANS, LOAN_ASKS))
)
def test_the_firms_loan_asked_last_keeps_the_message(opening: str, loan: str, ask: str) -> None:
    assert out_of_scope_family(normalize_text(f"{opening}，{loan}，{ask}"))[0] == ""


@pytest.mark.parametrize(("opening", "loan"), list(itertools.product(OPENINGS, LOANS)))
def test_the_familys_matter_asked_last_stays_declined(opening: str, loan: str) -> None:
    assert out_of_scope_family(normalize_text(f"{loan}，{opening}"))[0] != ""


@pytest.mark.parametrize("opening", OPENINGS)
def test_the_firms_loan_asked_last_is_answered(answerer: Answerer, opening: str) -> None:
    (turn,) = talk(answerer, f"{opening}，{LOANS[0]}，{LOAN_ASKS[0]}")
    assert turn.answer.in_scope and turn.answer.citations, turn.answer.answer
