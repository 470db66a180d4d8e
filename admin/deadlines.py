"""Bank response deadlines as the back-office pages show them (due dates, overdue marks)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from core import clock
from storage.deadlines import due_date, is_overdue
from storage.models import FinancingRequest, RequestBank


def push_deadlines(banks: Iterable[RequestBank], *, days: int) -> dict[int, dict[str, Any]]:
    """Per push id: {"due": date, "overdue": bool}, `days` being BANK_RESPONSE_DAYS."""
    today = clock.local_day(clock.now())
    return {
        b.id: {"due": due_date(b.pushed_at, days), "overdue": is_overdue(b, days=days, today=today)}
        for b in banks
    }


def overdue_ids(
    requests: Iterable[FinancingRequest], *, days: int, bank_id: int | None = None
) -> set[int]:
    """Ids of pushed requests with an overdue push (only the push to `bank_id` when given)."""
    today = clock.local_day(clock.now())
    return {
        r.id
        for r in requests
        if r.status == "pushed"
        and any(
            is_overdue(b, days=days, today=today)
            for b in r.banks
            if bank_id is None or b.bank_id == bank_id
        )
    }
