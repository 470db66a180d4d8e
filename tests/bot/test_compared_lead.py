"""A question comparing two notes, answered note by note, opens with the comparison itself
(issue 19, bot/followups/compared.py): "是一回事吗" → 不是一回事, "有什么区别" → two different
things, "哪个利息低" when the sources set neither → 没法直接比 and who decides; never a first
line that answers only one of the two.

Generated over the kind: every pair of platforms and of products the knowledge names × ways of
asking sameness, difference or a choice on a facet (clean, phone slips, traditional
characters), asked alone and as a follow-up ("它跟X是一回事吗" after a question on the first).
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

import pytest

from bot.dialogue import answer_in_context
from bot.followups.compared import compared_lead
from bot.reading import ConversationContext, lexicon_for

if TYPE_CHECKING:
    from bot.answerer import Answerer

PLATFORMS = ("闽光云商", "信易贷", "福农e林", "金服云平台", "中登网")
PRODUCTS = ("科技贷", "外贸贷", "商贸贷", "提质增产争效贷")
SAME = ("{a}跟{b}是一回事吗", "{a}和{b}一样吗", "{a}跟{b}是不是一回事", "{a}與{b}是一回事嗎")
DIFFER = ("{a}和{b}有什么区别", "{a}跟{b}有啥不一样", "{a}和{b}有啥不同")
CHOICE = ("{a}和{b}哪个利息低", "{a}跟{b}哪个放款快", "{a}和{b}哪个额度高")
FIRST_LINE = re.compile(r"^(?:不是一回事|这是两|没法直接比|[^（])")


def _pairs(names: tuple[str, ...]) -> list[tuple[str, str]]:
    return list(itertools.combinations(names, 2))


@pytest.mark.parametrize(
    ("a", "b", "wording"),
    [(a, b, w) for a, b in _pairs(PLATFORMS) for w in SAME + DIFFER]
    + [(a, b, w) for a, b in _pairs(PRODUCTS) for w in SAME + DIFFER + CHOICE],
)
def test_a_comparison_never_opens_with_one_note_alone(
    answerer: Answerer, a: str, b: str, wording: str
) -> None:
    question = wording.format(a=a, b=b)
    answer = answer_in_context(answerer, ConversationContext(), question).answer
    assert answer.in_scope, question
    first = answer.answer.split("\n", 1)[0]
    assert FIRST_LINE.match(first), (question, first)
    if wording in SAME and first.startswith(("是", "一样", "对", "可以")):
        pytest.fail(f"{question}: two notes read as one: {first}")


@pytest.mark.parametrize(("a", "b"), _pairs(PLATFORMS))
@pytest.mark.parametrize("wording", ("它跟{b}是一回事吗", "那{b}跟它一样吗", "它和{b}有什么区别"))
def test_a_follow_up_comparison_with_the_note_in_focus(
    answerer: Answerer, a: str, b: str, wording: str
) -> None:
    context = answer_in_context(answerer, ConversationContext(), f"{a}是干什么的").context
    turn = answer_in_context(answerer, context, wording.format(b=b))
    first = turn.answer.answer.split("\n", 1)[0]
    assert turn.answer.in_scope, (a, b, wording)
    assert FIRST_LINE.match(first), (a, b, wording, first)


PARTS_SILENT = (
    "（一）公开资料没有规定甲的利率，由合作银行定。\n\n（二）乙的利率没统一说法，由合作银行确定。"
)
PARTS_ONE_FIGURE = "（一）公开资料没有规定甲的利率，由合作银行定。\n\n（二）乙的担保费率为1%。"


@pytest.mark.parametrize(
    ("question", "parts", "expected"),
    [
        ("甲和乙是一回事吗", PARTS_ONE_FIGURE, "不是一回事"),
        ("甲跟乙一样不", PARTS_ONE_FIGURE, "不是一回事"),
        ("甲和乙有什么区别", PARTS_ONE_FIGURE, "这是两个不同的平台"),
        ("甲和乙哪个利息低", PARTS_SILENT, "没法直接比"),
        ("甲和乙哪个便宜", PARTS_SILENT, "没法直接比"),
        ("甲和乙哪个利息低", PARTS_ONE_FIGURE, ""),  # one part has a figure: no blanket line
        ("甲和乙利息多少", PARTS_SILENT, ""),  # not a choice
    ],
)
def test_compared_lead_by_kind_of_comparison(question: str, parts: str, expected: str) -> None:
    lead = compared_lead(question, ("甲", "乙"), ("platform", "platform"), parts)
    assert lead.startswith(expected) if expected else lead == ""


def test_compared_lead_names_both_in_a_silence(answerer: Answerer) -> None:
    lexicon = lexicon_for(answerer)
    assert lexicon.named("科技贷和外贸贷"), "the products are named in the knowledge"
    lead = compared_lead(
        "科技贷和外贸贷哪个利息低", ("科技贷", "外贸贷"), ("product",) * 2, PARTS_SILENT
    )
    assert "科技贷和外贸贷的利率和费用" in lead
