"""Financing-request API routes: the form's schema, idempotent submission and the status.

The work is done in `web.intake_submit` (storing once per Idempotency-Key) and
`web.intake_status` (the submitter's view); this module holds the HTTP side: rate limits,
the key's format, the session link and the metrics.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from bot.services import services
from web.deps import DbDep, SettingsDep
from web.intake_errors import KEY_HEADER, IntakeRoute, problem
from web.intake_status import request_status
from web.intake_submit import submit_request
from web.metrics import INTAKE_RESULTS
from web.schemas import IntakeErrors, IntakeIn, IntakeOut, IntakeStatusOut
from web.sessions import live_session_id

router = APIRouter(prefix="/api/intake", tags=["financing request"], route_class=IntakeRoute)
_KEY = re.compile(r"^[\x21-\x7e]{1,128}$")
BAD_KEY = "Idempotency-Key 格式不对：应为 1 到 128 个可见的 ASCII 字符"


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


class CountyOut(BaseModel):
    """The county a company name names, for the form to prefill (null: it names none)."""

    company_name: str
    county: str | None = Field(..., examples=["沙县区"])


@router.get(
    "/county",
    response_model=CountyOut,
    summary="The county (县、市、区) a company name names, to prefill the form's county",
)
async def county_of_name(company_name: Annotated[str, Query(max_length=200)] = "") -> CountyOut:
    """The form's county option the name's 行政区划 names ("沙县鑫源竹业有限公司" -> 沙县区,
    "三明市梅列区…" -> 三元区, "鑫源竹业（尤溪）有限公司" -> 尤溪县), null when it names none
    ("沙县小吃" is a brand, not a division). The same derivation as the chat form's and as
    `POST /api/intake` with `county` left empty (which asks to confirm it)."""
    from bot.intake.counties import county_in_name

    return CountyOut(company_name=company_name, county=county_in_name(company_name))


@router.post(
    "",
    status_code=201,
    response_model=IntakeOut,
    responses={
        422: {
            "model": IntakeErrors,
            "description": "`code` invalid_fields (an item per field: `type` missing, "
            "choice_unknown, consent_required, …) or body_invalid (not a JSON object)",
        },
        409: {
            "model": IntakeErrors,
            "description": "`code` idempotency_key_reused: the key was used for a different "
            "body; nothing stored or returned",
        },
        400: {
            "model": IntakeErrors,
            "description": "`code` idempotency_key_invalid, or bad_request for a body that is "
            "not text (invalid UTF-8)",
        },
        413: {"model": IntakeErrors, "description": "`code` body_too_large (MAX_BODY_BYTES)"},
        429: {"model": IntakeErrors, "description": "`code` rate_limited; see Retry-After"},
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

    `county` left empty while the company name names one ("沙县鑫源竹业有限公司") is not
    guessed: 422 with type confirmation_needed on county (ctx `value`: 沙县区, listed in
    `confirmable`); the same body with "county" in `confirmed` stores that county.

    Limits: every post counts for its session and address; RATE_LIMIT_INTAKE counts stored
    requests only (a form sent back with errors, or a replay, is not a new request).
    """
    limits = services(request).web_limits
    await limits.check(request, body.session_id)
    await limits.check_intake(request, body.session_id)
    if idempotency_key is not None and not _KEY.match(idempotency_key):
        refused = problem(400, BAD_KEY, code="idempotency_key_invalid", loc=KEY_HEADER)
        return JSONResponse(refused, status_code=400)
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


@router.get(
    "/{ref}",
    response_model=IntakeStatusOut,
    responses={
        404: {"model": IntakeErrors, "description": "`code` not_found: unknown ref or wrong token"}
    },
    summary="The status of a request, for its submitter",
)
async def intake_status(ref: str, db: DbDep, token: str = "") -> IntakeStatusOut:
    """Needs the token returned at submission; a wrong token is indistinguishable from none."""
    found = await run_in_threadpool(request_status, db, ref, token)
    if found is None:
        raise HTTPException(404, "未找到该融资需求登记，或查询凭证不对")
    return IntakeStatusOut(**found)
