"""Follow-ups about applying for the topic in focus (oos12): where to apply (手机上能办吗,
微信上能申请吗), whether the province or elsewhere has the like (省里有没有类似政策), a step done
in person (要我自己去税务局开证明吗) and the firm's contributions stopped (社保停缴了 还能贷款吗,
公积金断缴了能贷吗) are read with the topic and answered, never declined. Generated over first
turns (a product, a renewal, a platform, a measure's matter) × follow-up wordings; wordings
written here, never evaluation sets."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

FIRST_TURNS = (
    "科技贷怎么申请",
    "我们公司贷款快到期了，无还本续贷怎么办",
    "商贸贷利率多少",
    "信易贷平台是什么",
    "应收账款能质押贷款吗",
)
FOLLOW_UPS = (
    "手机上能办吗",
    "能在手机上申请吗",
    "网上能办吗",
    "微信上能申请吗",
    "那我们福建有没有类似的",
    "省里有没有类似政策",
    "别的市有没有这种",
    "要我自己去税务局开证明吗",
    "要我自己跑银行吗",
    "税务那边的证明我自己去开吗",
    "社保停缴了 还能贷款吗",
    "公积金断缴了能贷吗",
)


@pytest.mark.parametrize(("first", "follow_up"), itertools.product(FIRST_TURNS, FOLLOW_UPS))
def test_a_follow_up_about_applying_is_answered(
    answerer: Answerer, first: str, follow_up: str
) -> None:
    turns = talk(answerer, first, follow_up)
    assert turns[0].answer.in_scope
    answer = turns[1].answer
    assert answer.in_scope, (follow_up, answer.refusal)
    assert answer.citations


CONTRIBUTIONS = (
    "社保停缴了 还能贷款吗",
    "社保断缴了三个月，还能申请贷款吗",
    "我们公司社保停缴了，影响贷款吗",
    "员工社保欠缴了几个月，还能贷款吗",
)


@pytest.mark.parametrize("question", CONTRIBUTIONS)
def test_contributions_stopped_are_asked_of_the_firms_loan(
    answerer: Answerer, question: str
) -> None:
    answer = talk(answerer, question)[0].answer
    assert answer.in_scope, answer.refusal
    assert 9 in [c.article for c in answer.citations]  # 第9条's records opened to banks


@pytest.mark.parametrize(
    "question", ["公司公积金断缴了 还能贷款吗", "我们公司医保欠缴了，影响贷款吗"]
)
def test_other_contributions_of_the_firm_are_kept(answerer: Answerer, question: str) -> None:
    assert talk(answerer, question)[0].answer.in_scope


@pytest.mark.parametrize(
    "question", ["公积金断缴了能取出来吗", "买台手机能分期吗", "我自己想贷款买辆私家车"]
)
def test_the_same_words_off_topic_are_still_declined(answerer: Answerer, question: str) -> None:
    answer = talk(answerer, "科技贷怎么申请", question)[1].answer
    assert not answer.in_scope
