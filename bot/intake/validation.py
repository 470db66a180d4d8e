"""Normalisation and validation of form answers; every error is Chinese and carries an example.

An answer is stored as read, refused with a FieldError, or (a guessed reading, an unusual
amount, a credit code failing its check character) raised as ConfirmationNeeded, to be stored
only once the owner confirms it. `validate_field` refuses what is not an answer at all (a
placeholder, a question, small talk), then hands the answer to its kind's validator
(bot/intake/validators/).
"""

from __future__ import annotations

from typing import Any

from bot.intake.choices import parse_yes_no
from bot.intake.cleaning import is_placeholder_only
from bot.intake.errors import ConfirmationNeeded, NotAnAnswer, SkippedRequired, UnknownFieldError
from bot.intake.fields import FIELD_BY_NAME, Field
from bot.intake.questions import reads_as_question, reads_as_small_talk
from bot.intake.skips import reads_as_skip, says_none, skip_message
from bot.intake.validators.common import placeholder_error
from bot.intake.validators.identity import (
    validate_credit_code,
    validate_person,
    validate_phone,
    validate_text,
)
from bot.intake.validators.loan import validate_amount, validate_term
from bot.intake.validators.replies import (
    validate_choice,
    validate_consent,
    validate_note,
    validate_yes_no,
)
from retrieval.normalize import to_simplified

FREE_TEXT_KINDS = frozenset({"text", "person", "note"})  # any words could be stored there
# Kept as typed: the note, and a person's name (於 is a surname of its own, not 于); the person
# validator reads a traditional-script name as simplified only when that reads as a name.
AS_TYPED = frozenset({"note", "person"})
UNSURE = "不确定"  # the option of a choice step for "no preference" (意向产品)
CREDIT = "信用"  # the guarantee when there is none to give
CREDIT_YES = "是，按信用登记"
_VALIDATORS = {
    "text": validate_text,
    "person": validate_person,
    "credit_code": validate_credit_code,
    "phone": validate_phone,
    "amount": validate_amount,
    "term": validate_term,
    "choice": validate_choice,
    "yes_no": validate_yes_no,
    "note": validate_note,
    "consent": validate_consent,
}


def validate_field(name: str, raw: Any) -> Any:
    """The normalised value of one answer.

    Raises FieldError (Chinese message with an example), its subclasses ConfirmationNeeded for
    readings to confirm first and NotAnAnswer for a question typed instead of an answer, or
    UnknownFieldError for a name the form does not have.
    """
    field = FIELD_BY_NAME.get(name)
    if field is None:
        raise UnknownFieldError(name)
    if isinstance(raw, str) and is_placeholder_only(raw):
        raise placeholder_error(field)
    if isinstance(raw, str):
        plain = to_simplified(raw)  # 林權抵押, 沒有, 張三: read as simplified
        if reads_as_skip(plain):
            return _skipped(field, plain)
        if field.kind not in AS_TYPED:
            raw = plain
    if isinstance(raw, str) and reads_as_question(field, raw):
        problem = f"收到的像是一个问题，不是{field.label}。{field.why}"
        raise NotAnAnswer(field.name, f"{problem}例如：{field.example}")
    if isinstance(raw, str) and field.kind in FREE_TEXT_KINDS and reads_as_small_talk(field, raw):
        problem = f"收到的像是客套话（如“谢谢”“好的”），不是{field.label}。"
        raise NotAnAnswer(field.name, f"{problem}例如：{field.example}")
    return _VALIDATORS[field.kind](field, raw)


def _skipped(field: Field, text: str) -> Any:
    """An answer skipping `field` or saying there is none (bot.intake.skips): the optional
    note is empty, 意向产品 is 不确定, a "没有" keeps a yes/no step's reading (never "嗯，待定"),
    "没有" at the guarantee is asked back as 信用; any other step is required (SkippedRequired)."""
    if field.kind == "note":
        return ""
    if field.kind == "yes_no" and says_none(text) and parse_yes_no(text) is not None:
        return _VALIDATORS[field.kind](field, text)
    if UNSURE in field.choices:
        return UNSURE
    if CREDIT in field.choices and says_none(text):
        question = "没有抵押物、也没有担保人的，担保方式按“信用”（信用贷款）登记，对吗？"
        raise ConfirmationNeeded(
            field.name,
            f"{question}确认后再提交",
            value=CREDIT,
            question=question,
            yes_label=CREDIT_YES,
            no_label="重新选择",
        )
    code = "company_name_not_a_name" if field.kind == "text" else None  # web/schemas.py
    raise SkippedRequired(field.name, skip_message(field, text), code=code)
