"""Domain errors of the intake form; their messages are meant for users (Simplified Chinese)."""

from __future__ import annotations


class IntakeError(Exception):
    """Base class of intake-form errors."""


class FieldError(IntakeError):
    """An invalid answer to one form field, with a Chinese message that includes an example."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return self.message


class UnknownFieldError(IntakeError):
    """A field name that the form does not have."""

    def __init__(self, field: str) -> None:
        super().__init__(f"unknown field: {field!r}")
        self.field = field
