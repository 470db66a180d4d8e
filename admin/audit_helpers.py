"""Writing the audit log from routes: the client address and an `Auditor` bound to a session."""

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


class Auditor:
    """Writes audit entries into a session (committed with the change they describe), each
    stamped with the client's address."""

    def __init__(self, session: Session, ip: str) -> None:
        self.session = session
        self.ip = ip

    def __call__(self, actor: str, action: str, entity: str, **kwargs: Any) -> None:
        """Record one entry: `actor` did `action` on `entity` (entity_id, before, after)."""
        record_audit(self.session, actor=actor, action=action, entity=entity, ip=self.ip, **kwargs)


def request_snapshot(req: FinancingRequest) -> dict[str, Any]:
    """The workflow fields of a request, for before/after in the audit log."""
    return {
        "status": req.status,
        "granted_amount_wan": req.granted_amount_wan,
        "granted_date": req.granted_date.isoformat() if req.granted_date else None,
        "granted_product": req.granted_product,
        "decline_reason": req.decline_reason,
        "banks": sorted({b.bank.name for b in req.banks}),
    }
