"""Helpers writing the audit log from routes (actor and client address)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from sqlalchemy.orm import Session

from core.client_address import client_address
from storage.audit import record_audit
from storage.models import FinancingRequest


def client_ip(request: Request) -> str:
    """The client's address by the public API's rule (X-Forwarded-For from trusted proxies)."""
    return client_address(request)


def audit(
    session: Session, request: Request, actor: str, action: str, entity: str, **kwargs: Any
) -> None:
    """Record one audit entry with the request's client address."""
    record_audit(
        session, actor=actor, action=action, entity=entity, ip=client_ip(request), **kwargs
    )


def request_snapshot(req: FinancingRequest) -> dict[str, Any]:
    """The workflow fields of a request, for before/after in the audit log."""
    return {
        "status": req.status,
        "granted_amount_wan": req.granted_amount_wan,
        "granted_date": req.granted_date.isoformat() if req.granted_date else None,
        "granted_product": req.granted_product,
        "decline_reason": req.decline_reason,
        "banks": sorted(b.bank for b in req.banks),
    }
