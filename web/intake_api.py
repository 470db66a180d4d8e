"""Financing-request API: the form's schema, idempotent submission and the submitter's status."""

from __future__ import annotations

import hmac
import logging
import re
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from bot.services import services
from core import clock
from core.masking import mask_credit_code
from storage.db import Database
from storage.models import FinancingRequest
from storage.statuses import status_label
from web.deps import DbDep, SettingsDep
from web.errors import INVALID_FIELDS
from web.metrics import INTAKE_RESULTS
from web.schemas import Detail, IntakeErrors, IntakeIn, IntakeOut, IntakeStatusOut, StatusStep
from web.sessions import live_session_id

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/intake", tags=["financing request"])
CHANNEL = "web"
_KEY = re.compile(r"^[\x21-\x7e]{1,128}$")


def form_schema() -> dict[str, Any]:
    """The form's fields in order (labels, prompts, examples, choices) and the consent text."""
    from bot.intake.fields import CONSENT_TEXT, FIELDS

    fields = [
        {
            "name": f.name,
            "label": f.label,
            "prompt": f.prompt,
            "kind": f.kind,
            "example": f.example,
            "choices": list(f.choices),
            "optional": f.optional,
        }
        for f in FIELDS
    ]
    return {"fields": fields, "consent_text": CONSENT_TEXT}


@router.get("/schema", summary="The financing-request form: fields, choices and consent text")
async def intake_schema() -> dict[str, Any]:
    """What a client needs to render the form."""
    return form_schema()


def find_request(session: Any, *, ref: str) -> FinancingRequest | None:
    """The request with this reference number (H2's storage query)."""
    from storage.requests import get_request_by_ref

    request: FinancingRequest | None = get_request_by_ref(session, ref=ref)
    return request


def _by_key(session: Any, key: str) -> FinancingRequest | None:
    """The request already stored under this Idempotency-Key."""
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


KEY_REUSED = {
    "detail": "该 Idempotency-Key 已用于另一个不同的请求",
    "code": "idempotency_key_reused",
}


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
        return 409, dict(KEY_REUSED)
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
        check.errors["confirmed"] = 'confirmed 应为字段名称的列表，例如：["amount_wan"]'
    if key:
        with db.session() as session:
            existing = _by_key(session, key)
            if existing is not None:
                return _replay(existing, None if check.errors else clean, session_id, base_url)
    if check.errors:
        return 422, {
            "detail": INVALID_FIELDS,
            "errors": check.errors,
            "confirmable": check.confirmable,
        }
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
            existing = _by_key(session, key)
            if existing is None:
                raise
            return _replay(existing, clean, session_id, base_url)
    log.info("web intake stored %s for %s", body["ref"], mask_credit_code(clean["credit_code"]))
    return 201, body


@router.post(
    "",
    status_code=201,
    response_model=IntakeOut,
    responses={
        422: {"model": IntakeErrors, "description": "A Chinese message per invalid field"},
        409: {
            "model": Detail,
            "description": "Idempotency-Key already used for a different body: "
            '`{"detail": "...", "code": "idempotency_key_reused"}`; nothing stored or returned',
        },
        400: {
            "model": Detail,
            "description": "Malformed Idempotency-Key, or a body that is not text (invalid UTF-8)",
        },
        413: {"model": Detail, "description": "Body larger than MAX_BODY_BYTES"},
        429: {"model": Detail, "description": "Rate limit reached; see Retry-After"},
    },
    summary="Submit a financing request (idempotent with Idempotency-Key)",
)
async def submit_intake(
    request: Request,
    body: IntakeIn,
    db: DbDep,
    settings: SettingsDep,
    idempotency_key: Annotated[str | None, Header()] = None,
) -> JSONResponse:
    """Store the request; a retry with the same Idempotency-Key returns the same record.

    Limits: every post counts for its session and address; RATE_LIMIT_INTAKE counts stored
    requests only (a form sent back with errors, or a replay, is not a new request).
    """
    limits = services(request).web_limits
    await limits.check(request, body.session_id)
    await limits.check_intake(request, body.session_id)
    if idempotency_key is not None and not _KEY.match(idempotency_key):
        raise HTTPException(400, "Idempotency-Key 格式不对：应为 1 到 128 个可见的 ASCII 字符")
    data = body.model_dump(exclude={"session_id", "channel"})
    # An ended or idle-expired session is not linked: its 进度 must not list this request.
    session_id = await live_session_id(request, body.session_id)
    status, payload = await run_in_threadpool(
        submit_request,
        db,
        data,
        key=idempotency_key,
        session_id=session_id,
        base_url=settings.public_base_url,
    )
    replayed = bool(payload.pop("replayed", False))
    if status == 201 and not replayed:
        await limits.count_intake(request, body.session_id)
    INTAKE_RESULTS.labels("replayed" if replayed else str(status)).inc()
    return JSONResponse(payload, status_code=status)


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


@router.get(
    "/{ref}",
    response_model=IntakeStatusOut,
    responses={404: {"model": Detail, "description": "Unknown ref or wrong token"}},
    summary="The status of a request, for its submitter",
)
async def intake_status(ref: str, db: DbDep, token: str = "") -> IntakeStatusOut:
    """Needs the token returned at submission; a wrong token is indistinguishable from none."""
    found = await run_in_threadpool(request_status, db, ref, token)
    if found is None:
        raise HTTPException(404, "未找到该融资需求登记，或查询凭证不对")
    return IntakeStatusOut(**found)
