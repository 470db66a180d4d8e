"""Public HTML pages for users: a request's status (/status/{ref}) and full answers (/a/{id})."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from core.masking import mask_text
from storage.db import Database
from storage.shared_answers import find_shared_answer
from storage.statuses import STATUS_LABELS
from web.deps import DbDep
from web.intake_status import request_status
from web.security import page_headers
from web.templating import render

router = APIRouter(include_in_schema=False)
# The usual path of a request, shown as steps; other statuses appear in the history only.
MAIN_PATH = ("submitted", "reviewing", "recommended", "pushed", "granted")


def _steps(status: str) -> list[dict[str, Any]]:
    """Progress steps with done/current flags for the status page."""
    position = MAIN_PATH.index(status) if status in MAIN_PATH else -1
    return [
        {"label": STATUS_LABELS[key], "done": i < position, "current": i == position}
        for i, key in enumerate(MAIN_PATH)
    ]


@router.get("/status/{ref}", response_class=HTMLResponse)
async def status_page(request: Request, ref: str, db: DbDep, token: str = "") -> HTMLResponse:
    """The submitter's status page (the link shown after submitting the form)."""
    found = await run_in_threadpool(request_status, db, ref, token)
    if found is None:
        return render(
            request,
            "not_found.html",
            {"what": "未找到该融资需求，或查询链接不完整。"},
            status_code=404,
            headers=page_headers(),
        )
    context = {"req": found, "steps": _steps(found["status"])}
    return render(request, "status.html", context, headers=page_headers())


def _shared_answer(db: Database, answer_id: str) -> dict[str, Any] | None:
    """A shared answer as plain data (None when unknown or expired)."""
    with db.session() as session:
        answer = find_shared_answer(session, answer_id=answer_id)
        if answer is None:
            return None
        return {"text": answer.text, "citations": list(answer.citations or [])}


@router.get("/a/{answer_id}", response_class=HTMLResponse)
async def shared_answer_page(request: Request, answer_id: str, db: DbDep) -> HTMLResponse:
    """A full answer that a channel had to shorten (WeChat links here)."""
    found = None
    if len(answer_id) <= 32:
        found = await run_in_threadpool(_shared_answer, db, answer_id)
    if found is None:
        return render(
            request,
            "not_found.html",
            {"what": "该解答不存在或已过期。"},
            status_code=404,
            headers=page_headers(),
        )
    # Stored texts are masked already; masking again protects rows written before that.
    paragraphs = [mask_text(p) for p in found["text"].split("\n") if p.strip()]
    context = {"paragraphs": paragraphs, "citations": found["citations"]}
    headers = {**page_headers(), "X-Robots-Tag": "noindex", "Cache-Control": "no-store"}
    return render(request, "answer.html", context, headers=headers)
