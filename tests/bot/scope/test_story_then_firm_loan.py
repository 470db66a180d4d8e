"""A family's word opens a story, the firm's own loan is told in a later clause that neither
asks nor holds the word, and the question at the end asks about that loan ("孩子今年高考，家里
开销大，厂里的流动资金贷款下个月到期，能不能不还本金先续上"): the firm's question, answered.
The same stories whose question asks about the family's own matter ("…，志愿怎么填比较好"),
or that ask with the family's word, stay declined. Generated over stories × loans × asks."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.scope import out_of_scope_family
from retrieval.normalize import normalize_text
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

# (the family's opening clause, a question on that matter itself)
STORIES = (
    ("孩子今年高考", "志愿怎么填比较好"),
    ("老婆刚生了二胎", "产假有几天"),
    ("家里装修花了不少钱", "瓷砖选哪种好"),
    ("上个月去旅游了一趟", "下次去哪里玩好"),
    ("我有两张信用卡", "信用卡账单能分期吗"),
    ("前年买了房", "房贷利率能降吗"),
)
BETWEEN = ("手头有点紧", "最近忙得很")
LOANS = (
    "厂里的流动资金贷款下个月到期",
    "公司在农商行的贷款快到期了",
    "店里的经营贷明年到期",
    "公司的续贷材料交上去了",
    "银行把我们公司的授信额度调低了",
)
ASKS = ("能不能不还本金先续上", "一般要多久", "需要准备哪些东西", "有什么办法", "这合理吗")


def _family(text: str) -> str:
    return out_of_scope_family(normalize_text(text))[0]


@pytest.mark.parametrize(
    ("story", "between", "loan", "ask"),
    [(s, b, loan, a) for (s, _), b, loan, a in itertools.product(STORIES, BETWEEN, LOANS, ASKS)],
)
def test_a_story_then_the_firms_loan_asked_about_is_no_family(
    story: str, between: str, loan: str, ask: str
) -> None:
    assert _family(f"{story}，{between}，{loan}，{ask}") == ""


@pytest.mark.parametrize(
    ("story", "loan", "ask"),
    [(s, loan, a) for (s, _), loan, a in itertools.product(STORIES, LOANS, ASKS)][::7],
)
def test_a_story_then_the_firms_loan_is_answered(
    answerer: Answerer, story: str, loan: str, ask: str
) -> None:
    (turn,) = talk(answerer, f"{story}，手头有点紧，{loan}，{ask}")
    assert turn.answer.in_scope, turn.answer.answer


@pytest.mark.parametrize(
    ("story", "own", "between", "loan"),
    [(s, own, b, loan) for (s, own), b, loan in itertools.product(STORIES, BETWEEN, LOANS)],
)
def test_the_familys_own_matter_asked_after_the_loan_stays_declined(
    story: str, own: str, between: str, loan: str
) -> None:
    assert _family(f"{story}，{between}，{loan}，{own}") != ""
    assert _family(f"{story}，{loan}，{own}") != ""  # the loan right after the story


@pytest.mark.parametrize(("story", "own"), STORIES)
def test_the_familys_own_matter_is_declined_in_the_answer(
    answerer: Answerer, story: str, own: str
) -> None:
    (turn,) = talk(answerer, f"{story}，手头有点紧，{LOANS[0]}，{own}")
    assert not turn.answer.in_scope, turn.answer.answer
