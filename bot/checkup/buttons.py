"""Self-check buttons that carry what they answer: the check, the step and the answer.

    k:<check tag>:<step>:<answer>   an answer to that step ("k:3fa2b1c0:pledge:林权")

The tag is the first 8 hex digits of the check's id, so a press from an earlier check is
recognised as stale (like the form's buttons, bot/conversation/form/buttons.py). Fixed values:
`APPLY_WITH_PROFILE` starts the financing form pre-filled from the last result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.conversation.commands import APPLY_WITH_PROFILE
from bot.messages import Button

__all__ = ["APPLY_WITH_PROFILE", "CHECK_AGAIN", "CheckPress", "parse_check_press", "step_button"]

CHECK_AGAIN = "重新体检"
_PRESS = re.compile(r"^k:(?P<tag>[0-9a-f]{8}):(?P<step>[a-z_]{1,32}):(?P<answer>.*)$")


@dataclass(frozen=True)
class CheckPress:
    """A pressed self-check button."""

    tag: str
    step: str
    answer: str


def check_tag(check: dict[str, Any]) -> str:
    """The short tag of a check that its buttons carry."""
    return str(check["id"])[:8]


def step_button(check: dict[str, Any], step: str, label: str, answer: str) -> Button:
    """A button answering `step` of this check with `answer`."""
    return Button(label, f"k:{check_tag(check)}:{step}:{answer}")


def parse_check_press(text: str) -> CheckPress | None:
    """The self-check button a message is the value of, or None."""
    match = _PRESS.match(text.strip())
    return CheckPress(match["tag"], match["step"], match["answer"]) if match else None
