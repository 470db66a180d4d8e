"""Answers as owners really give them: colloquial amounts and terms, foreign currencies."""

from __future__ import annotations

from typing import Any

import cn2an
import pytest

from bot.intake import ConfirmationNeeded, FieldError, check_request, validate_field
from bot.intake.amounts import FOREIGN_CURRENCIES
from tests.storage.factories import request_data


def reading(name: str, raw: Any) -> tuple[Any, bool]:
    """(value, needs confirmation) of an answer; FieldError propagates."""
    try:
        return validate_field(name, raw), False
    except ConfirmationNeeded as exc:
        return exc.value, True


# (what the owner typed, 万元 meant, confirmed back before storing)
AMOUNTS = [
    ("三万五", 3.5, False),
    ("3万5", 3.5, False),
    ("三万五千元", 3.5, False),
    ("一千五", 1500, False),  # a bare number is 万元, in Chinese numerals as in digits
    ("3千5", 3500, False),
    ("1.5kw", 1500, True),  # slang scales are guesses
    ("1.5KW", 1500, True),
    ("500w", 500, True),
    ("500W", 500, True),
    ("800k", 80, True),
    ("五百万", 500, False),
    ("2个亿", 20000, True),  # above 1 亿
    ("1.5亿", 15000, True),
    ("一亿二", 12000, True),
    ("半个亿", 5000, False),
    ("30万元", 30, False),
    ("300000元", 30, False),
    ("300000", 30, True),  # cannot be 万元: read as yuan, asked back
    ("3,000,000元", 300, False),
    ("200", 200, False),
    ("200万", 200, False),
    ("２００万元", 200, False),
    ("两百万", 200, False),
    ("壹佰万元整", 100, False),
    ("1.5千万", 1500, False),
    ("一点五万", 1.5, False),
    ("大概两百万吧。", 200, False),
    ("200万左右", 200, False),
    ("人民币200万元", 200, False),
    ("￥200万", 200, False),
    ("200多万", 200, True),
    ("三十多万", 30, True),
    ("100-200万", 200, True),  # a range: its upper end
    ("100到200万", 200, True),
    ("300块", 0.03, True),
    ("0.5", 0.5, True),
    ("1亿", 10000, False),
    ("12000", 12000, True),
]


@pytest.mark.parametrize(("raw", "wan", "confirm"), AMOUNTS)
def test_amount_reads_as_the_owner_meant(raw: str, wan: float, confirm: bool) -> None:
    value, asked = reading("amount_wan", raw)
    assert value == pytest.approx(wan) and asked is confirm


@pytest.mark.parametrize("wan", [1, 3.5, 8, 35, 120, 200, 1500, 3000, 9999])
def test_amount_every_written_form_of_a_value_reads_the_same(wan: float) -> None:
    yuan = int(wan * 10000)
    forms = [
        f"{wan:g}",
        f"{wan:g}万",
        f"{wan:g}万元",
        f"{yuan}元",
        f"{yuan:,}元",
        cn2an.an2cn(str(yuan)),  # 三万五千
        cn2an.an2cn(str(yuan)) + "元",
        f"{wan:g}万元。",
        f"{wan:g} 万",
    ]
    for text in forms:
        assert reading("amount_wan", text) == (pytest.approx(wan), False), text


@pytest.mark.parametrize(("currency", "pattern"), FOREIGN_CURRENCIES)
def test_amount_in_a_foreign_currency_is_refused_not_stored(currency: str, pattern: str) -> None:
    written = pattern.split("|")[0].replace("\\", "")
    for text in (f"200万{written}", f"{written}200万"):
        with pytest.raises(FieldError) as caught:
            validate_field("amount_wan", text)
        assert not isinstance(caught.value, ConfirmationNeeded)
        assert "人民币" in caught.value.message and currency in caught.value.message


@pytest.mark.parametrize("text", ["$5000", "USD 200000", "200万美金", "HK$300万", "€50万", "200刀"])
def test_amount_with_currency_symbol_is_refused(text: str) -> None:
    with pytest.raises(FieldError, match="人民币"):
        validate_field("amount_wan", text)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("几百万", "具体金额"),
        ("很多", "数字"),
        ("-5", "大于0"),
        ("0元", "大于0"),
        ("20000000000", "不能超过100000万元"),
        ("20亿", "不能超过100000万元"),
    ],
)
def test_amount_without_a_usable_reading_is_refused(raw: str, message: str) -> None:
    with pytest.raises(FieldError) as caught:
        validate_field("amount_wan", raw)
    assert message in caught.value.message and "例如" in caught.value.message


TERMS = [
    ("2年6个月", 30, False),
    ("两年零六个月", 30, False),
    ("一年半", 18, False),
    ("1年半", 18, False),
    ("两年半", 30, False),
    ("1.5年", 18, False),
    ("半年", 6, False),
    ("3年", 36, False),
    ("三年期", 36, False),
    ("十八个月", 18, False),
    ("18个月。", 18, False),
    ("12", 12, False),
    ("３６", 36, False),
    ("一年", 12, False),
    ("90天", 3, True),
    ("12期", 12, True),
    ("1-3年", 36, True),
    ("6个月到1年", 12, True),
]


@pytest.mark.parametrize(("raw", "months", "confirm"), TERMS)
def test_term_reads_as_the_owner_meant(raw: str, months: int, confirm: bool) -> None:
    assert reading("term_months", raw) == (months, confirm)


@pytest.mark.parametrize("years", range(1, 11))
@pytest.mark.parametrize("extra", range(0, 12, 3))
def test_term_years_and_months_add_up_in_every_notation(years: int, extra: int) -> None:
    months = years * 12 + extra
    chinese_years = cn2an.an2cn(str(years)).replace("二", "两")
    tail = f"{extra}个月" if extra else ""
    spoken_tail = f"零{cn2an.an2cn(str(extra))}个月" if extra else ""
    for text in (
        f"{years}年{tail}",
        f"{chinese_years}年{spoken_tail}",
        f"{months}个月",
        str(months),
    ):
        assert reading("term_months", text) == (months, False), text


@pytest.mark.parametrize(
    ("raw", "message"),
    [("1个半月", "整数"), ("400", "1到360"), ("-3", "1到360"), ("看情况", "月数")],
)
def test_term_without_a_usable_reading_is_refused(raw: str, message: str) -> None:
    with pytest.raises(FieldError, match=message):
        validate_field("term_months", raw)


@pytest.mark.parametrize(
    ("field", "raw", "label"),
    [
        ("amount_wan", "1.5kw", "确认无误"),
        ("amount_wan", 0.5, "确认无误"),
        ("term_months", "90天", "确认无误"),
        ("credit_code", "91350400MA2Y12345R", "按执照填写，确认无误"),
    ],
)
def test_check_request_stores_a_reading_only_once_confirmed(
    field: str, raw: Any, label: str
) -> None:
    data = request_data(**{field: raw})
    refused = check_request(data)
    assert field in refused.errors and refused.confirmable == {field: label}
    assert field not in refused.clean
    accepted = check_request(data, confirmed=[field])
    assert not accepted.errors and accepted.clean[field] == reading(field, raw)[0]
    assert accepted.clean.get("credit_code_unverified", False) is (field == "credit_code")


def test_check_request_refuses_a_bare_amount_string_never_stores_its_digits() -> None:
    check = check_request(request_data(amount_wan="1.5kw"))
    assert check.clean.get("amount_wan") != 1.5 and "1500 万元" in check.errors["amount_wan"]
