"""Normalisation and validation of form answers; every error is Chinese and carries an example.

An answer is stored as read, refused with a FieldError, or (a guessed reading, an unusual
amount, a credit code failing its check character) raised as ConfirmationNeeded, to be stored
only once the owner confirms it. `validate_field` refuses what is not an answer at all (a
placeholder, a question, small talk), then hands the answer to its kind's validator
(bot/intake/validators/).
"""

from __future__ import annotations

from typing import Any

from bot.intake.cleaning import is_placeholder_only
from bot.intake.errors import NotAnAnswer, UnknownFieldError
from bot.intake.fields import FIELD_BY_NAME
from bot.intake.questions import reads_as_question, reads_as_small_talk
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

FREE_TEXT_KINDS = frozenset({"text", "person", "note"})  # any words could be stored there
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
    if isinstance(raw, str) and reads_as_question(field, raw):
        problem = f"收到的像是一个问题，不是{field.label}。{field.why}"
        raise NotAnAnswer(field.name, f"{problem}例如：{field.example}")
    if isinstance(raw, str) and field.kind in FREE_TEXT_KINDS and reads_as_small_talk(field, raw):
        problem = f"收到的像是客套话（如“谢谢”“好的”），不是{field.label}。"
        raise NotAnAnswer(field.name, f"{problem}例如：{field.example}")
    return _VALIDATORS[field.kind](field, raw)
