"""Lenient parsing of query strings and form values (bad values are ignored or reported)."""

from __future__ import annotations

from datetime import date

from starlette.datastructures import ImmutableMultiDict, QueryParams

from storage.admin_queries import PER_PAGE_CHOICES, SORT_COLUMNS, RequestFilter
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
        whitelist=params.get("whitelist", "") if params.get("whitelist") in ("yes", "no") else "",
        q=params.get("q", "").strip()[:100],
        sort=sort if sort in SORT_COLUMNS else "created",
        order="asc" if params.get("order") == "asc" else "desc",
        page=max(1, parse_int(params.get("page"), 1)),
        per_page=per_page if per_page in PER_PAGE_CHOICES else PER_PAGE_CHOICES[0],
        overdue="yes" if params.get("overdue") == "yes" else "",
        overdue_before=overdue_cutoff(response_days),
    )
