"""The filters of the back office's lists, read from query strings (unknown values dropped)."""

from __future__ import annotations

from fastapi import Request
from starlette.datastructures import ImmutableMultiDict, QueryParams

from admin.forms.parsing import parse_date, parse_float, parse_int
from storage.audit import ACTION_LABELS, AuditFilter
from storage.backoffice.queries import (
    PER_PAGE_CHOICES,
    SORT_COLUMNS,
    RequestFilter,
    whitelist_filter,
)
from storage.deadlines import DEFAULT_RESPONSE_DAYS, overdue_cutoff
from storage.statuses import STATUS_LABELS


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
