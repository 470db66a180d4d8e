"""One message asking two quantities of a product (额度 then 利率, 期限 then 额度 …) is two asks,
in order, each completed with the product; and a follow-up asking two compared notes at once
(能同时申请吗, 选哪个) is asked of both. Wordings written here over the kind: separators of
speech and typing (space, comma, none at all), traditional characters, pinyin slips and a
story told first."""

from __future__ import annotations

import itertools

import pytest

from bot.messages import Answer
from bot.reading import ConversationContext, Lexicon, read, remember
from bot.reading.clauses import split_message
from retrieval.normalize import normalize_text
from tests.helpers.reading import notes

# (wording, a word its ask must hold)
QUANTITY_ASKS = (
    ("能贷多少", "贷多少"),
    ("额度有多少", "额度"),
    ("最多批多少钱", "多少钱"),
    ("利率多少", "利率"),
    ("利息大概几个点", "利息"),
    ("期限多长", "期限"),
    ("担保费多少", "担保费"),
)
SEPARATORS = (" ", "，", ",  ", "  ")


def _quantity(word: str) -> str:
    """The quantity a wording asks (amount, rate, term, fee)."""
    for name, words in (
        ("amount", ("贷多少", "额度", "多少钱")),
        ("rate", ("利率", "利息")),
        ("term", ("期限",)),
    ):
        if word in words:
            return name
    return "fee"


PAIRS = [
    (a, b)
    for a, b in itertools.permutations(QUANTITY_ASKS, 2)
    if _quantity(a[1]) != _quantity(b[1])
]


@pytest.mark.parametrize("separator", SEPARATORS)
@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_two_quantities_asked_are_two_asks_in_order(
    first: tuple[str, str], second: tuple[str, str], separator: str
) -> None:
    pieces = split_message(normalize_text(f"外贸贷{first[0]}{separator}{second[0]}"))
    assert len(pieces) == 2, pieces
    assert first[1] in pieces[0].text and second[1] in pieces[1].text, pieces


@pytest.mark.parametrize(
    "text",
    [
        "商贸贷额度多少利率多少",  # no separator at all
        "商贸贷額度多少 利率多少",  # traditional
        "我们做软件的有两项专利，想问下科技贷能贷多少，利率多少",  # a story first
        "提质增产争效贷要抵押吗利息多少",
        "科技贷一般能贷多久 利息几个点",
    ],
)
def test_run_on_and_storied_quantity_asks_are_split(text: str) -> None:
    pieces = split_message(normalize_text(text))
    assert len(pieces) == 2, pieces


@pytest.mark.parametrize(
    "text", ["外贸贷利率多少，大概多少", "科技贷能贷多少，最多多少", "商贸贷利率多少 利息怎么算"]
)
def test_one_quantity_asked_twice_stays_one_ask(text: str) -> None:
    assert len(split_message(normalize_text(text))) == 1


# 担保费 is a topic of its own (第11条's fees): "X能贷多少 担保费多少" asks it on its own
LOAN_PAIRS = [(a, b) for a, b in PAIRS if "fee" not in (_quantity(a[1]), _quantity(b[1]))]


@pytest.mark.parametrize(("first", "second"), LOAN_PAIRS)
def test_each_quantity_ask_is_completed_with_the_product(
    lexicon: Lexicon, first: tuple[str, str], second: tuple[str, str]
) -> None:
    for product in (lexicon.display_name(d) for d in notes(lexicon, "product")):
        asks = read(lexicon, ConversationContext(), f"{product}{first[0]} {second[0]}").asks
        assert len(asks) == 2 and all(product in a.text for a in asks), asks
        assert first[1] in asks[0].text and second[1] in asks[1].text, asks


def _answered(doc_id: str) -> Answer:
    """An answer about doc_id (what remember takes the focus from)."""
    return Answer("好的。", True, "policy_question", topic=doc_id)


COMPARISONS = ("{a}和{b}有什么区别", "{a}跟{b}有啥不一样", "{a}與{b}有什麼不同")
JOINT = ("能同时申请吗", "两个都能申请吗", "可以一块儿申请吗", "那我该选哪个", "两款都能贷吗")


@pytest.mark.parametrize("follow_up", JOINT)
@pytest.mark.parametrize("comparison", COMPARISONS)
def test_a_joint_follow_up_is_asked_of_both_compared_notes(
    lexicon: Lexicon, comparison: str, follow_up: str
) -> None:
    products = notes(lexicon, "product")
    for one, other in itertools.combinations(products, 2):
        a, b = lexicon.display_name(one), lexicon.display_name(other)
        first = read(lexicon, ConversationContext(), comparison.format(a=a, b=b))
        context = remember(lexicon, ConversationContext(), first, _answered(one))
        asked = read(lexicon, context, follow_up).asks[0].text
        assert a in asked and b in asked, (comparison, follow_up, asked)


@pytest.mark.parametrize("follow_up", ("能同时申请吗", "选哪个"))
def test_a_joint_follow_up_after_one_note_stays_on_it(lexicon: Lexicon, follow_up: str) -> None:
    first = read(lexicon, ConversationContext(), "科技贷要什么条件")
    context = remember(lexicon, ConversationContext(), first, _answered("product-kejidai"))
    asked = read(lexicon, context, follow_up).asks[0].text
    assert "外贸贷" not in asked and "商贸贷" not in asked, asked


@pytest.mark.parametrize(
    "text", ["科技贷和外贸贷我该申请哪个", "外贸贷商贸贷选哪一款", "科技贷和商贸贷，办哪种好"]
)
def test_which_to_apply_for_between_two_is_a_comparison(lexicon: Lexicon, text: str) -> None:
    assert read(lexicon, ConversationContext(), text).asks[0].type == "compare"
