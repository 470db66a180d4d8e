"""Financing requests: creation (reference numbers, duplicates, idempotency) and look-ups."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from sqlalchemy import Insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core import clock
from storage.models import FinancingRequest, RefCounter, RequestEvent
from storage.statuses import OPEN_STATUSES

log = logging.getLogger(__name__)

# Columns a request's answers may fill (the rest are set by storage and the workflow).
_ANSWER_COLUMNS = frozenset(FinancingRequest.__table__.columns.keys()) - {
    "id",
    "ref",
    "token",
    "status",
    "channel",
    "channel_user_id",
    "conversation_id",
    "duplicate_of_id",
    "idempotency_key",
    "recommendations",
    "credit_code_unverified",
    "created_at",
    "updated_at",
    "granted_amount_wan",
    "granted_date",
    "granted_product",
    "decline_reason",
}
# The answers a request stores, one column each (the form's fields): public for comparisons.
REQUEST_FIELDS: tuple[str, ...] = tuple(sorted(_ANSWER_COLUMNS))

DUPLICATE_WINDOW = timedelta(days=30)


def _dialect_insert(session: Session, table: Any) -> Any:
    """An INSERT construct supporting ON CONFLICT for the session's dialect."""
    name = session.get_bind().dialect.name
    module = postgresql if name == "postgresql" else sqlite
    return module.insert(table)


def next_ref(session: Session, *, now: datetime | None = None) -> str:
    """The next reference number of the Beijing day of `now`, e.g. RZ-20261127-0001 (one atomic
    upsert)."""
    day = clock.local_day(now or clock.now()).strftime("%Y%m%d")
    stmt: Insert = _dialect_insert(session, RefCounter).values(day=day, last=1)
    stmt = stmt.on_conflict_do_update(  # type: ignore[attr-defined]
        index_elements=[RefCounter.day], set_={"last": RefCounter.last + 1}
    ).returning(RefCounter.last)
    number = session.execute(stmt).scalar_one()
    return f"RZ-{day}-{number:04d}"


def find_open_duplicate(
    session: Session, *, credit_code: str, now: datetime | None = None
) -> FinancingRequest | None:
    """The earliest open request for this credit code created in the last 30 days."""
    since = (now or clock.now()) - DUPLICATE_WINDOW
    query = (
        select(FinancingRequest)
        .where(FinancingRequest.credit_code == credit_code)
        .where(FinancingRequest.status.in_(sorted(OPEN_STATUSES)))
        .where(FinancingRequest.created_at >= since)
        .order_by(FinancingRequest.id)
        .limit(1)
    )
    return session.scalars(query).first()


def get_request_by_idempotency_key(session: Session, *, key: str) -> FinancingRequest | None:
    """The request stored under this idempotency key, if any."""
    query = select(FinancingRequest).where(FinancingRequest.idempotency_key == key)
    return session.scalars(query).first()


def create_request(
    session: Session,
    *,
    data: dict[str, Any],
    channel: str,
    channel_user_id: str | None = None,
    conversation_id: int | None = None,
    idempotency_key: str | None = None,
    recommendations: Sequence[Mapping[str, Any]] = (),
    now: datetime | None = None,
) -> FinancingRequest:
    """Store a consented request (a repeated key returns the first; duplicates are linked).

    The first request under a key is returned whatever `data` says: for a caller whose retries
    carry the same answers by construction (the chat's per-form key), also when a concurrent
    submission claims the key between the look-up and the insert (never IntegrityError, never
    a second row). A caller that must tell a retry from another body under the same key uses
    `insert_request` and compares.
    """
    insert = partial(
        insert_request,
        session,
        data=data,
        channel=channel,
        channel_user_id=channel_user_id,
        conversation_id=conversation_id,
        recommendations=recommendations,
        now=now,
    )
    if not idempotency_key:
        return insert()
    existing = get_request_by_idempotency_key(session, key=idempotency_key)
    if existing is not None:
        return existing
    try:
        # A savepoint: a concurrent submission under the same key that commits between the
        # look-up and the insert fails only the insert (PostgreSQL aborts the whole
        # transaction on an error outside one), and its request is returned instead.
        with session.begin_nested():
            return insert(idempotency_key=idempotency_key)
    except IntegrityError:
        existing = get_request_by_idempotency_key(session, key=idempotency_key)
        if existing is None:
            raise
        log.info("request key claimed concurrently; returning %s", existing.ref)
        return existing


def insert_request(
    session: Session,
    *,
    data: dict[str, Any],
    channel: str,
    channel_user_id: str | None = None,
    conversation_id: int | None = None,
    idempotency_key: str | None = None,
    recommendations: Sequence[Mapping[str, Any]] = (),
    now: datetime | None = None,
) -> FinancingRequest:
    """Store a consented request as a new row, never an existing one: a key already stored
    (e.g. by a concurrent submission that committed first) raises IntegrityError at the flush.

    `recommendations` are the policy channels computed above storage (`bot.recommend.recommend`:
    [{title, article, doc_id, reason}]), stored as given.

    One instant (`now`, default the clock) stamps `created_at` and names the reference number's
    day, so the reference and every date shown for the request fall on the same Beijing day.
    """
    # A credit code with an open request in the last 30 days is stored too, never dropped:
    # `duplicate_of_id` points at the earliest one so staff see both.
    if data.get("consent") is not True:
        raise ValueError("a financing request needs the user's consent")
    now = now or clock.now()
    ref = next_ref(session, now=now)  # the first write: takes the SQLite write lock before reads
    earlier = find_open_duplicate(session, credit_code=data["credit_code"], now=now)
    # Every answer the form stores has a column of its own (bot/intake/fields.py names them).
    values = {name: data[name] for name in _ANSWER_COLUMNS if name in data and name != "note"}
    request = FinancingRequest(
        **values,
        note=data.get("note") or "",
        ref=ref,
        token=secrets.token_urlsafe(24),
        status="submitted",
        channel=channel,
        channel_user_id=channel_user_id,
        conversation_id=conversation_id,
        duplicate_of_id=earlier.id if earlier is not None else None,
        idempotency_key=idempotency_key,
        recommendations=[dict(item) for item in recommendations],
        credit_code_unverified=data.get("credit_code_unverified") is True,
        created_at=now,
        updated_at=now,
    )
    session.add(request)
    session.flush()
    event_data = {"channel": channel}
    if earlier is not None:
        event_data["duplicate_of"] = earlier.ref
    session.add(
        RequestEvent(
            request_id=request.id,
            from_status=None,
            to_status="submitted",
            note="用户提交融资需求登记",
            actor=None,
            data=event_data,
            created_at=now,
        )
    )
    session.flush()
    log.info(
        "stored financing request %s via %s%s",
        ref,
        channel,
        f" (duplicate of {earlier.ref})" if earlier is not None else "",
    )
    return request


def get_request_by_ref(session: Session, *, ref: str) -> FinancingRequest | None:
    """The request with this reference number (case and surrounding spaces ignored)."""
    query = select(FinancingRequest).where(FinancingRequest.ref == ref.strip().upper())
    return session.scalars(query).first()


def list_requests_for_user(
    session: Session, *, channel: str, user_id: str, limit: int = 20
) -> list[FinancingRequest]:
    """A channel user's own requests, newest first."""
    query = (
        select(FinancingRequest)
        .where(FinancingRequest.channel == channel)
        .where(FinancingRequest.channel_user_id == user_id)
        .order_by(FinancingRequest.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))
