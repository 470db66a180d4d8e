"""Liveness, readiness (database, index, and whether LLM mode is usable) and Prometheus metrics."""

from __future__ import annotations

import hmac
import logging

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

from bot.answer_source import AnswerSource
from bot.services import services
from storage.db import Database
from web.metrics import render_metrics

log = logging.getLogger(__name__)
router = APIRouter(tags=["operations"])


@router.get("/healthz", summary="Liveness: the process answers")
async def healthz() -> dict[str, str]:
    """Always ok while the process serves requests."""
    return {"status": "ok"}


@router.head("/healthz", include_in_schema=False)
async def healthz_head() -> Response:
    """Liveness for monitors that probe with HEAD."""
    return Response(status_code=200)


def _database_ready(db: Database) -> bool:
    """True when the database answers a trivial query."""
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:
        log.warning("readiness: database not reachable", exc_info=True)
        return False


def _index_ready(answerer: AnswerSource | None) -> bool:
    """True when the answerer is loaded and (if it can tell) its index is usable."""
    if answerer is None:
        return False
    check = getattr(answerer, "is_ready", None)
    if callable(check):
        try:
            return bool(check())
        except Exception:
            log.warning("readiness: index check failed", exc_info=True)
            return False
    return True


def _llm_status(answerer: AnswerSource | None) -> str:
    """off (no LLM_MODEL), ok (the model can be used), unavailable (answers are offline)."""
    llm = getattr(answerer, "llm", None)
    if llm is None:
        return "off"
    status = getattr(llm, "status", None)
    if not callable(status):
        return "ok"
    try:
        return str(status())
    except Exception:
        log.warning("readiness: LLM status check failed", exc_info=True)
        return "unavailable"


@router.get(
    "/readyz",
    summary="Readiness: database and knowledge index; LLM mode reported, never required",
    responses={503: {"description": "Not ready; the body says which part"}},
)
async def readyz(request: Request) -> JSONResponse:
    """200 when the database and the index are ready, else 503 naming what is not.

    `index_version` is the published index version this instance serves ("base" before any
    publish); after a publish on any instance, every instance reports it within INDEX_POLL_S.
    `llm` is "off" (LLM_MODEL unset), "ok" (answers may come from the model) or "unavailable"
    (its client could not be built, its server was not reached at the last check or the first
    check is still running, or its circuit breaker is open: answers are offline, checks go on
    with back-off); it never makes the instance unready. Asking starts a due re-check.
    """
    state = services(request)
    db = getattr(state, "db", None)
    answerer = getattr(state, "answerer", None)
    checks = {
        "database": db is not None and await run_in_threadpool(_database_ready, db),
        "index": _index_ready(answerer),
    }
    ready = all(checks.values())
    body = {
        "status": "ready" if ready else "not ready",
        "checks": checks,
        "index_version": state.index_version,
        "llm": _llm_status(answerer),
    }
    return JSONResponse(body, status_code=200 if ready else 503)


def metrics_allowed(request: Request) -> bool:
    """True when METRICS_TOKEN is unset or the request carries `Authorization: Bearer <it>`."""
    token = services(request).settings.metrics_token
    if not token:
        return True
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode("utf-8"), token.encode("utf-8")
    )


@router.get(
    "/metrics",
    summary="Prometheus metrics (Bearer METRICS_TOKEN when set)",
    response_class=Response,
    responses={401: {"description": "METRICS_TOKEN is set and the bearer token is missing"}},
)
async def metrics(request: Request) -> Response:
    """The Prometheus exposition of every worker."""
    if not metrics_allowed(request):
        return JSONResponse(
            {"detail": "metrics token required"},
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )
    payload, content_type = await run_in_threadpool(render_metrics)
    return Response(payload, media_type=content_type)
