"""/admin/qa/entry/{id}/disable and /rollback/{version}: status 停用 and going back to an
earlier version (a new version copying it, through the gate), each audited with before and
after. Admin and coordinator only.
"""

from __future__ import annotations

from fastapi import HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from admin.deps import AuditDep, Editor, ServicesDep, SessionDep, SettingsDep
from admin.qa.forms import form_of
from admin.qa.service import current_entries, documents_of, save_entry, stamped
from admin.qa.views.entries import _audit, _refused
from admin.routing import admin_router
from knowledge.qa import QaEntry
from storage.qa_store import get_version

router = admin_router()


@router.post("/qa/entry/{entry_id}/disable", response_model=None)
def qa_disable(
    entry_id: str,
    staff: Editor,
    session: SessionDep,
    settings: SettingsDep,
    state: ServicesDep,
    audit: AuditDep,
) -> Response:
    """Set an entry to 停用 (answers stop after the next publish)."""
    old = current_entries(settings, session).get(entry_id)
    if old is None:
        raise HTTPException(status_code=404, detail="entry not found")
    entry = stamped(QaEntry.from_dict({**old.to_dict(), "status": "disabled"}), staff.username)
    documents = documents_of(settings, state.answerer)
    save_entry(session, settings, entry, documents, action="disable", actor=staff.username)
    _audit(audit, staff, "qa_disable", old, entry)
    return RedirectResponse(f"/admin/qa/entry/{entry_id}?msg=qa_saved", status_code=303)


@router.post("/qa/entry/{entry_id}/rollback/{version}", response_model=None)
def qa_rollback(
    request: Request,
    entry_id: str,
    version: int,
    staff: Editor,
    session: SessionDep,
    settings: SettingsDep,
    state: ServicesDep,
    audit: AuditDep,
) -> Response:
    """Make an earlier version current again (a new version copying it, through the gate)."""
    current = current_entries(settings, session)
    row = get_version(session, entry_id, version)
    if row is None:
        raise HTTPException(status_code=404, detail="version not found")
    old = current.get(entry_id)
    entry = stamped(QaEntry.from_dict(row.data), staff.username)
    documents = documents_of(settings, state.answerer)
    problems = save_entry(
        session, settings, entry, documents, action="rollback", actor=staff.username,
        note=f"回滚到第 {version} 版",
    )  # fmt: skip
    if problems:
        form = form_of(entry)
        texts = [f"无法回滚到第 {version} 版：{p.message}" for p in problems]
        return _refused(request, session, settings, state, form, old, texts)
    _audit(audit, staff, "qa_rollback", old, entry)
    return RedirectResponse(f"/admin/qa/entry/{entry_id}?msg=qa_rolled_back", status_code=303)
