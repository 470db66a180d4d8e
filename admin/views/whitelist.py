"""The enterprise whitelist (白名单): coordinators add and remove, office staff read."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from admin.deps import (
    AuditDep,
    Editor,
    ImportUploadDep,
    OfficeStaff,
    SessionDep,
    WhitelistFormDep,
)
from admin.errors import AdminError
from admin.forms import parse_int
from admin.routing import admin_router
from admin.templating import render
from admin.whitelist_import import ImportReport, parse_isolated
from storage.whitelist import (
    WhitelistError,
    add_whitelist_entry,
    find_whitelist_entry,
    list_whitelist,
    remove_whitelist_entry,
)

router = admin_router()


def _page(
    request: Request,
    session: Session,
    q: str = "",
    error: str = "",
    status_code: int = 200,
    report: ImportReport | None = None,
) -> HTMLResponse:
    entries = list_whitelist(session, q=q)
    context = {"entries": entries, "q": q, "error": error, "report": report}
    return render(request, "whitelist.html", context, status_code=status_code)


@router.get("/whitelist", response_class=HTMLResponse)
def whitelist_page(
    request: Request, staff: OfficeStaff, session: SessionDep, q: str = ""
) -> HTMLResponse:
    """The whitelist with a search box and, for coordinators, the add form."""
    return _page(request, session, q.strip()[:100])


@router.post("/whitelist")
def whitelist_add(
    request: Request,
    staff: Editor,
    form: WhitelistFormDep,
    session: SessionDep,
    audit: AuditDep,
) -> Response:
    """Add an enterprise by credit code."""
    try:
        entry = add_whitelist_entry(
            session,
            credit_code=form.credit_code,
            company_name=form.company_name,
            note=form.note,
            added_by=staff.username,
        )
    except WhitelistError as exc:
        session.rollback()
        return _page(request, session, error=str(exc), status_code=400)
    after = {"credit_code": entry.credit_code, "company_name": entry.company_name}
    audit(staff.username, "whitelist_add", "whitelist", entity_id=entry.id, after=after)
    return RedirectResponse("/admin/whitelist?msg=wl_added", status_code=303)


@router.post("/whitelist/{entry_id}/delete")
def whitelist_remove(
    request: Request, entry_id: str, staff: Editor, session: SessionDep, audit: AuditDep
) -> Response:
    """Take an enterprise off the whitelist."""
    try:
        entry = remove_whitelist_entry(session, entry_id=parse_int(entry_id, -1))
    except WhitelistError as exc:
        session.rollback()
        return _page(request, session, error=str(exc), status_code=400)
    before = {"credit_code": entry.credit_code, "company_name": entry.company_name}
    audit(staff.username, "whitelist_remove", "whitelist", entity_id=entry.id, before=before)
    return RedirectResponse("/admin/whitelist?msg=wl_removed", status_code=303)


@router.post("/whitelist/import")
def whitelist_import(
    request: Request,
    staff: Editor,
    upload: ImportUploadDep,
    session: SessionDep,
    audit: AuditDep,
) -> Response:
    """Add many enterprises from an .xlsx or .csv file; existing ones are skipped.

    Storing runs in a worker thread (a plain `def` handler); parsing in a child process bounded
    in time and memory (`admin.whitelist_import.parse_isolated`): a hostile file never blocks
    the event loop.
    """
    if upload.error:
        return _page(request, session, error=upload.error, status_code=400)
    try:
        rows = parse_isolated(upload.name, upload.content)
    except AdminError as exc:
        return _page(request, session, error=str(exc), status_code=400)
    report = ImportReport()
    for number, code, name, note in rows:
        if find_whitelist_entry(session, credit_code=code) is not None:
            report.existing += 1
            continue
        try:
            add_whitelist_entry(
                session, credit_code=code, company_name=name, note=note, added_by=staff.username
            )
            report.added += 1
        except WhitelistError as exc:
            report.errors.append(f"第 {number} 行：{exc}")
    summary = {
        "import": upload.name,
        "added": report.added,
        "existing": report.existing,
        "errors": len(report.errors),
    }
    audit(staff.username, "whitelist_add", "whitelist", after=summary)
    return _page(request, session, report=report)
