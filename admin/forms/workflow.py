"""The forms of the request workflow (status, bank push, bank outcome with the loan details) and
of a handoff (a staff reply, the close)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Form

from admin.forms.parsing import FormText, parse_date, parse_float
from admin.loan_details import LoanDetails


@dataclass(frozen=True)
class StatusForm:
    """The status form: the target, the status the officer saw, a note, the loan details."""

    target: str
    from_status: str
    note: str
    details: LoanDetails


@dataclass(frozen=True)
class PushForm:
    """The push form: the ids of the banks chosen (as posted) and a note."""

    banks: list[str]
    note: str


@dataclass(frozen=True)
class OutcomeForm:
    """A bank's outcome: the bank's id (chosen by the office; an officer's own otherwise)."""

    bank: str
    outcome: str
    note: str
    details: LoanDetails


async def loan_details(
    amount_wan: FormText = "",
    granted_date: FormText = "",
    granted_product: FormText = "",
    decline_reason: FormText = "",
    decline_category: FormText = "",
) -> LoanDetails:
    """The loan fields of the status and outcome forms (a bad number or date: None)."""
    return LoanDetails(
        amount_wan=parse_float(amount_wan),
        granted_date=parse_date(granted_date),
        product=granted_product,
        reason=decline_reason,
        category=decline_category,
    )


Details = Annotated[LoanDetails, Depends(loan_details)]


async def status_form(
    details: Details, target: FormText = "", from_status: FormText = "", note: FormText = ""
) -> StatusForm:
    """Fields `target`, `from_status`, `note` and the loan fields."""
    return StatusForm(target=target, from_status=from_status, note=note, details=details)


async def push_form(
    banks: Annotated[list[str] | None, Form()] = None, note: FormText = ""
) -> PushForm:
    """Fields `banks` (repeated: ids of listed banks) and `note`."""
    return PushForm(banks=list(banks or []), note=note)


async def outcome_form(
    details: Details, bank: FormText = "", outcome: FormText = "", note: FormText = ""
) -> OutcomeForm:
    """Fields `bank` (a listed bank's id), `outcome` (granted / declined), `note` and the loan
    fields."""
    return OutcomeForm(bank=bank, outcome=outcome, note=note, details=details)


async def reply_text(text: FormText = "") -> str:
    """The `text` field of a staff reply (checked by bot.handoff.delivery)."""
    return text


async def seen_message(seen: FormText = "") -> int | None:
    """The `seen` field of a handoff close: the id of the last message on the officer's screen
    (None when the form did not send one)."""
    seen = seen.strip()
    return int(seen) if seen.isdigit() else None
