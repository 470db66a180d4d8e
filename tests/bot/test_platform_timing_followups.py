"""How long, asked after a lending platform (福农e林, 金服云, 应收账款融资服务平台, 信易贷), is a
loan's matter: the measures set no time for the platform, and 第8条's 贷款全流程限时制 asks
banks to fix one for each step (bot/timing.py `loan_matter`); the topic asked before the
platform (续贷, 林权) does not pull the answer away from 第8条. A platform that is no lender's
(政企直通车, 海峡股权交易市场) gets no 第8条. Conversations are made up from the notes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

OPENINGS = (
    ("福农e林是什么",),
    ("流动资金贷款快到期了，怎么续贷", "福农e林是什么"),
    ("我们做林业的想用林权贷款", "福农e林能办吗"),
    ("金服云是干嘛的",),
    ("续贷要准备什么", "金服云能办续贷吗"),
    ("想办笔贷款", "金服云平台是做什么的"),
    ("应收账款融资服务平台怎么用",),
    ("信易贷平台是什么",),
)
TIMING = ("要多久", "多久能批", "大概要多长时间", "几天能放款")


@pytest.mark.parametrize("timing", TIMING)
@pytest.mark.parametrize("opening", OPENINGS)
def test_how_long_after_a_lending_platform_cites_measure_8(
    answerer: Answerer, opening: tuple[str, ...], timing: str
) -> None:
    answer = talk(answerer, *opening, timing)[-1].answer
    articles = [c.article for c in answer.citations]
    assert answer.in_scope and 8 in articles, (answer.answer, articles)
    assert "限时" in answer.answer or "时限" in answer.answer, answer.answer


@pytest.mark.parametrize("opening", ["政企直通车是什么", "海峡股权交易市场是干啥的"])
def test_how_long_after_another_platform_is_not_measure_8s(
    answerer: Answerer, opening: str
) -> None:
    answer = talk(answerer, opening, "要多久")[-1].answer
    assert 8 not in [c.article for c in answer.citations], answer.answer


@pytest.mark.parametrize("timing", TIMING)
@pytest.mark.parametrize(
    "opening",
    [
        ("专利能质押贷款吗", "在哪登记"),
        ("不动产抵押登记总对总是什么",),
        ("银担直连是什么意思",),
    ],
)
def test_how_long_with_measure_8_in_focus_keeps_its_time_limits(
    answerer: Answerer, opening: tuple[str, ...], timing: str
) -> None:
    answer = talk(answerer, *opening, timing)[-1].answer
    articles = [c.article for c in answer.citations]
    assert articles[0] == 8 and "限时" in answer.answer, (answer.answer, articles)
