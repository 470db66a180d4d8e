"""FieldError helpers shared by the validators: every message ends with the field's example."""

from __future__ import annotations

from bot.intake.errors import FieldError
from bot.intake.fields import Field


def example_error(field: Field, problem: str) -> FieldError:
    """A FieldError whose message ends with the field's example."""
    return FieldError(field.name, f"{problem}，例如：{field.example}")


def placeholder_error(field: Field) -> FieldError:
    """The answer was a sticker, an emoji or a chat app's placeholder text."""
    return example_error(
        field, f"收到的是表情、图片或暂不支持的消息，不是{field.label}，请用文字输入"
    )
