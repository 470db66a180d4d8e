"""/admin/qa/publish: every saved Q&A change through the regression gate, to every instance.

The index gate (admin/knowledge_gate.py, `with_qa=True`) writes the database's entries into
the staff folder, rebuilds, and refuses with reasons in Chinese (admin/qa/publishing.py) or
publishes to the database where every instance picks the version up. Audit: qa_publish or
qa_refuse with the label, the entries and the reasons.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from admin.deps import AuditDep, Editor, ServicesDep, SessionDep, SettingsDep
from admin.errors import KnowledgeError
from admin.routing import admin_router
from admin.templating import render
from core.settings import Settings
from storage.qa_store import unpublished_ids

router = admin_router()


@router.post("/qa/publish", response_model=None)
def qa_publish(
    request: Request,
    staff: Editor,
    session: SessionDep,
    settings: SettingsDep,
    state: ServicesDep,
    audit: AuditDep,
) -> Response:
    """Publish every saved change through the regression gate, to every instance."""
    from admin.knowledge_gate import reindex_with_gate

    pending = sorted(unpublished_ids(session))
    session.commit()  # the gate reads in its own sessions
    try:
        result = reindex_with_gate(
            state, change=lambda: lambda: None, actor=staff.username, with_qa=True
        )
    except KnowledgeError as exc:
        return _result(request, session, settings, pending, error=str(exc), status_code=400)
    action = "qa_publish" if result.published else "qa_refuse"
    after = {"label": result.label, "entries": pending, "reasons": result.reasons}
    audit(staff.username, action, "qa", after=after)
    code = 200 if result.published else 409
    return _result(request, session, settings, pending, result=result, status_code=code)


def _result(
    request: Request,
    session: Session,
    settings: Settings,
    pending: list[str],
    *,
    result: Any = None,
    error: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    context = {"result": result, "pending": pending, "error": error}
    return render(request, "qa_publish.html", context, status_code=status_code)
