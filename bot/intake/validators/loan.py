"""Validators of the loan asked for: amount in 万元 and term in months. A guessed or unusual
reading is raised as ConfirmationNeeded with the question to ask back."""

from __future__ import annotations

import math
import re
from typing import Any

from bot.intake.amounts import MAX_AMOUNT_WAN, AmountReading, describe_wan, read_amount
from bot.intake.choices import answer_text
from bot.intake.errors import ConfirmationNeeded, ReadingError
from bot.intake.fields import Field
from bot.intake.terms import MAX_TERM_MONTHS, describe_months, read_term
from bot.intake.validators.common import example_error


def validate_amount(field: Field, raw: Any) -> float:
    """The amount in 万元 (above 0, at most MAX_AMOUNT_WAN); an ambiguous or guessed reading is
    asked back."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if math.isnan(raw) or math.isinf(raw):
            raise example_error(field, "请输入融资金额的数字（单位：万元）")
        reading = AmountReading(round(float(raw), 4), guessed=False)
    else:
        try:
            reading = read_amount(answer_text(raw))
        except ReadingError as exc:
            raise example_error(field, exc.message) from None
    if reading.wan <= 0:
        raise example_error(field, "融资金额必须大于0")
    if reading.wan > MAX_AMOUNT_WAN:
        raise example_error(field, "融资金额不能超过100000万元（即10亿元），请以“万元”为单位填写")
    if reading.other is not None:  # "20000": 2 亿元, or 2 万元 written in yuan?
        main, other = describe_wan(reading.wan), describe_wan(reading.other)
        question = f"您填写的金额是 {main}，还是 {other}？请选择："
        raise ConfirmationNeeded(
            field.name,
            f"请核对金额：是 {main}，还是 {other}？如是 {other}，请改填“{reading.other:g}万”；"
            f"如是 {main}，请勾选确认后再提交",
            value=reading.wan,
            question=question,
            yes_label=f"是 {reading.wan:g} 万元",
            no_label="都不对，重新填写",
            other_label=f"是 {reading.other:g} 万元",
            other_answer=f"{reading.other:g}万",
        )
    if reading.needs_confirmation:
        question = f"您填写的是 {describe_wan(reading.wan)}，对吗？"
        raise ConfirmationNeeded(
            field.name,
            f"请核对金额：{question}确认无误后再提交",
            value=reading.wan,
            question=question,
            no_label="不对，重新填写",
        )
    return reading.wan


def validate_term(field: Field, raw: Any) -> int:
    """The term in whole months (1 to MAX_TERM_MONTHS); a guessed reading is asked back."""
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        months, guessed = float(raw), False
    else:
        text = answer_text(raw)
        if re.match(r"\s*(-|负)", text):
            raise example_error(field, "贷款期限应在1到360个月之间")
        try:
            reading = read_term(text)
        except ReadingError as exc:
            raise example_error(field, exc.message) from None
        months, guessed = reading.months, reading.guessed
        if guessed and months >= 1:
            months = float(round(months))  # "100天" is about 3 months: asked back below
    if math.isnan(months) or months != int(months):
        raise example_error(field, "贷款期限请填写整数个月")
    if not 1 <= months <= MAX_TERM_MONTHS:
        raise example_error(field, "贷款期限应在1到360个月之间")
    if guessed:
        question = f"您填写的期限是 {describe_months(int(months))}，对吗？"
        raise ConfirmationNeeded(
            field.name,
            f"请核对期限：{question}确认无误后再提交",
            value=int(months),
            question=question,
            no_label="不对，重新填写",
        )
    return int(months)
