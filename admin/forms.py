"""Lenient parsing of query strings and forms (bad values are ignored or reported), and the
back office's form dependencies (their `Annotated` aliases are in `admin/deps.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Depends, Form, Request
from starlette.datastructures import ImmutableMultiDict, QueryParams

from admin.loan_details import LoanDetails
from storage.admin_queries import PER_PAGE_CHOICES, SORT_COLUMNS, RequestFilter, whitelist_filter
from storage.audit import ACTION_LABELS, AuditFilter
from storage.deadlines import DEFAULT_RESPONSE_DAYS, overdue_cutoff
from storage.statuses import STATUS_LABELS


def parse_float(value: str | None) -> float | None:
    """A number, or None when empty or not a number."""
    try:
        number = float((value or "").replace(",", "").strip())
    except ValueError:
        return None
    return number if number == number and abs(number) < 1e12 else None


def parse_date(value: str | None) -> date | None:
    """An ISO date (YYYY-MM-DD), or None."""
    try:
        return date.fromisoformat((value or "").strip())
    except ValueError:
        return None


def parse_int(value: str | None, default: int) -> int:
    """An integer, or the default."""
    try:
        return int((value or "").strip())
    except ValueError:
        return default


def parse_request_filter(
    params: QueryParams | ImmutableMultiDict[str, str],
    *,
    response_days: int = DEFAULT_RESPONSE_DAYS,
) -> RequestFilter:
    """The request-queue filter from a query string; unknown values are dropped.

    `response_days` (BANK_RESPONSE_DAYS) sets the cutoff of the `overdue=yes` filter.
    """
    statuses = [s for s in params.getlist("status") if s in STATUS_LABELS]
    sort = params.get("sort", "created")
    per_page = parse_int(params.get("per_page"), PER_PAGE_CHOICES[0])
    return RequestFilter(
        status=statuses,
        county=params.get("county", "").strip()[:20],
        industry=params.get("industry", "").strip()[:20],
        product=params.get("product", "").strip()[:20],
        channel=params.get("channel", "").strip()[:20],
        amount_min=parse_float(params.get("amount_min")),
        amount_max=parse_float(params.get("amount_max")),
        date_from=parse_date(params.get("date_from")),
        date_to=parse_date(params.get("date_to")),
        whitelist=whitelist_filter(params.get("whitelist")),
        q=params.get("q", "").strip()[:100],
        sort=sort if sort in SORT_COLUMNS else "created",
        order="asc" if params.get("order") == "asc" else "desc",
        page=max(1, parse_int(params.get("page"), 1)),
        per_page=per_page if per_page in PER_PAGE_CHOICES else PER_PAGE_CHOICES[0],
        overdue="yes" if params.get("overdue") == "yes" else "",
        overdue_before=overdue_cutoff(response_days),
    )


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


@dataclass(frozen=True)
class UserForm:
    """The accounts form: one action on one account."""

    action: str
    username: str
    role: str
    password: str
    bank: str


@dataclass(frozen=True)
class BankForm:
    """The bank-list form: one action (add, rename, disable, enable, merge, alias) on a bank or
    an alias; ids as posted (checked by storage.banks)."""

    action: str
    bank_id: str
    name: str
    distinct: bool
    into_id: str
    alias_id: str
    target: str  # alias: a bank id, or "new" to list the alias as a bank of its own


@dataclass(frozen=True)
class WhitelistForm:
    """An enterprise to add to the whitelist."""

    credit_code: str
    company_name: str
    note: str


@dataclass(frozen=True)
class GoldenForm:
    """A regression question: expected measure numbers, or out of scope; `error` when invalid."""

    question: str
    articles: list[int]
    out_of_scope: bool
    error: str = ""


FormText = Annotated[str, Form()]


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


async def user_form(
    action: FormText = "",
    username: FormText = "",
    role: FormText = "",
    password: FormText = "",
    bank: FormText = "",
) -> UserForm:
    """Fields `action` (add, bank, passwd, disable, enable, end_sessions) and the account's
    fields (`bank`: the id of a listed bank, for bank officers)."""
    return UserForm(action, username.strip(), role, password, bank)


async def bank_form(
    action: FormText = "",
    bank_id: FormText = "",
    name: FormText = "",
    distinct: FormText = "",
    into_id: FormText = "",
    alias_id: FormText = "",
    target: FormText = "",
) -> BankForm:
    """Fields `action`, `bank_id`, `name`, `distinct` ("1": a similar name is another bank),
    `into_id` (merge), `alias_id` and `target` (alias corrections)."""
    return BankForm(action, bank_id, name, distinct == "1", into_id, alias_id, target)


async def whitelist_form(
    credit_code: FormText = "", company_name: FormText = "", note: FormText = ""
) -> WhitelistForm:
    """Fields `credit_code`, `company_name`, `note` (checked by storage.whitelist)."""
    return WhitelistForm(credit_code, company_name, note)


async def reply_text(text: FormText = "") -> str:
    """The `text` field of a staff reply (checked by bot.handoff.delivery)."""
    return text


async def seen_message(seen: FormText = "") -> int | None:
    """The `seen` field of a handoff close: the id of the last message on the officer's screen
    (None when the form did not send one)."""
    seen = seen.strip()
    return int(seen) if seen.isdigit() else None


GOLDEN_ERROR = "请填写问题（300 字以内），并填写应命中的条款号（0-16）或勾选“范围外”"


async def golden_form(
    question: FormText = "", articles: FormText = "", out_of_scope: FormText = ""
) -> GoldenForm:
    """Fields `question`, `articles` (numbers 0-16 in any notation), `out_of_scope` ("1")."""
    text = question.strip()
    numbers = sorted({int(n) for n in re.findall(r"\d+", articles) if 0 <= int(n) <= 16})
    off_topic = out_of_scope == "1"
    invalid = not text or len(text) > 300 or (not numbers and not off_topic)
    return GoldenForm(
        text, [] if off_topic else numbers, off_topic, GOLDEN_ERROR if invalid else ""
    )


def audit_filter(request: Request) -> AuditFilter:
    """The audit-log filter of the query string; unknown values are dropped."""
    params = request.query_params
    return AuditFilter(
        actor=params.get("actor", "").strip()[:64],
        action=params.get("action", "") if params.get("action") in ACTION_LABELS else "",
        entity_id=params.get("entity_id", "").strip()[:64],
        date_from=parse_date(params.get("date_from")),
        date_to=parse_date(params.get("date_to")),
    )
