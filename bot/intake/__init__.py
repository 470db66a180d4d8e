"""The financing-request form: fields, validation and the credit-code check."""

from bot.intake.errors import FieldError, IntakeError, UnknownFieldError
from bot.intake.fields import FIELD_BY_NAME, FIELDS, FORM_FIELDS, Field, display_value
from bot.intake.validation import validate_field, validate_request

__all__ = [
    "FIELD_BY_NAME",
    "FIELDS",
    "FORM_FIELDS",
    "Field",
    "FieldError",
    "IntakeError",
    "UnknownFieldError",
    "display_value",
    "validate_field",
    "validate_request",
]
