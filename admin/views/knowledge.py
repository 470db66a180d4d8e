"""Knowledge management: staff documents, golden questions, gated re-index, index versions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from admin.audit_helpers import Auditor
from admin.auth import Staff
from admin.deps import (
    AuditDep,
    DocumentNameDep,
    DocumentUploadDep,
    Editor,
    GoldenFormDep,
    ServicesDep,
    SessionDep,
    SettingsDep,
)
from admin.errors import KnowledgeError
from admin.forms import parse_int
from admin.knowledge_gate import GateResult, reindex_with_gate, staff_documents
from admin.routing import admin_router
from admin.templating import render
from admin.uploads import check_readable
from bot.services import Services
from core.settings import Settings
from storage.models import GoldenQuestion, IndexVersion

router = admin_router()


def _page(
    request: Request,
    session: Session,
    settings: Settings,
    *,
    result: GateResult | None = None,
    error: str = "",
    status_code: int = 200,
    prefill: str = "",
) -> HTMLResponse:
    versions = list(
        session.scalars(select(IndexVersion).order_by(IndexVersion.id.desc()).limit(30))
    )
    golden = list(session.scalars(select(GoldenQuestion).order_by(GoldenQuestion.id)))
    context: dict[str, Any] = {
        "docs": staff_documents(settings),
        "versions": versions,
        "golden": golden,
        "result": result,
        "prefill": prefill,
        "error": error,
    }
    return render(request, "knowledge.html", context, status_code=status_code)


@router.get("/knowledge", response_class=HTMLResponse)
def knowledge_page(
    request: Request,
    staff: Editor,
    session: SessionDep,
    settings: SettingsDep,
    question: str = "",
) -> HTMLResponse:
    """Documents, golden questions and the index versions (a question may be prefilled)."""
    return _page(request, session, settings, prefill=question[:300])


def _writer(folder: Path, name: str, content: bytes | None) -> Callable[[], Callable[[], None]]:
    """A change writing (or, with None, deleting) one document, returning its undo."""

    def change() -> Callable[[], None]:
        path = folder / name
        previous = path.read_bytes() if path.exists() else None
        folder.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(content)

        def undo() -> None:
            if previous is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(previous)

        return undo

    return change


@dataclass(frozen=True)
class GateCall:
    """What a gated change needs from its route."""

    request: Request
    session: Session
    settings: Settings
    state: Services
    audit: Auditor
    staff: Staff


def _gated(
    call: GateCall, change: Callable[[], Callable[[], None]], action: str, name: str
) -> Response:
    """Run the change through the regression gate (minutes: in this worker thread), audit it and
    show the result: 200 when published, 409 when refused, 400 when the gate is busy."""
    try:
        result = reindex_with_gate(call.state, change=change, actor=call.staff.username)
    except KnowledgeError as exc:
        return _page(call.request, call.session, call.settings, error=str(exc), status_code=400)
    actor = call.staff.username
    call.audit(
        actor,
        action,
        "knowledge",
        entity_id=name,
        after={"label": result.label, "published": result.published},
    )
    call.audit(
        actor,
        "index_publish" if result.published else "index_refuse",
        "index_version",
        entity_id=result.label,
        after={"reasons": result.reasons},
    )
    status = 200 if result.published else 409
    return _page(call.request, call.session, call.settings, result=result, status_code=status)


def _folder(settings: Settings) -> Path:
    return Path(settings.data_dir) / "knowledge"


@router.post("/knowledge/upload")
def upload_document(
    request: Request,
    staff: Editor,
    upload: DocumentUploadDep,
    session: SessionDep,
    settings: SettingsDep,
    state: ServicesDep,
    audit: AuditDep,
) -> Response:
    """Add or replace a document, re-index, and publish only if the gate passes."""
    call = GateCall(request, session, settings, state, audit, staff)
    try:
        if upload.error:
            raise KnowledgeError(upload.error)
        check_readable(upload.name, upload.content)
    except KnowledgeError as exc:
        return _page(call.request, call.session, call.settings, error=str(exc), status_code=400)
    change = _writer(_folder(call.settings), upload.name, upload.content)
    return _gated(call, change, "knowledge_upload", upload.name)


@router.post("/knowledge/delete")
def delete_document(
    request: Request,
    staff: Editor,
    document: DocumentNameDep,
    session: SessionDep,
    settings: SettingsDep,
    state: ServicesDep,
    audit: AuditDep,
) -> Response:
    """Remove a staff document (also gated: removing text can break answers)."""
    call = GateCall(request, session, settings, state, audit, staff)
    if document.error:
        return _page(
            call.request, call.session, call.settings, error=document.error, status_code=400
        )
    if not (_folder(call.settings) / document.name).is_file():
        return _page(call.request, call.session, call.settings, error="文档不存在", status_code=404)
    change = _writer(_folder(call.settings), document.name, None)
    return _gated(call, change, "knowledge_delete", document.name)


@router.post("/knowledge/reindex")
def reindex(
    request: Request,
    staff: Editor,
    session: SessionDep,
    settings: SettingsDep,
    state: ServicesDep,
    audit: AuditDep,
) -> Response:
    """Rebuild the index from the current documents through the same gate."""
    call = GateCall(request, session, settings, state, audit, staff)
    return _gated(call, lambda: lambda: None, "knowledge_reindex", "-")


@router.post("/knowledge/golden")
def golden_add(
    request: Request,
    staff: Editor,
    form: GoldenFormDep,
    session: SessionDep,
    settings: SettingsDep,
    audit: AuditDep,
) -> Response:
    """Add a regression question: expected measure numbers, or out of scope."""
    if form.error:
        return _page(request, session, settings, error=form.error, status_code=400)
    row = GoldenQuestion(
        question=form.question,
        articles=form.articles,
        out_of_scope=form.out_of_scope,
        added_by=staff.username,
    )
    session.add(row)
    session.flush()
    after = {"question": form.question, "articles": row.articles}
    audit(staff.username, "golden_add", "golden_question", entity_id=row.id, after=after)
    return RedirectResponse("/admin/knowledge?msg=golden_added", status_code=303)


@router.post("/knowledge/golden/{golden_id}/delete")
def golden_remove(golden_id: str, staff: Editor, session: SessionDep, audit: AuditDep) -> Response:
    """Delete a regression question."""
    row = session.get(GoldenQuestion, parse_int(golden_id, -1))
    if row is not None:
        before = {"question": row.question}
        audit(staff.username, "golden_remove", "golden_question", entity_id=row.id, before=before)
        session.delete(row)
    return RedirectResponse("/admin/knowledge?msg=golden_removed", status_code=303)
