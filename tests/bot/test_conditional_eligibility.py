"""An eligibility ask on a product whose notes set a condition on the firm (科技贷: tech
qualifications; 外贸贷: admission to the enterprise list) leads with that condition, never a
bare 可以 about a firm of which nothing is known. Generated over products × firms × endings;
the texts are the tests' own."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.compose.leads import unmet_condition
from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from knowledge.plain import PlainPoint

if TYPE_CHECKING:
    from bot.answerer import Answerer

PRODUCTS = {"科技贷": "要看资质", "外贸贷": "要先入库"}
FIRMS = ("我们小厂", "我们这种小企业", "我这个小作坊")
ENDINGS = ("能申请{p}吗", "能不能办{p}", "可以申请{p}吗")


def _lead(answerer: Answerer, text: str) -> str:
    return answer_in_context(answerer, ConversationContext(), text).answer.answer.splitlines()[0]


@pytest.mark.parametrize(("product", "firm", "ending"), itertools.product(PRODUCTS, FIRMS, ENDINGS))
def test_eligibility_leads_with_the_condition(
    answerer: Answerer, product: str, firm: str, ending: str
) -> None:
    text = firm + ending.format(p=product)
    lead = _lead(answerer, text)
    assert not lead.startswith("可以"), (text, lead)
    assert len(lead) <= 60, lead


def _point(text: str, stance: str = "可以") -> PlainPoint:
    return PlainPoint(article=0, kind="含义", keywords=("条件",), stance=stance, text=text)


QUALIFIED = "在福建注册、有高企、专精特新、专利或科技奖励等资质的小微企业，都在支持范围里。"
LISTED = "企业入库可以托商务部门推荐，入了库就能向合作银行申请。"


@pytest.mark.parametrize(
    ("text", "question", "expected"),
    [
        (QUALIFIED, "我们小厂能申请吗", "要看资质"),
        (QUALIFIED, "我们有专精特新认定，能申请吗", ""),
        (QUALIFIED, "我们有高企资质能申请吗", ""),
        (LISTED, "小企业能申请吗", "要先入库"),
        (LISTED, "已经进了企业库，能申请吗", ""),
    ],
)
def test_unmet_condition(text: str, question: str, expected: str) -> None:
    assert unmet_condition(_point(text), question) == expected
    assert unmet_condition(_point(text, "不行"), question) == ""
