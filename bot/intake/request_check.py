"""Checking a whole request at once (the web form and the API): values, errors, confirmations."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from bot.intake.counties import county_in_name
from bot.intake.errors import ConfirmationNeeded, FieldError, UnclearChoice
from bot.intake.fields import FIELDS, Field
from bot.intake.validation import validate_field

_CHANNEL = re.compile(r"^[a-z][a-z0-9_-]{0,19}$")


def confirm_label(exc: ConfirmationNeeded) -> str:
    """What the submitter ticks to confirm a reading ("确认无误", "按执照填写，确认无误")."""
    return exc.yes_label if exc.yes_label != "是" else "确认无误"


@dataclass
class RequestCheck:
    """A whole request checked: clean values, per-field Chinese errors, and the errors the
    submitter can clear by confirming (field -> label of the confirmation, e.g. "确认无误").

    `codes` says what is wrong with each field for machines (the API's error `type`:
    missing, consent_required, choice_unknown, choice_unclear, confirmation_needed,
    not_an_answer, or `<kind>_invalid` such as phone_invalid); `context` gives the values a
    machine needs to correct it (the choices, the candidates, the confirmation's label)."""

    clean: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    confirmable: dict[str, str] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)
    context: dict[str, dict[str, Any]] = field(default_factory=dict)

    def refuse(self, name: str, message: str, code: str, **context: Any) -> None:
        """Note one field's error, its code and context."""
        self.errors[name] = message
        self.codes[name] = code
        if context:
            self.context[name] = context


def _api_error(item: Field, exc: FieldError) -> tuple[str, str, dict[str, Any]]:
    """A field's error as the API states it: message, code and context. The chat's wording
    ("可回复序号", "也可回复“有”") is for a person replying in a chat, not for a client."""
    code = exc.code if exc.code != "invalid" else f"{item.kind}_invalid"
    if isinstance(exc, UnclearChoice):
        return exc.message, code, {"candidates": list(exc.candidates)}
    if code == "choice_unknown":
        options = "、".join(item.choices)
        message = f"{item.label}须为以下之一：{options}"
        return message, code, {"choices": list(item.choices)}
    if item.kind == "consent":
        return CONSENT_REQUIRED, "consent_required", {}
    if item.kind == "yes_no":
        return f"{item.label}须为 true 或 false（也可为“是”或“否”）", code, {}
    return exc.message, code, {}


CONSENT_REQUIRED = "须同意授权后才能提交（consent 为 true）"


def _county_of_name(check: RequestCheck, confirmed: Collection[str]) -> bool:
    """The county left empty, the company name naming one ("沙县鑫源竹业有限公司"): stored when
    the submitter confirmed `county`, else refused as a reading to confirm (type
    confirmation_needed, the county in ctx `value`), as the chat form asks it back. False
    when the (valid) name names no county: the county is simply missing."""
    name = check.clean.get("company_name")
    county = county_in_name(name) if isinstance(name, str) else None
    if county is None:
        return False
    if "county" in confirmed:
        check.clean["county"] = county
        return True
    label = f"按企业名称登记为{county}"
    message = (
        f"未填写所在县（市、区）。企业名称“{name}”表明企业在{county}："
        f"请确认按{county}登记，或选择实际所在的县（市、区）"
    )
    check.refuse("county", message, "confirmation_needed", confirm_label=label, value=county)
    check.confirmable["county"] = label
    return True


def check_request(data: dict[str, Any], *, confirmed: Collection[str] = ()) -> RequestCheck:
    """Validate every field; readings to confirm are stored only for fields in `confirmed`."""
    check = RequestCheck()
    for item in FIELDS:
        raw = data.get(item.name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if item.optional:
                check.clean[item.name] = ""
            elif item.kind == "consent":
                check.refuse(item.name, CONSENT_REQUIRED, "consent_required")
            elif item.name == "county" and _county_of_name(check, confirmed):
                pass
            else:
                message = f"缺少{item.label}（{item.name}），例如：{item.example}"
                check.refuse(item.name, message, "missing")
            continue
        try:
            check.clean[item.name] = validate_field(item.name, raw)
        except ConfirmationNeeded as exc:
            if item.name in confirmed:
                check.clean[item.name] = exc.value
                check.clean.update(exc.flags)
            else:
                label = confirm_label(exc)
                check.refuse(item.name, exc.message, exc.code, confirm_label=label)
                check.confirmable[item.name] = label
        except FieldError as exc:
            message, code, context = _api_error(item, exc)
            check.refuse(item.name, message, code, **context)
    channel = data.get("channel")
    if channel is not None:
        if isinstance(channel, str) and _CHANNEL.match(channel):
            check.clean["channel"] = channel
        else:
            message = "渠道名称无效：须为小写字母开头的 1 到 20 个字母、数字、-、_"
            check.refuse("channel", message, "channel_invalid")
    return check


def validate_request(
    data: dict[str, Any], *, confirmed: Collection[str] = ()
) -> tuple[dict[str, Any], dict[str, str]]:
    """Clean values of a whole request and per-field Chinese errors (empty when valid)."""
    check = check_request(data, confirmed=confirmed)
    return check.clean, check.errors
