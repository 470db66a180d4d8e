"""Domain errors of the intake form; their messages are meant for users (Simplified Chinese)."""

from __future__ import annotations

from typing import Any


class IntakeError(Exception):
    """Base class of intake-form errors."""


class FieldError(IntakeError):
    """An invalid answer to one form field, with a Chinese message that includes an example.

    `code` says what is wrong for machines (the intake API's error `type`): "invalid" unless
    a subclass or the raiser says more ("choice_unknown", "consent_required", …)."""

    code = "invalid"

    def __init__(self, field: str, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class NotAnAnswer(FieldError):
    """A question typed at a form step ("为什么要手机号"): never stored as the answer."""

    code = "not_an_answer"


class SkippedRequired(FieldError):
    """A required step skipped in words ("没有 跳过", "不知道", "还没办"): never stored; the
    message says the step is required and what it needs (bot.intake.skips). Its `code` is
    the step's own for an answer that is not one (the API's error types stay as documented)."""


class UnclearChoice(FieldError):
    """Free text that may mean several options ("做茶叶的": 农林牧渔, 制造业 or 商贸流通):
    the owner picks one of `candidates`; nothing is stored meanwhile."""

    code = "choice_unclear"

    def __init__(self, field: str, message: str, *, candidates: tuple[str, ...]) -> None:
        super().__init__(field, message)
        self.candidates = candidates


class UnknownFieldError(IntakeError):
    """A field name that the form does not have."""

    def __init__(self, field: str) -> None:
        super().__init__(f"unknown field: {field!r}")
        self.field = field


class ReadingError(IntakeError):
    """An answer that could not be read as the quantity asked for (Chinese message)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfirmationNeeded(FieldError):
    """A readable answer to confirm before storing: a guessed reading, an unusual amount, or a
    credit code failing its check character.

    `value` is what is stored once the owner confirms, with `flags` (extra request data, e.g.
    {"credit_code_unverified": True}); `question` asks for the confirmation; the labels name
    the yes and no buttons. `other_label` / `other_answer` offer a second plausible reading
    (an answer that validates to it without asking, e.g. "2万" for "20000"); empty when there
    is none. As a FieldError its message explains the problem to callers that cannot ask back.
    """

    def __init__(
        self,
        field: str,
        message: str,
        *,
        value: Any,
        question: str,
        yes_label: str = "是",
        no_label: str = "否",
        flags: dict[str, Any] | None = None,
        other_label: str = "",
        other_answer: str = "",
    ) -> None:
        super().__init__(field, message, code="confirmation_needed")
        self.other_label = other_label
        self.other_answer = other_answer
        self.value = value
        self.question = question
        self.yes_label = yes_label
        self.no_label = no_label
        self.flags = dict(flags or {})
