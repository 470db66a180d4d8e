"""Answers composed for the kinds of issue 19, read in context as the engine reads them:
two quantities asked in one message each answered in order, honestly; a comparison with a
choice, and a joint follow-up, kept on the two notes named; a figure asked to be confirmed
confirmed, corrected or said to be in no source; next steps and quotes that fit the ask.
Wordings written here over each kind (typos, traditional characters, stories told first)."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

import pytest

from bot.compose.layout import MARKS, PHONE_SCREEN, QUOTE_PREFIX
from bot.dialogue import answer_in_context
from bot.reading import ConversationContext

if TYPE_CHECKING:
    from bot.answerer import Answerer

PRODUCTS = ("科技贷", "外贸贷", "商贸贷", "提质增产争效贷")
QUANTITIES = (("能贷多少", "额度"), ("利率多少", "利率"), ("期限多长", "期限"))
HONEST = re.compile(r"没有|没写|没查到|由[^。；]{0,8}(?:定|核定|确定|审核)")
MAX_LEAD = 60


def _conversation(answerer: Answerer, *turns: str) -> list[str]:
    """The answers to the turns of one conversation, in order."""
    context, said = ConversationContext(), []
    for turn in turns:
        exchange = answer_in_context(answerer, context, turn)
        context = exchange.context
        said.append(exchange.answer.answer)
    return said


def _screen(text: str) -> str:
    return text.split(f"\n{QUOTE_PREFIX}", 1)[0]


def _leads(text: str) -> list[str]:
    """The lead of each numbered part, or the one lead."""
    found = [line for line in text.splitlines() if line.startswith(MARKS)]
    return [line[len(MARKS[0]) :] for line in found] or [text.splitlines()[0]]


@pytest.mark.parametrize(("first", "second"), list(itertools.permutations(QUANTITIES, 2)))
@pytest.mark.parametrize(
    "template", ("{p}{a} {b}", "{p}{a}，{b}", "我们是做外贸的小厂，想了解{p}，{a}？{b}？")
)
@pytest.mark.parametrize("product", PRODUCTS[:3])
def test_two_quantities_are_each_answered_honestly_in_order(
    answerer: Answerer,
    product: str,
    template: str,
    first: tuple[str, str],
    second: tuple[str, str],
) -> None:
    text = _conversation(answerer, template.format(p=product, a=first[0], b=second[0]))[0]
    leads = _leads(text)
    assert len(leads) == 2, text
    for lead, (_, label) in zip(leads, (first, second), strict=True):
        assert label in lead or (label == "额度" and "贷多少" in lead), (label, lead)
        assert HONEST.search(lead) and not re.search(r"\d", lead), lead
        assert len(lead) <= MAX_LEAD + 4, lead
    assert len(_screen(text)) <= PHONE_SCREEN + 10, text


MIXED = ("要什么条件", "额度多少", "要抵押吗", "要准备什么材料", "在哪办", "期限多长")


@pytest.mark.parametrize("asks", list(itertools.combinations(MIXED, 3))[::3])
@pytest.mark.parametrize("product", ("外贸贷", "科技貸", "商贸代"))  # traditional, typo
def test_up_to_three_asks_of_a_product_are_each_answered(
    answerer: Answerer, product: str, asks: tuple[str, ...]
) -> None:
    text = _conversation(answerer, f"{product}{' '.join(asks)}")[0]
    leads = _leads(text)
    assert len(leads) == 3 and not any(re.search(r"\d", lead) for lead in leads), text
    assert len(_screen(text)) <= PHONE_SCREEN + 10, text


PAIRS = list(itertools.combinations(PRODUCTS, 2))
CHOOSING = (
    "{a}和{b}有什么区别，我该申请哪个",
    "{a}跟{b}啥区别 我们应该办哪一个",
    "{a}與{b}有什麼區別",
)


@pytest.mark.parametrize("wording", CHOOSING)
@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_a_comparison_with_a_choice_stays_on_the_two_named(
    answerer: Answerer, a: str, b: str, wording: str
) -> None:
    text = _conversation(answerer, wording.format(a=a, b=b))[0]
    lead = text.splitlines()[0]
    assert not lead.startswith(MARKS), text  # one answer, not a second comparison
    assert a in lead and b in lead, lead
    assert not any(p in lead for p in PRODUCTS if p not in (a, b)), lead


JOINT = ("能同时申请吗", "两个都能申请吗", "可以一块儿申请吗", "两款能同时贷吗")


@pytest.mark.parametrize("follow_up", JOINT)
@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_a_joint_follow_up_is_answered_of_both_honestly(
    answerer: Answerer, a: str, b: str, follow_up: str
) -> None:
    said = _conversation(answerer, f"{a}和{b}有什么区别", follow_up)
    lead = said[1].splitlines()[0]
    assert a in lead and b in lead, lead
    assert "没写" in lead and "银行" in lead and "信易贷" not in said[1], said[1]


@pytest.mark.parametrize(
    "question",
    (
        "外贸贷和科技贷可以同时申请吗",
        "商贸貸和提質增產爭效貸能一起申請嗎",
        "信易贷和中登网两个能同时用吗",
        "我们做出口也有专利，科技贷跟外贸贷能不能一块儿申请",
    ),
)
def test_a_joint_ask_in_one_message_is_answered_of_both(answerer: Answerer, question: str) -> None:
    lead = _conversation(answerer, question)[0].splitlines()[0]
    assert "能否同时" in lead and "没写" in lead and len(lead) <= MAX_LEAD, lead


@pytest.mark.parametrize(
    "question",
    ("科技贷和外贸贷都能贷多少", "商贸贷和外贸贷都要什么材料", "科技贷和商贸贷都用什么平台办"),
)
def test_asking_something_else_of_two_is_no_joint_ask(answerer: Answerer, question: str) -> None:
    text = _conversation(answerer, question)[0]
    assert "能否同时" not in text, text


UNSOURCED_FIGURES = (
    ("外贸贷利率是不是3.5%", "利率"),
    ("科技贷最多能贷500万对吧", "额度"),
    ("商贸贷的年利率是4个点对吗", "利率"),
    ("聽說科技貸期限是三年，是吗", "期限"),
    ("续贷是不是三天就能批", "银行"),
    ("提质增产争效贷最多贷一千万，对不对", "额度"),
)


@pytest.mark.parametrize(("question", "decides"), UNSOURCED_FIGURES)
def test_a_figure_no_source_gives_is_said_unconfirmable(
    answerer: Answerer, question: str, decides: str
) -> None:
    lead = _conversation(answerer, question)[0].splitlines()[0]
    assert lead.startswith("措施和产品资料里没有") and "无法确认" in lead, lead
    assert not re.search(r"\d", lead), lead  # the owner's figure is not repeated as if sourced
    assert decides in lead and len(lead) <= MAX_LEAD, lead


SOURCED_FIGURES = (
    ("政府性融资担保放大倍数是不是5倍", "对", "5倍"),
    ("担保放大倍数要求3倍以上对吧", "不对", "5倍"),
    ("听说这个措施有效期三年，对吗", "对", "三年"),
    ("这些措施的有效期是不是两年", "不对", "三年"),
    ("外贸贷不走政府担保时，本金损失超过20%才补偿对吧", "对", "20%"),
)


@pytest.mark.parametrize(("question", "stance", "figure"), SOURCED_FIGURES)
def test_a_figure_the_sources_give_is_confirmed_or_corrected(
    answerer: Answerer, question: str, stance: str, figure: str
) -> None:
    lead = _conversation(answerer, question)[0].splitlines()[0]
    assert lead.startswith(stance) and figure in lead, lead


@pytest.mark.parametrize(
    "question",
    ("授信几百万的企业是不是重点支持", "听说上千万的贷款也能办，是吗", "是不是好几万就能贷"),
)
def test_a_vague_sum_is_no_figure_to_confirm(answerer: Answerer, question: str) -> None:
    lead = _conversation(answerer, question)[0].splitlines()[0]
    assert not lead.startswith(("对，", "不对", "措施和产品资料里没有这个数字")), lead


@pytest.mark.parametrize(
    "question",
    (
        "应收账款能拿去融资吗",
        "资金流信用信息平台是干什么的",
        "担保放大倍数有要求吗",
        "用水用电信息能帮贷款吗",
    ),
)
def test_a_step_for_another_situation_is_not_given(answerer: Answerer, question: str) -> None:
    text = _conversation(answerer, question)[0]
    step = next((line for line in text.splitlines() if line.startswith("下一步")), "")
    assert "额度被调降" not in step, text


GENERIC_QUOTE = "持续发挥各项政策性优惠贷款产品作用"


@pytest.mark.parametrize(
    "question",
    [f"{p}{q}" for p in PRODUCTS for q in ("利率多少", "要抵押吗", "在哪办", "要什么材料")],
)
def test_a_product_answer_quotes_no_sentence_unrelated_to_it(
    answerer: Answerer, question: str
) -> None:
    text = _conversation(answerer, question)[0]
    assert GENERIC_QUOTE not in text, text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("是不是到2026年底贷款比重要达到40%", ("percent", 40.0)),
        ("听说2027年初担保放大倍数要到8倍", ("times", 8.0)),
        ("是不是4月28日以后续贷要三天就批", ("days", 3.0)),
        ("2025年度的利率是不是4.2%", ("percent", 4.2)),
        ("贷款期限是不是三年", ("months", 36.0)),
    ],
)
def test_a_date_in_a_confirming_question_is_not_the_figure(
    question: str, expected: tuple[str, float]
) -> None:
    """2026年底, 4月28日 say when; the figure to confirm is the quantity beside them."""
    from bot.unsourced.figures import asked_figure

    found = asked_figure(question)
    assert found is not None and found[0] == expected[0], found
    assert found[1] == pytest.approx(expected[1])
