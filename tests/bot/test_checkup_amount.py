"""The self-check's amount step: one reader for the chat and the web (bot/checkup/amount.py).
Text that is not an amount is refused with a Chinese message and the question asked again,
nothing entered lost; an amount out of range gets the check's own message naming the range."""

from __future__ import annotations

import pytest

from bot.checkup.amount import AMOUNT_RANGE, NotRead, read_check_amount
from bot.engine import Engine
from bot.intake import FieldError, validate_field
from bot.intake.amounts import NOT_AN_AMOUNT
from core.profile import MAX_AMOUNT_WAN
from tests.helpers.engine import fake_answerer, shared_db, shared_engine, texts, user

__all__ = ["fake_answerer", "shared_db", "shared_engine", "user"]

# Text holding a number that is not an amount: markup, code, formulas, ordinals, counts.
_NUMBERS = ["1", "300", "五十"]
NOT_AMOUNTS = [
    wrap.format(n=n)
    for n in _NUMBERS
    for wrap in [
        "<script>alert({n})</script>",
        "<b>{n}</b>",
        "alert({n})",
        "x={n}",
        "{n}+{n}",
        "{{{n}}}",
        "SELECT {n}",
        "第{n}条",
        "{n}年",
        "{n}个人",
        "{n}号楼",
        "http://a.cn/{n}",
        "abc{n}",
    ]
]
TOO_LARGE = [
    f"{value}{unit}"
    for value, unit in [
        (f"{MAX_AMOUNT_WAN + 1:g}", "万"),
        (f"{MAX_AMOUNT_WAN + 1:g}", "万元"),
        ("20", "亿"),
        ("十一", "亿元"),
        ("500000", ""),
        (f"{MAX_AMOUNT_WAN + 1:g}", ""),
        ("2000000000", "元"),
    ]
] + [MAX_AMOUNT_WAN + 1, 10**12, float("inf")]
NOT_POSITIVE = ["0", "-5", "负三百", "0万", 0, -1, float("nan")]
GOOD = [("300", 300), ("三百", 300), ("两百五", 250), ("200万", 200), ("1亿", 10000), (80, 80)]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_text_that_is_not_an_amount_is_refused_in_chinese(text: str) -> None:
    with pytest.raises(NotRead) as caught:
        read_check_amount(text)
    assert NOT_AN_AMOUNT in str(caught.value)
    with pytest.raises(FieldError):  # the financing form reads amounts the same way
        validate_field("amount_wan", text)


@pytest.mark.parametrize("value", TOO_LARGE + NOT_POSITIVE, ids=str)
def test_amount_out_of_range_gets_the_checks_message_naming_the_range(value: object) -> None:
    with pytest.raises(NotRead) as caught:
        read_check_amount(value)
    assert str(caught.value).startswith(AMOUNT_RANGE)
    assert f"{MAX_AMOUNT_WAN:g}万元" in str(caught.value)


@pytest.mark.parametrize(("value", "expected"), GOOD)
def test_amounts_in_range_are_read(value: object, expected: float) -> None:
    assert read_check_amount(value) == expected


def _to_amount_step(engine: Engine, user: str) -> None:
    engine.handle("cli", user, "政策体检")
    for answer in ["制造业", "永安", "小型", "新增贷款", "林权", "都没有", "没有"]:
        engine.handle("cli", user, answer)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<script>alert(1)</script>", NOT_AN_AMOUNT),
        ("第3条", NOT_AN_AMOUNT),
        ("100001万", AMOUNT_RANGE),
        ("100001", AMOUNT_RANGE),
        ("20亿", AMOUNT_RANGE),
    ],
)
def test_chat_refuses_and_asks_again_keeping_the_answers(
    shared_engine: Engine, user: str, text: str, message: str
) -> None:
    _to_amount_step(shared_engine, user)
    replies = shared_engine.handle("cli", user, text)
    shown = texts(replies)
    assert message in shown and "计划融资多少万元" in shown, shown
    assert "政策体检结果" not in shown
    result = texts(shared_engine.handle("cli", user, "300"))
    assert "政策体检结果" in result and "永安市" in result and "300万元" in result
