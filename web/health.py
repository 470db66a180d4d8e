"""Liveness, readiness (database and index) and Prometheus metrics."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

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


def _database_ready(db: Any) -> bool:
    """True when the database answers a trivial query."""
    try:
        with db.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:
        log.warning("readiness: database not reachable", exc_info=True)
        return False


def _index_ready(answerer: Any) -> bool:
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


@router.get(
    "/readyz",
    summary="Readiness: database and knowledge index",
    responses={503: {"description": "Not ready; the body says which part"}},
)
async def readyz(request: Request) -> JSONResponse:
    """200 when the database and the index are ready, else 503 naming what is not.

    `index_version` is the published index version this instance serves ("base" before any
    publish); after a publish on any instance, every instance reports it within INDEX_POLL_S.
    """
    state = request.app.state
    db = getattr(state, "db", None)
    checks = {
        "database": db is not None and await run_in_threadpool(_database_ready, db),
        "index": _index_ready(getattr(state, "answerer", None)),
    }
    ready = all(checks.values())
    body = {
        "status": "ready" if ready else "not ready",
        "checks": checks,
        "index_version": getattr(state, "index_version", None),
    }
    return JSONResponse(body, status_code=200 if ready else 503)


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
async def metrics() -> Response:
    """The Prometheus exposition of every worker."""
    payload, content_type = await run_in_threadpool(render_metrics)
    return Response(payload, media_type=content_type)
