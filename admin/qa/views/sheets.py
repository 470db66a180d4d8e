"""/admin/qa/export and /admin/qa/import: the spreadsheets of `policybot qa export/import`.

Export (office staff: admin, coordinator, viewer): every current entry as .xlsx, .csv or
.jsonl. Import (admin, coordinator): one result per row (新增 / 修改 / 无变化 / 拒绝 and why);
a file with a refused row changes nothing (422). Saved rows are new versions with audit
entries (qa_import, before and after), published with 发布问答.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from admin.deps import (
    AuditDep,
    Editor,
    ImportUploadDep,
    OfficeStaff,
    ServicesDep,
    SessionDep,
    SettingsDep,
)
from admin.qa.importing import OUTCOME_LABELS, apply_import, plan_import
from admin.qa.service import current_entries, documents_of
from admin.qa.sheets import SUFFIXES, SheetError, read_rows, write_rows
from admin.routing import admin_router
from admin.templating import render
from core import clock

router = admin_router()
MEDIA = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
}


@router.get("/qa/export", response_model=None)
def qa_export(
    staff: OfficeStaff, session: SessionDep, settings: SettingsDep, format: str = "xlsx"
) -> Response:
    """Every current entry as a file (format: xlsx, csv or jsonl)."""
    kind = format if format in MEDIA else "xlsx"
    entries = list(current_entries(settings, session).values())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"qa.{kind}"
        write_rows(path, entries)
        content = path.read_bytes()
    name = f"qa-{clock.local_now():%Y%m%d-%H%M}.{kind}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(content, media_type=MEDIA[kind], headers=headers)


@router.post("/qa/import", response_model=None)
def qa_import(
    request: Request,
    staff: Editor,
    upload: ImportUploadDep,
    session: SessionDep,
    settings: SettingsDep,
    state: ServicesDep,
    audit: AuditDep,
) -> HTMLResponse:
    """Import a spreadsheet: all rows or, when any row is refused, none."""
    if upload.error:
        return _report(request, error=upload.error, status_code=400)
    suffix = Path(upload.name).suffix.lower()
    if suffix not in SUFFIXES:
        return _report(request, error=f"只支持 {'、'.join(SUFFIXES)} 文件", status_code=400)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(upload.content)
        try:
            rows = read_rows(path)
        except SheetError as exc:
            return _report(request, error=f"无法导入：{exc}", status_code=400)
    current = current_entries(settings, session)
    documents = documents_of(settings, state.answerer)
    first = 1 if suffix == ".jsonl" else 2
    plan = plan_import(rows, current, documents, actor=staff.username, first_line=first)
    apply_import(session, plan, actor=staff.username)
    for entry, _ in plan.entries:
        old = current.get(entry.id)
        before = old.to_dict() if old else None
        audit(
            staff.username,
            "qa_import",
            "qa",
            entity_id=entry.id,
            before=before,
            after=entry.to_dict(),
        )
    return _report(request, plan=plan, name=upload.name, status_code=422 if plan.refused else 200)


def _report(
    request: Request, *, plan: object = None, name: str = "", error: str = "", status_code: int
) -> HTMLResponse:
    context = {"plan": plan, "name": name, "error": error, "labels": OUTCOME_LABELS}
    return render(request, "qa_import.html", context, status_code=status_code)
