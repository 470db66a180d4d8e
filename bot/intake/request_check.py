"""Checking a whole request at once (the web form and the API): values, errors, confirmations."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from bot.intake.errors import ConfirmationNeeded, FieldError
from bot.intake.fields import FIELDS
from bot.intake.validation import validate_field

_CHANNEL = re.compile(r"^[a-z][a-z0-9_-]{0,19}$")


def confirm_label(exc: ConfirmationNeeded) -> str:
    """What the submitter ticks to confirm a reading ("确认无误", "按执照填写，确认无误")."""
    return exc.yes_label if exc.yes_label != "是" else "确认无误"


@dataclass
class RequestCheck:
    """A whole request checked: clean values, per-field Chinese errors, and the errors the
    submitter can clear by confirming (field -> label of the confirmation, e.g. "确认无误")."""

    clean: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    confirmable: dict[str, str] = field(default_factory=dict)


def check_request(data: dict[str, Any], *, confirmed: Collection[str] = ()) -> RequestCheck:
    """Validate every field; readings to confirm are stored only for fields in `confirmed`."""
    check = RequestCheck()
    for item in FIELDS:
        raw = data.get(item.name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if item.optional:
                check.clean[item.name] = ""
            elif item.kind == "consent":
                check.errors[item.name] = "需要您同意授权后才能提交"
            else:
                check.errors[item.name] = f"请填写{item.label}，例如：{item.example}"
            continue
        try:
            check.clean[item.name] = validate_field(item.name, raw)
        except ConfirmationNeeded as exc:
            if item.name in confirmed:
                check.clean[item.name] = exc.value
                check.clean.update(exc.flags)
            else:
                check.errors[item.name] = exc.message
                check.confirmable[item.name] = (
                    exc.yes_label if exc.yes_label != "是" else "确认无误"
                )
        except FieldError as exc:
            check.errors[item.name] = exc.message
    channel = data.get("channel")
    if channel is not None:
        if isinstance(channel, str) and _CHANNEL.match(channel):
            check.clean["channel"] = channel
        else:
            check.errors["channel"] = "渠道名称无效"
    return check


def validate_request(
    data: dict[str, Any], *, confirmed: Collection[str] = ()
) -> tuple[dict[str, Any], dict[str, str]]:
    """Clean values of a whole request and per-field Chinese errors (empty when valid)."""
    check = check_request(data, confirmed=confirmed)
    return check.clean, check.errors
