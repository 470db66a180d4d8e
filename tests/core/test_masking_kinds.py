"""Personal-data masking over the ways owners write numbers (issue 20 item 4): generated cases
for mobiles (separators, full-width, Chinese numerals, +86/0086) and credit codes (any case)."""

from __future__ import annotations

import logging
import random

import pytest

from admin.privacy import mask_personal_text
from bot.intake.credit_code import ALPHABET, check_character
from core.masking import MaskingFilter, mask_text

RNG = random.Random(20)
FULL = str.maketrans("0123456789", "０１２３４５６７８９")
CHINESE = str.maketrans("0123456789", "零一二三四五六七八九")
SEPARATORS = ["", " ", "-", "－", "—", "–", "‐", "−", ".", "　", "  ", "·"]
PREFIXES = ["", "86", "+86", "+86 ", "+86-", "0086", "0086 ", "0086-", "＋86", "００８６"]
CONTEXTS = ["{}", "电话{}", "我的手机是{}，请回电", "联系人张先生 {} 谢谢", "（{}）"]


def mobile() -> str:
    return "1" + RNG.choice("3456789") + "".join(RNG.choice("0123456789") for _ in range(9))


def spell(number: str, style: str) -> str:
    if style == "full":
        return number.translate(FULL)
    if style == "chinese":
        return number.translate(CHINESE)
    if style == "yao":
        return number.translate(CHINESE).replace("一", "幺")
    if style == "ling":
        return number.translate(CHINESE).replace("零", "〇")
    return number


def grouped(number: str, sep: str, every: bool) -> str:
    if every:
        return sep.join(number)
    return sep.join((number[:3], number[3:7], number[7:]))


def phone_cases(count: int) -> list[tuple[str, str]]:
    cases = []
    for _ in range(count):
        number = mobile()
        style = RNG.choice(["ascii", "full", "chinese", "yao", "ling"])
        sep = RNG.choice(SEPARATORS)
        written = grouped(spell(number, style), sep, every=RNG.random() < 0.2)
        prefix = RNG.choice(PREFIXES) if style in ("ascii", "full") else ""
        text = RNG.choice(CONTEXTS).format(prefix + written)
        cases.append((text, number))
    return cases


@pytest.mark.parametrize(("text", "number"), phone_cases(300))
def test_every_spelling_of_a_mobile_is_masked(text: str, number: str) -> None:
    for masked in (mask_text(text), mask_personal_text(text)):
        assert number[:3] + "****" + number[-4:] in masked
        for style in ("ascii", "full", "chinese", "yao", "ling"):
            middle = spell(number, style)[3:7]
            assert middle not in masked.replace(" ", "").replace("-", "")


def credit_code() -> str:
    first17 = (
        RNG.choice("9Y15")
        + RNG.choice("123")
        + "35"
        + "".join(RNG.choice("0123456789") for _ in range(4))
        + "".join(RNG.choice(ALPHABET) for _ in range(9))
    )
    return first17 + check_character(first17)


def code_cases(count: int) -> list[tuple[str, str]]:
    cases = []
    for _ in range(count):
        code = credit_code()
        style = RNG.choice(["upper", "lower", "mixed", "full", "full-lower"])
        written = {
            "upper": code,
            "lower": code.lower(),
            "mixed": "".join(c.lower() if RNG.random() < 0.5 else c for c in code),
            "full": "".join(chr(ord(c) + 0xFEE0) for c in code),
            "full-lower": "".join(chr(ord(c.lower()) + 0xFEE0) for c in code),
        }[style]
        context = RNG.choice(["{}", "统一社会信用代码：{}", "代码是{}，公司在三元区", "（{}）"])
        cases.append((context.format(written), code))
    return cases


@pytest.mark.parametrize(("text", "code"), code_cases(200))
def test_credit_codes_in_any_case_are_masked(text: str, code: str) -> None:
    for masked in (mask_text(text), mask_personal_text(text)):
        assert code[:2] + "*" * 12 + code[-4:] in masked
        assert code[2:14] not in masked.upper()


@pytest.mark.parametrize(
    "text",
    [
        "2024年12月5日提交，金额300万元，期限12个月",
        "《三明市提增民营小微企业融资服务质效若干措施》第6条",
        "characteristically and internationally",
        "参考编号 RZ-20261205-0001",
        "订单号 2024010112345678901",
        "一二三四五六七八九十",
        "session abcdefghijklmnopqr",
    ],
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert mask_text(text) == text


def test_log_records_are_masked_in_every_spelling(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("masking-kinds")
    logger.addFilter(MaskingFilter())
    with caplog.at_level(logging.INFO, logger="masking-kinds"):
        logger.info("owner typed %s and %s", "139－1234－5678", "91350400ma2yb1234x")
        logger.info("电话 一三九一二三四五六七八 ok")
    assert "1234" not in caplog.text.replace("1234x", "")
    assert "139****5678" in caplog.text and "一二三四" not in caplog.text
    assert "91************234X" in caplog.text
