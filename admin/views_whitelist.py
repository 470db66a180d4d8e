"""The enterprise whitelist (白名单): coordinators add and remove, office staff read."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from admin.audit_helpers import audit
from admin.auth import Editor, OfficeStaff, Staff
from admin.errors import AdminError
from admin.forms import parse_int
from admin.routing import admin_router
from admin.templating import render
from admin.whitelist_import import ImportReport, parse_whitelist_file
from storage.whitelist import (
    WhitelistError,
    add_whitelist_entry,
    find_whitelist_entry,
    list_whitelist,
    remove_whitelist_entry,
)

router = admin_router()
MAX_IMPORT_BYTES = 5 * 1024 * 1024


def _page(
    request: Request,
    q: str = "",
    error: str = "",
    status_code: int = 200,
    report: ImportReport | None = None,
) -> HTMLResponse:
    with request.app.state.db.session() as session:
        entries = list_whitelist(session, q=q)
    context = {"entries": entries, "q": q, "error": error, "report": report}
    return render(request, "whitelist.html", context, status_code=status_code)


@router.get("/whitelist", response_class=HTMLResponse)
def whitelist_page(request: Request, staff: OfficeStaff, q: str = "") -> HTMLResponse:
    """The whitelist with a search box and, for coordinators, the add form."""
    return _page(request, q.strip()[:100])


@router.post("/whitelist")
async def whitelist_add(request: Request, staff: Editor) -> Response:
    """Add an enterprise by credit code."""
    form = await request.form()
    values = {k: str(form.get(k, "")) for k in ("credit_code", "company_name", "note")}
    try:
        with request.app.state.db.session() as session:
            entry = add_whitelist_entry(session, added_by=staff.username, **values)
            audit(
                session,
                request,
                staff.username,
                "whitelist_add",
                "whitelist",
                entity_id=entry.id,
                after={"credit_code": entry.credit_code, "company_name": entry.company_name},
            )
    except WhitelistError as exc:
        return _page(request, error=str(exc), status_code=400)
    return RedirectResponse("/admin/whitelist?msg=wl_added", status_code=303)


@router.post("/whitelist/{entry_id}/delete")
async def whitelist_remove(request: Request, entry_id: str, staff: Editor) -> Response:
    """Take an enterprise off the whitelist."""
    try:
        with request.app.state.db.session() as session:
            entry = remove_whitelist_entry(session, entry_id=parse_int(entry_id, -1))
            audit(
                session,
                request,
                staff.username,
                "whitelist_remove",
                "whitelist",
                entity_id=entry.id,
                before={"credit_code": entry.credit_code, "company_name": entry.company_name},
            )
    except WhitelistError as exc:
        return _page(request, error=str(exc), status_code=400)
    return RedirectResponse("/admin/whitelist?msg=wl_removed", status_code=303)


@router.post("/whitelist/import")
async def whitelist_import(request: Request, staff: Editor) -> Response:
    """Add many enterprises from an .xlsx or .csv file; existing ones are skipped.

    Parsing and storing run in a worker thread: a hostile file never blocks the event loop.
    """
    form = await request.form()
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _page(request, error="请选择要导入的文件", status_code=400)
    content = await upload.read(MAX_IMPORT_BYTES + 1)
    if len(content) > MAX_IMPORT_BYTES:
        return _page(request, error="文件不能超过 5 MB", status_code=400)
    return await run_in_threadpool(_import_file, request, staff, upload.filename, content)


def _import_file(request: Request, staff: Staff, filename: str, content: bytes) -> Response:
    """Parse the file and add its rows (blocking: runs in a worker thread)."""
    try:
        rows = parse_whitelist_file(filename, content)
    except AdminError as exc:
        return _page(request, error=str(exc), status_code=400)
    report = ImportReport()
    with request.app.state.db.session() as session:
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
        audit(
            session,
            request,
            staff.username,
            "whitelist_add",
            "whitelist",
            after={
                "import": filename,
                "added": report.added,
                "existing": report.existing,
                "errors": len(report.errors),
            },
        )
    return _page(request, report=report)
