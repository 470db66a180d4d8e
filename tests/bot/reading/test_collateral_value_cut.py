"""A credit line cut told in the owners' words, for a collateral fallen in value (第9条: a line
cut for a shrunken collateral or lower taxes is to be kept), in every way the kind is typed. A
cut of the 贷款额度 told with no cause stays the owner's words: 第4条 (防止盲目压贷) weighs it
as much as 第9条."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.reading.loan_words import line_cut
from tests.helpers.reading import talk

if TYPE_CHECKING:
    from bot.answerer import Answerer

CUTS = ("压我的贷款额度", "少贷给我", "砍我们的信贷额度", "降我的借款额度", "少批点给我们")
CAUSES = ("抵押的房子跌价了", "厂房不值钱了", "抵押的设备掉价了", "抵押物跌价了")
SUBJECTS = ("银行", "客户经理", "支行")
FRAMES = ("{subject}说{cause}，要{cut}", "{cause} {subject}要{cut}，咋办")


@pytest.mark.parametrize(
    "cut", ["压我额度", "少贷给我", "砍我们的额度", "少批点给我们", "贷不了那么多了"]
)
def test_a_cut_in_the_owners_words_is_the_sources_line_cut(cut: str) -> None:
    assert "调降授信额度" in line_cut(f"银行要{cut}")


@pytest.mark.parametrize(
    "text", ["我想少贷一点，利息能便宜吗", "少贷点是不是好批", "贷款额度最高多少", "压力太大了"]
)
def test_what_is_no_cut_stays_as_typed(text: str) -> None:
    assert line_cut(text) == text


@pytest.mark.parametrize(
    ("frame", "subject", "cause", "cut"),
    [
        (frame, subject, cause, cut)
        for (frame, subject), cause, cut in itertools.product(
            itertools.product(FRAMES, SUBJECTS), CAUSES, CUTS[:3]
        )
    ],
)
def test_a_cut_for_a_collateral_fallen_in_value_is_answered_from_measure_9(
    answerer: Answerer, frame: str, subject: str, cause: str, cut: str
) -> None:
    reply = talk(answerer, frame.format(subject=subject, cause=cause, cut=cut))[0].answer
    assert reply.in_scope
    assert reply.citations and reply.citations[0].article == 9, reply.answer
    assert "额度" in reply.answer.split("\n")[0]
