"""An asset told in a conversation about loans (我们有林地, 手里有几项专利) asks what it can do
for a loan (issue 19, bot/reading/resolve.py), unless a product or platform is in focus (then
it is a fact for that note: 软著 for 科技贷); and a follow-up naming its own subject of the
same head as the focus (找哪家担保公司 after 担保费多少) is not prefixed with the focus.

Generated over first questions × assets told in several wordings, and subject pairs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

FIRST = ("没有抵押物能贷款吗", "续贷要先还本金吗", "白名单怎么进", "贷款利率一般多少")
TOLD = ("我们有{a}", "我们有{a}。", "我们公司有{a}", "手里有{a}")
ASSETS = ("林地", "林权", "商标", "股权", "应收账款")


@pytest.mark.parametrize("first", FIRST)
@pytest.mark.parametrize("told", TOLD)
@pytest.mark.parametrize("asset", ASSETS)
def test_an_asset_told_asks_what_it_can_do_for_a_loan(
    answerer: Answerer, first: str, told: str, asset: str
) -> None:
    context = answer_in_context(answerer, ConversationContext(), first).context
    turn = answer_in_context(answerer, context, told.format(a=asset))
    assert turn.answer.in_scope, (first, told, asset)
    assert asset in turn.reading.resolved and "押" in turn.reading.resolved, turn.reading.resolved
    assert 7 in {c.article for c in turn.answer.citations} or any(
        c.doc_id.startswith("platform-") for c in turn.answer.citations
    ), (first, asset, turn.answer.answer)


@pytest.mark.parametrize(
    ("first", "follow_up", "named"),
    [
        ("担保费多少", "找哪家担保公司", "担保公司"),
        ("担保费多少", "担保公司在哪找", "担保公司"),
        ("信用贷利率多少", "信用修复要多久", "信用修复"),
        ("续贷要先还本金吗", "续贷的材料有哪些", "续贷"),
    ],
)
def test_a_follow_up_naming_its_own_subject_is_not_prefixed(
    answerer: Answerer, first: str, follow_up: str, named: str
) -> None:
    context = answer_in_context(answerer, ConversationContext(), first).context
    turn = answer_in_context(answerer, context, follow_up)
    assert turn.reading.resolved.startswith(named) or turn.reading.resolved == follow_up, (
        turn.reading.resolved
    )


@pytest.mark.parametrize("first", FIRST)
@pytest.mark.parametrize("told", ("我们没有{a}", "我们有厂房，没有{a}", "手里无{a}"))
@pytest.mark.parametrize("asset", ASSETS)
def test_an_asset_told_as_lacking_is_no_pledge_question(
    answerer: Answerer, first: str, told: str, asset: str
) -> None:
    context = answer_in_context(answerer, ConversationContext(), first).context
    turn = answer_in_context(answerer, context, told.format(a=asset))
    assert "能拿来抵押贷款吗" not in turn.reading.resolved, turn.reading.resolved


@pytest.mark.parametrize("told", ("我们有{a}", "我们有两项{a}"))
@pytest.mark.parametrize("asset", ("专利", "软著", "商标"))
def test_an_asset_told_for_a_product_in_focus_is_a_fact_for_it(
    answerer: Answerer, told: str, asset: str
) -> None:
    context = answer_in_context(answerer, ConversationContext(), "科技贷要什么条件").context
    turn = answer_in_context(answerer, context, told.format(a=asset))
    assert "能拿来抵押贷款吗" not in turn.reading.resolved, turn.reading.resolved
    assert "科技贷" in turn.reading.resolved, turn.reading.resolved
