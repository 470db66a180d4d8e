"""Form buttons that carry what they answer: the form, the field, and the answer or verdict.

A button's value is sent back as text when pressed (on Telegram as callback data, on WeChat
through the numbered options, in the widget as the chat text), so the value itself says which
form and field it belongs to:

    f:<form tag>:<field>:<answer>   an answer to that field ("f:3fa2b1c0:county:三元区")
    c:<form tag>:<field>:1|0        yes / no to the reading awaiting confirmation

The form tag is the first 8 hex digits of the form's id, so a press from an earlier form,
or one arriving after the form was submitted or cancelled, is recognised as stale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.messages import Button

ANSWER, CONFIRM = "f", "c"
EXPIRED = "这个按钮已过期。"
_PRESS = re.compile(r"^(?P<kind>[fc]):(?P<tag>[0-9a-f]{8}):(?P<field>[a-z_]{1,32}):(?P<answer>.*)$")


@dataclass(frozen=True)
class Press:
    """A pressed form button: kind (ANSWER or CONFIRM), form tag, field name and answer."""

    kind: str
    tag: str
    field: str
    answer: str

    @property
    def confirmed(self) -> bool:
        """For CONFIRM presses: True for yes."""
        return self.answer == "1"


def form_tag(form: dict[str, Any]) -> str:
    """The short tag of a form that its buttons carry."""
    return str(form["id"])[:8]


def answer_button(
    form: dict[str, Any], field: str, label: str, answer: str | None = None
) -> Button:
    """A button answering `field` of this form with `answer` (default: the label)."""
    return Button(label, f"{ANSWER}:{form_tag(form)}:{field}:{label if answer is None else answer}")


def confirm_buttons(form: dict[str, Any], field: str, yes: str, no: str) -> list[Button]:
    """Yes / no buttons for the reading of `field` awaiting confirmation."""
    tag = form_tag(form)
    return [Button(yes, f"{CONFIRM}:{tag}:{field}:1"), Button(no, f"{CONFIRM}:{tag}:{field}:0")]


def parse_press(text: str) -> Press | None:
    """The form button a message is the value of, or None for anything else."""
    match = _PRESS.match(text.strip())
    if match is None:
        return None
    return Press(match["kind"], match["tag"], match["field"], match["answer"])


def belongs_to(press: Press, form: dict[str, Any] | None) -> bool:
    """True when the press comes from this (open) form's buttons."""
    return bool(form) and press.tag == form_tag(form or {})
