"""Back-office request queries: filters, search, sorting, pagination, scope per bank."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, selectinload

from core import clock
from storage.deadlines import overdue_request_ids
from storage.models import FinancingRequest, RequestBank, WhitelistEntry

SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "created": FinancingRequest.created_at,
    "updated": FinancingRequest.updated_at,
    "amount": FinancingRequest.amount_wan,
    "company": FinancingRequest.company_name,
    "status": FinancingRequest.status,
    "county": FinancingRequest.county,
    "ref": FinancingRequest.ref,
}
PER_PAGE_CHOICES = (20, 50, 100)


# The back office's whitelist filter: "" (everyone), "yes" (whitelisted firms), "no" (the others).
WhitelistFilter = Literal["", "yes", "no"]


def whitelist_filter(value: str | None) -> WhitelistFilter:
    """`value` as a WhitelistFilter; anything else (None, unknown) is "" (no filter)."""
    if value == "yes":
        return "yes"
    if value == "no":
        return "no"
    return ""


@dataclass
class RequestFilter:
    """Every filter of the request queue; `bank_id` scopes the list to one bank's pushes."""

    status: list[str] = field(default_factory=list)
    county: str = ""
    industry: str = ""
    product: str = ""
    channel: str = ""
    amount_min: float | None = None
    amount_max: float | None = None
    date_from: date | None = None
    date_to: date | None = None
    whitelist: WhitelistFilter = ""  # "yes": whitelisted firms only, "no": the others
    q: str = ""
    sort: str = "created"
    order: str = "desc"
    page: int = 1
    per_page: int = 20
    bank_id: int | None = None  # set for bank officers, never from the query string
    overdue: str = ""  # "yes": only requests with a push past its response deadline
    overdue_before: datetime | None = None  # the deadline cutoff (from BANK_RESPONSE_DAYS)

    def query_items(self) -> list[tuple[str, str]]:
        """The filter as query-string pairs (without page and bank), for links."""
        items: list[tuple[str, str]] = []
        for f in fields(self):
            if f.name in ("page", "bank_id", "overdue_before"):
                continue
            value = getattr(self, f.name)
            if isinstance(value, list):
                items.extend((f.name, v) for v in value)
            elif value not in (None, ""):
                items.append((f.name, str(value)))
        return items

    def describe(self) -> dict[str, Any]:
        """Every active filter as a JSON-able dict for the audit log.

        Multi-valued filters keep all their values (`{"status": ["submitted", "pushed"]}`);
        a bank officer's scope is recorded by the caller, under the bank's name. Sorting and
        paging are left out.
        """
        described: dict[str, Any] = {}
        for f in fields(self):
            if f.name in ("sort", "order", "page", "per_page", "overdue_before", "bank_id"):
                continue  # overdue_before is derived from settings, not chosen by the user
            value = getattr(self, f.name)
            if isinstance(value, list):
                if value:
                    described[f.name] = list(value)
            elif value not in (None, ""):
                described[f.name] = value if isinstance(value, int | float) else str(value)
        return described


@dataclass
class RequestPage:
    """One page of requests with the totals needed for pagination."""

    items: list[FinancingRequest]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        """Number of pages (at least one)."""
        return max(1, math.ceil(self.total / self.per_page))


def day_bounds(start: date | None, end: date | None) -> tuple[datetime | None, datetime | None]:
    """UTC instants for [start of Beijing day `start`, end of Beijing day `end`)."""
    lo = hi = None
    if start is not None:
        lo = clock.local_start(start)
    if end is not None:
        hi = clock.local_start(end + timedelta(days=1))
    return lo, hi


def bank_request_ids(bank_id: int) -> Select[Any]:
    """Ids of the requests pushed to this listed bank."""
    return select(RequestBank.request_id).where(RequestBank.bank_id == bank_id)


def scoped_select(bank_id: int | None) -> Select[Any]:
    """All requests a user may see: everything, or only those pushed to their bank."""
    query = select(FinancingRequest)
    if bank_id is not None:
        query = query.where(FinancingRequest.id.in_(bank_request_ids(bank_id)))
    return query


def filtered_select(flt: RequestFilter) -> Select[Any]:
    """The filtered (not yet sorted or paginated) request query."""
    query = scoped_select(flt.bank_id)
    model = FinancingRequest
    if flt.status:
        query = query.where(model.status.in_(flt.status))
    for name in ("county", "industry", "product", "channel"):
        value = getattr(flt, name)
        if value:
            query = query.where(getattr(model, name) == value)
    if flt.amount_min is not None:
        query = query.where(model.amount_wan >= flt.amount_min)
    if flt.amount_max is not None:
        query = query.where(model.amount_wan <= flt.amount_max)
    start, end = day_bounds(flt.date_from, flt.date_to)
    if start is not None:
        query = query.where(model.created_at >= start)
    if end is not None:
        query = query.where(model.created_at < end)
    if flt.whitelist in ("yes", "no"):
        listed = model.credit_code.in_(select(WhitelistEntry.credit_code))
        query = query.where(listed if flt.whitelist == "yes" else ~listed)
    if flt.overdue == "yes" and flt.overdue_before is not None:
        query = query.where(model.id.in_(overdue_request_ids(flt.overdue_before, flt.bank_id)))
    term = flt.q.strip()
    if term:
        query = query.where(
            or_(
                model.company_name.contains(term, autoescape=True),
                model.credit_code == term.upper(),
                model.ref == term.upper(),
            )
        )
    return query


def sorted_select(flt: RequestFilter) -> Select[Any]:
    """The filtered query in the requested order (id breaks ties)."""
    column = SORT_COLUMNS.get(flt.sort, FinancingRequest.created_at)
    query = filtered_select(flt)
    if flt.bank_id is not None and flt.overdue_before is not None:
        # A bank officer sees their own overdue pushes first.
        own_overdue = FinancingRequest.id.in_(overdue_request_ids(flt.overdue_before, flt.bank_id))
        query = query.order_by(case((own_overdue, 0), else_=1))
    if flt.order == "asc":
        return query.order_by(column.asc(), FinancingRequest.id.asc())
    return query.order_by(column.desc(), FinancingRequest.id.desc())


def search_requests(session: Session, *, flt: RequestFilter) -> RequestPage:
    """One page of the filtered, sorted request list."""
    per_page = flt.per_page if flt.per_page in PER_PAGE_CHOICES else PER_PAGE_CHOICES[0]
    total = session.scalar(select(func.count()).select_from(filtered_select(flt).subquery())) or 0
    pages = max(1, math.ceil(total / per_page))
    page = min(max(flt.page, 1), pages)
    query = sorted_select(flt).options(selectinload(FinancingRequest.banks))
    rows = session.scalars(query.offset((page - 1) * per_page).limit(per_page))
    return RequestPage(list(rows), int(total), page, per_page)


def all_filtered_requests(session: Session, *, flt: RequestFilter) -> list[FinancingRequest]:
    """Every request of the filtered list in list order (for exports)."""
    eager = (selectinload(FinancingRequest.banks), selectinload(FinancingRequest.events))
    return list(session.scalars(sorted_select(flt).options(*eager)))


def get_visible_request(
    session: Session, *, request_id: int, bank_id: int | None, for_update: bool = False
) -> FinancingRequest | None:
    """The request when this user may see it (bank officers: only if pushed to their bank).

    `for_update` locks the row (PostgreSQL) so two staff cannot move it at the same time.
    """
    query = scoped_select(bank_id).where(FinancingRequest.id == request_id)
    if for_update:
        query = query.with_for_update(of=FinancingRequest)
    found: FinancingRequest | None = session.scalar(query)
    return found


def distinct_values(session: Session, *, column: str, bank_id: int | None) -> list[str]:
    """Values present in a column among visible requests (for filter drop-downs)."""
    col = getattr(FinancingRequest, column)
    visible = scoped_select(bank_id).with_only_columns(FinancingRequest.id)
    query = select(col).where(FinancingRequest.id.in_(visible)).distinct()
    return sorted(v for v in session.scalars(query) if v)


def linked_duplicates(
    session: Session, *, request: FinancingRequest, bank_id: int | None
) -> list[FinancingRequest]:
    """Requests marked as duplicates of this one, plus the one it duplicates (visible ones)."""
    ids = select(FinancingRequest.id).where(FinancingRequest.duplicate_of_id == request.id)
    query = scoped_select(bank_id).where(
        or_(FinancingRequest.id.in_(ids), FinancingRequest.id == (request.duplicate_of_id or -1))
    )
    return list(session.scalars(query.order_by(FinancingRequest.id)))


def visible_duplicate_ids(
    session: Session, *, rows: list[FinancingRequest], bank_id: int | None
) -> set[int]:
    """Ids among `rows` marked as duplicates of a request this user may also see.

    A bank officer is not told that a request duplicates one outside their bank.
    """
    marked = {r.id: r.duplicate_of_id for r in rows if r.duplicate_of_id is not None}
    if not marked:
        return set()
    if bank_id is None:
        return set(marked)
    query = scoped_select(bank_id).where(FinancingRequest.id.in_(set(marked.values())))
    visible = set(session.scalars(query.with_only_columns(FinancingRequest.id)))
    return {rid for rid, original in marked.items() if original in visible}
