"""Validators of the other replies: a choice among the field's options, yes/no, the free note
and the consent."""

from __future__ import annotations

from typing import Any

from bot.intake.choices import (
    EMPTY_NOTE_WORDS,
    ChoiceReading,
    answer_text,
    bare_words,
    parse_yes_no,
    read_choice,
    yes_no_reading,
)
from bot.intake.collateral import OTHER, asset_option, other_collateral
from bot.intake.errors import FieldError, UnclearChoice
from bot.intake.fields import Field
from bot.intake.questions import says_nothing_more
from bot.intake.validators.common import example_error

MAX_NOTE = 1000


def validate_choice(field: Field, raw: Any) -> str:
    """One of the field's choices (words or its number); two candidates named are asked back."""
    reading = read_choice(raw, field.choices)
    if field.name == "guarantee":  # the asset decides: 林权质押 is 林权抵押, 股权质押 其他
        text = answer_text(raw)
        option = OTHER if other_collateral(text) else asset_option(text)
        if option in field.choices:
            reading = ChoiceReading(option, (option,))
    choice = reading.choice
    if choice is None and len(reading.candidates) >= 2:  # "买设备也周转": which one is meant?
        *first, last = (f"“{c}”" for c in reading.candidates)
        named = f"{'、'.join(first)}还是{last}"
        raise UnclearChoice(
            field.name, f"您说的可能是{named}，请选择一项。", candidates=reading.candidates
        )
    if choice is None:
        options = "、".join(field.choices)
        raise FieldError(
            field.name,
            f"请从以下选项中选择：{options}（可回复序号，例如：1）",
            code="choice_unknown",
        )
    return choice


def validate_yes_no(field: Field, raw: Any) -> bool:
    """是 or 否 (also 有 / 没有 and the like)."""
    value = parse_yes_no(raw)
    if value is None:
        raise example_error(field, "请回答“是”或“否”（也可回复“有”或“没有”）")
    return value


def validate_note(field: Field, raw: Any) -> str:
    """The free note as typed (at most MAX_NOTE characters); "nothing more" stores empty."""
    if bare_words(raw) in EMPTY_NOTE_WORDS or (isinstance(raw, str) and says_nothing_more(raw)):
        return ""
    # Kept as typed: full-width punctuation (，。：“”) and digits are the owner's own text.
    text = "" if isinstance(raw, bool) or raw is None else str(raw).strip()
    if len(text) > MAX_NOTE:
        raise example_error(field, f"补充说明不能超过1000字（您输入了{len(text)}字），请精简后再发")
    return text


def validate_consent(field: Field, raw: Any) -> bool:
    """True when the owner agrees, with no more words; anything else is refused."""
    if yes_no_reading(raw) == (True, ""):
        return True
    raise example_error(field, "需要您同意授权后才能提交")
