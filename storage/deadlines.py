"""Bank response deadlines (measure 8): due dates in working days and overdue pushes.

Working days are Monday to Friday in China Standard Time (public holidays and the weekend
make-up days are not modelled; BANK_RESPONSE_DAYS can be raised around long holidays).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from core import clock
from storage.models import FinancingRequest, RequestBank

DEFAULT_RESPONSE_DAYS = 10


def add_working_days(start: date, days: int) -> date:
    """The date `days` working days (Mon-Fri) after `start`."""
    current, left = start, max(0, days)
    while left:
        current += timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def due_date(pushed_at: datetime, days: int = DEFAULT_RESPONSE_DAYS) -> date:
    """The day by which the bank must answer a push made at `pushed_at`."""
    return add_working_days(clock.local_day(pushed_at), days)


def is_overdue(push: RequestBank, *, days: int, today: date) -> bool:
    """True when the bank has not answered and the due date has passed."""
    return push.outcome is None and due_date(push.pushed_at, days) < today


def overdue_cutoff(days: int, now: datetime | None = None) -> datetime:
    """UTC instant: unanswered pushes made before it are overdue today.

    A push made on local day d is overdue once add_working_days(d, days) < today; the latest
    such d is found by stepping back from yesterday (the relation is monotonic in d).
    """
    today = clock.local_day(now or clock.now())
    day = today - timedelta(days=1)
    while add_working_days(day, days) >= today:
        day -= timedelta(days=1)
    return clock.local_start(day + timedelta(days=1))


def overdue_request_ids(cutoff: datetime, bank_id: int | None = None) -> Select[Any]:
    """Ids of pushed requests with an unanswered push older than the cutoff (one bank's)."""
    query = (
        select(RequestBank.request_id)
        .join(FinancingRequest, FinancingRequest.id == RequestBank.request_id)
        .where(RequestBank.outcome.is_(None), RequestBank.pushed_at < cutoff)
        .where(FinancingRequest.status == "pushed")
    )
    if bank_id is not None:
        query = query.where(RequestBank.bank_id == bank_id)
    return query


def list_overdue_pushes(
    session: Session,
    *,
    days: int,
    bank_id: int | None = None,
    now: datetime | None = None,
    limit: int = 50,
) -> list[RequestBank]:
    """Overdue pushes (request loaded), oldest first; `bank_id` limits to one bank's."""
    query = (
        select(RequestBank)
        .join(FinancingRequest, FinancingRequest.id == RequestBank.request_id)
        .where(RequestBank.outcome.is_(None), RequestBank.pushed_at < overdue_cutoff(days, now))
        .where(FinancingRequest.status == "pushed")
        .options(selectinload(RequestBank.request))
        .order_by(RequestBank.pushed_at, RequestBank.id)
        .limit(limit)
    )
    if bank_id is not None:
        query = query.where(RequestBank.bank_id == bank_id)
    return list(session.scalars(query))
