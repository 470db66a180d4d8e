"""The amount step of the self-check (政策体检): one reader for the chat, POST /api/check and
the /check page.

`read_check_amount(raw)` takes what the owner typed (or a JSON number) and returns 万元 in
(0, MAX_AMOUNT_WAN]. It raises `NotRead` with a Chinese message: text that is not an amount
(the intake reader's `NOT_AN_AMOUNT`: "<script>alert(1)</script>", "第3条"), an amount outside
the range (`AMOUNT_RANGE`, naming it), or a reading the owner should confirm with a unit
("300000" may be yuan). Typed text is read like the financing form reads it
(`bot.intake.validate_field`: Chinese numerals via cn2an, 200万, 1.5kw, stickers refused).
"""

from __future__ import annotations

import math
import re
from typing import Any

from bot.intake import ConfirmationNeeded, FieldError, validate_field
from bot.intake.amounts import read_amount as read_intake_amount
from bot.intake.errors import ReadingError
from bot.intake.numbers import half_width
from core.profile import MAX_AMOUNT_WAN


class NotRead(ValueError):
    """A typed answer the step cannot read (message in Chinese for the owner)."""


AMOUNT_RANGE = (
    f"计划融资金额应大于0、不超过{MAX_AMOUNT_WAN:g}万元（即10亿元），"
    "请以万元为单位重新填写，例如：300"
)
NOT_A_NUMBER = "计划融资金额请填写数字（单位：万元），例如：300"
_NEGATIVE = re.compile(r"^\s*(-|负)")
_BARE_DIGITS = re.compile(r"^\s*\d+(\.\d+)?\s*$")


def _in_range(wan: float) -> float:
    if math.isnan(wan) or not 0 < wan <= MAX_AMOUNT_WAN:
        raise NotRead(AMOUNT_RANGE)
    return wan


def read_check_amount(raw: Any) -> float:
    """The amount in 万元 of a typed answer or a number; raises NotRead (see the module)."""
    if isinstance(raw, bool) or raw is None:
        raise NotRead(NOT_A_NUMBER)
    if isinstance(raw, int | float):
        return _in_range(float(raw))
    text = half_width(str(raw))
    if _NEGATIVE.match(text):
        raise NotRead(AMOUNT_RANGE)
    if _BARE_DIGITS.match(text) and float(text) > MAX_AMOUNT_WAN:
        raise NotRead(AMOUNT_RANGE + "；如果填的是元，请带上单位，例如“300000元”")
    try:
        reading = read_intake_amount(text)
    except ReadingError:
        reading = None  # validate_field says why, in the form's words
    if reading is not None:
        _in_range(reading.wan)
    try:
        value = validate_field("amount_wan", text)
    except ConfirmationNeeded as exc:
        raise NotRead(f"{exc.question}请带上单位再回复一次，例如“{exc.value:g}万”。") from None
    except FieldError as exc:
        raise NotRead(exc.message) from None
    return _in_range(float(value))
