"""Idempotent storing of a financing request posted to the intake API.

`submit_request` validates a posted body and stores it once per Idempotency-Key: the same body
under a used key gets the first result again (`replayed`), any other body 409 `KEY_REUSED`,
also when a concurrent post claims the key between the look-up and the insert.
"""

from __future__ import annotations

import copy
import logging
from typing import Any

from sqlalchemy.exc import IntegrityError

from core.masking import mask_credit_code
from storage.db import Database
from storage.models import FinancingRequest
from storage.statuses import status_label
from web.intake_errors import KEY_HEADER, field_problem, problem

log = logging.getLogger(__name__)
CHANNEL = "web"


def request_by_key(session: Any, key: str) -> FinancingRequest | None:
    """The request already stored under this Idempotency-Key (None before the first)."""
    from storage.requests import get_request_by_idempotency_key

    found: FinancingRequest | None = get_request_by_idempotency_key(session, key=key)
    return found


def _describe(request: FinancingRequest, base_url: str) -> dict[str, Any]:
    """The API shape of a stored request (201 body)."""
    duplicate = request.duplicate_of.ref if request.duplicate_of is not None else None
    return {
        "ref": request.ref,
        "token": request.token,
        "status": request.status,
        "status_label": status_label(request.status),
        "status_url": f"{base_url.rstrip('/')}/status/{request.ref}?token={request.token}",
        "recommendations": list(request.recommendations or []),
        "duplicate_of": duplicate,
    }


KEY_REUSED = problem(
    409, "该 Idempotency-Key 已用于另一个不同的请求", code="idempotency_key_reused", loc=KEY_HEADER
)


def same_request(
    stored: FinancingRequest, clean: dict[str, Any] | None, session_id: str | None
) -> bool:
    """Whether a validated body (`clean`, None when invalid) is the one stored under its key:
    every field equal, and not sent from another widget session."""
    from storage.requests import REQUEST_FIELDS

    if clean is None:
        return False
    if stored.channel_user_id and session_id and stored.channel_user_id != session_id:
        return False
    for name in REQUEST_FIELDS:
        new = (clean.get(name) or "") if name == "note" else clean.get(name)
        old = (stored.note or "") if name == "note" else getattr(stored, name)
        if isinstance(old, float) or isinstance(new, float):
            if new is None or old is None or abs(float(old) - float(new)) > 1e-9:
                return False
        elif old != new:
            return False
    return bool(stored.credit_code_unverified) == (clean.get("credit_code_unverified") is True)


def _replay(
    stored: FinancingRequest, clean: dict[str, Any] | None, session_id: str | None, base: str
) -> tuple[int, dict[str, Any]]:
    """The first result for the same body; 409 for any other body (never its reference)."""
    if not same_request(stored, clean, session_id):
        return 409, copy.deepcopy(KEY_REUSED)
    return 201, _describe(stored, base) | {"replayed": True}


def submit_request(
    db: Database, data: dict[str, Any], *, key: str | None, session_id: str | None, base_url: str
) -> tuple[int, dict[str, Any]]:
    """Validate and store once per key; returns (HTTP status, body).

    A key already used: the same body (every field, same or no session) gets the first
    result again (201, `replayed`); any other body 409 `KEY_REUSED`. The same holds when a
    concurrent submission claims the key between the look-up and the insert (IntegrityError).
    """
    from bot.intake import check_request
    from bot.recommend import recommend
    from storage.requests import insert_request

    confirmed = data.pop("confirmed", None) or []
    listed = isinstance(confirmed, list) and all(isinstance(c, str) for c in confirmed)
    check = check_request(data, confirmed=confirmed if listed else [])
    clean = check.clean
    if not listed:
        message = 'confirmed 应为字段名称的列表，例如：["amount_wan"]'
        check.refuse("confirmed", message, "confirmed_invalid")
    if key:
        with db.session() as session:
            existing = request_by_key(session, key)
            if existing is not None:
                return _replay(existing, None if check.errors else clean, session_id, base_url)
    if check.errors:
        return 422, field_problem(check.errors, check.codes, check.context, check.confirmable)
    try:
        with db.session() as session:
            request = insert_request(
                session,
                data=clean,
                channel=CHANNEL,
                channel_user_id=session_id,
                idempotency_key=key,
                recommendations=recommend(clean),
            )
            session.flush()
            body = _describe(request, base_url)
    except IntegrityError:
        if not key:
            raise
        # Another submission under this key committed after the look-up above: its body may
        # differ, so its result is only replayed for the same body (never returned as ours).
        with db.session() as session:
            existing = request_by_key(session, key)
            if existing is None:
                raise
            return _replay(existing, clean, session_id, base_url)
    log.info("web intake stored %s for %s", body["ref"], mask_credit_code(clean["credit_code"]))
    return 201, body
