"""A share written in words (一半, 五成, 对半, 百分之五十, 两成, 八折) asked to be confirmed is a
figure like 50%: the lead says 对 / 不对 with the source's own clause, or that no source has it
(bot/unsourced/figures.py). Subjects, words and styles are the tests' own."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest

from bot.unsourced.figures import MAX_LEAD_CHARS, asked_figure

if TYPE_CHECKING:
    from bot.answerer import Answerer

HALF = ("一半", "五成", "对半", "百分之五十")
WRONG = ("三成", "八成", "两成")
# (template, style): {s} the product, {w} the share word
FORMS = (
    ("{s}的风险资金池是不是补偿{w}？", "clean"),
    ("{s}出了坏账，资金池赔{w}，对吧", "clean"),
    ("{s}资金池是补偿本金损失的{w}吗", "clean"),
    ("{s}风险池是不是补尝{w}", "slip"),  # 补尝 for 补偿
    ("{s}风险资金池补偿{w}对不对", "bare"),
    (
        "我们做出口的，想申请{s}，听朋友说银行放贷有省里的资金池兜底，"
        "损失了资金池会补偿{w}，是不是这样？",
        "story",
    ),
)
PRODUCTS = ("外贸贷", "商贸贷")


def _lead(answerer: Answerer, question: str) -> str:
    return str(answerer.answer(question).answer).splitlines()[0]


@pytest.mark.parametrize(
    ("word", "value"),
    [("一半", 50), ("对半", 50), ("五成", 50), ("两成", 20), ("八折", 80), ("八五折", 85)],
)
def test_a_share_word_is_read_as_a_percent(word: str, value: float) -> None:
    assert asked_figure(f"是不是{word}") == ("percent", value)


@pytest.mark.parametrize(
    "question", ["是不是几成", "成本是多少对吧", "打折是不是真的", "银行和担保是两成八成分担吗"]
)
def test_no_one_share_word_is_no_figure(question: str) -> None:
    assert asked_figure(question) is None


@pytest.mark.parametrize(
    ("product", "word", "form"), itertools.product(PRODUCTS, HALF, [f for f, _ in FORMS])
)
def test_the_right_share_in_words_is_confirmed_with_its_rule(
    answerer: Answerer, product: str, word: str, form: str
) -> None:
    lead = _lead(answerer, form.format(s=product, w=word))
    assert lead.startswith("对，"), lead
    assert "20%" in lead and "50%" in lead, lead  # the rule: only beyond 20%, at most 50%
    assert len(lead) <= MAX_LEAD_CHARS


@pytest.mark.parametrize(("word", "form"), itertools.product(WRONG, [f for f, _ in FORMS]))
def test_a_wrong_share_in_words_is_corrected_with_the_source(
    answerer: Answerer, word: str, form: str
) -> None:
    lead = _lead(answerer, form.format(s="外贸贷", w=word))
    assert lead.startswith("不对，外贸贷写的是"), lead
    assert "补偿" in lead and "50%" in lead, lead


@pytest.mark.parametrize(
    "question",
    ["外贸贷利率是不是打八折", "科技贷利息是不是能打八五折啊", "商贸贷利率比别的贷款低一半对吧"],
)
def test_a_share_no_source_states_is_said_unconfirmable(answerer: Answerer, question: str) -> None:
    lead = _lead(answerer, question)
    assert lead.startswith("措施和产品资料里没有这个数字，无法确认"), lead
