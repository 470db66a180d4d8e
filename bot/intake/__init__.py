"""The financing-request form: fields, validation and the credit-code check."""

from bot.intake.errors import (
    ConfirmationNeeded,
    FieldError,
    IntakeError,
    NotAnAnswer,
    UnknownFieldError,
)
from bot.intake.fields import FIELD_BY_NAME, FIELDS, FORM_FIELDS, Field, display_value
from bot.intake.request_check import RequestCheck, check_request, validate_request
from bot.intake.validation import validate_field

__all__ = [
    "FIELD_BY_NAME",
    "FIELDS",
    "FORM_FIELDS",
    "ConfirmationNeeded",
    "Field",
    "FieldError",
    "IntakeError",
    "NotAnAnswer",
    "RequestCheck",
    "UnknownFieldError",
    "check_request",
    "display_value",
    "validate_field",
    "validate_request",
]
