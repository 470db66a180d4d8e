"""The submitter's view of a stored financing request (reference number plus status token)."""

from __future__ import annotations

import hmac
from datetime import datetime
from typing import Any

from core import clock
from storage.db import Database
from storage.models import FinancingRequest
from storage.statuses import status_label
from web.schemas import StatusStep


def find_request(session: Any, *, ref: str) -> FinancingRequest | None:
    """The request with this reference number (H2's storage query)."""
    from storage.requests import get_request_by_ref

    request: FinancingRequest | None = get_request_by_ref(session, ref=ref)
    return request


def local_time(moment: datetime) -> str:
    """An instant as ISO time in Beijing time, e.g. 2026-12-06T00:30:00+08:00."""
    return clock.to_local(moment).isoformat(timespec="seconds")


def token_matches(request: FinancingRequest | None, token: str) -> bool:
    """Constant-time check of the submitter's token."""
    if request is None or not token:
        return False
    return hmac.compare_digest(request.token.encode(), token.encode())


def request_status(db: Database, ref: str, token: str) -> dict[str, Any] | None:
    """The submitter's view of a request, or None when the ref/token pair is wrong."""
    with db.session() as session:
        request = find_request(session, ref=ref)
        if request is None or not token_matches(request, token):
            return None
        history = [
            StatusStep(
                status=e.to_status, label=status_label(e.to_status), at=local_time(e.created_at)
            ).model_dump()
            for e in request.events
        ]
        return {
            "ref": request.ref,
            "status": request.status,
            "status_label": status_label(request.status),
            "created_at": local_time(request.created_at),
            "updated_at": local_time(request.updated_at),
            "history": history,
            "recommendations": list(request.recommendations or []),
            "company_name": request.company_name,
        }
