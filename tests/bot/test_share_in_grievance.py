"""A share that tells what the bank did (额度砍了一半, 压了三成, 降了30%) beside a reason it
gave (说是抵押的厂房贬值了) and 这合理吗 is a grievance weighed on 第9条, not a figure asked to be
confirmed: never the missing-number lead, whatever separates the clauses (spaces, commas or
nothing). Generated over cuts × shares × reasons × separators; the texts are the tests' own."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from bot.unsourced.figure_reading import asked_figure

if TYPE_CHECKING:
    from bot.answerer import Answerer

CUTS = ("银行把我的授信额度砍了", "银行把我们的额度压了", "授信额度被降了")
SHARES = ("一半", "三成", "30%")
REASONS = ("说是抵押的厂房贬值了", "说是我们纳税少了")
SEPARATORS = (" ", "，", "")
MISSING = "没有这个数字"


@pytest.mark.parametrize(
    ("cut", "share", "reason", "sep"), itertools.product(CUTS, SHARES, REASONS, SEPARATORS)
)
def test_a_share_told_is_not_asked(cut: str, share: str, reason: str, sep: str) -> None:
    text = f"{cut}{share}{sep}{reason}{sep}这合理吗"
    assert asked_figure(text) is None, text


@pytest.mark.parametrize(("cut", "share", "sep"), itertools.product(CUTS, SHARES, SEPARATORS))
def test_a_cut_by_a_share_is_weighed_on_measure_9(
    answerer: Answerer, cut: str, share: str, sep: str
) -> None:
    text = f"{cut}{share}{sep}说是抵押的厂房贬值了{sep}这合理吗"
    answer = answer_in_context(answerer, ConversationContext(), text).answer
    lead = answer.answer.splitlines()[0]
    assert MISSING not in lead, (text, lead)
    assert "维持原额度" in lead, (text, lead)
    assert any(c.doc_id == "measure-9" for c in answer.citations), text


@pytest.mark.parametrize(
    "text", ("听说担保放大倍数是5倍 对吗", "担保放大倍数是5倍吗", "外贸贷利率是不是3.5%")
)
def test_a_figure_asked_is_still_checked(text: str) -> None:
    assert asked_figure(text) is not None, text
