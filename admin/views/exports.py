"""Exports of the filtered request list (CSV / XLSX) and of a request's conversation (CSV),
written to the audit log."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import HTTPException
from fastapi.responses import Response

from admin.deps import AnyStaff, AuditDep, OfficeStaff, RequestFilterDep, SessionDep
from admin.exports import LAYOUTS, table, to_csv, to_xlsx
from admin.routing import admin_router
from admin.transcripts import transcript_lines, transcript_table
from admin.views.requests import load_visible
from core import clock
from storage.backoffice.queries import all_filtered_requests
from storage.conversations import list_messages
from storage.whitelist import whitelisted_codes

router = admin_router()
RECOMMENDED_STATUSES = ["recommended", "pushed"]
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@router.get("/requests/export/{layout}.{fmt}")
def export_requests(
    layout: str,
    fmt: str,
    staff: AnyStaff,
    flt: RequestFilterDep,
    session: SessionDep,
    audit: AuditDep,
) -> Response:
    """The filtered list in a layout; 推荐清单 defaults to recommended and pushed requests."""
    if layout not in LAYOUTS or fmt not in MEDIA:
        raise HTTPException(status_code=404, detail="unknown export")
    flt.bank_id = staff.scope_bank_id
    if layout == "recommend" and not flt.status:
        flt.status = list(RECOMMENDED_STATUSES)
    title, _ = LAYOUTS[layout]
    rows = all_filtered_requests(session, flt=flt)
    listed = whitelisted_codes(session, (r.credit_code for r in rows))
    data = table(layout, rows, listed, mask=staff.role == "viewer")
    filters = flt.describe()
    if staff.scope_bank_id is not None:  # a bank officer's scope, under the list's name
        filters["bank"] = staff.bank or ""
    after = {"layout": layout, "format": fmt, "filters": filters, "count": len(rows)}
    audit(staff.username, "export", "financing_request", after=after)
    body = to_csv(data) if fmt == "csv" else to_xlsx(data, title)
    stamp = clock.local_now().strftime("%Y%m%d-%H%M")
    filename = quote(f"{title}-{stamp}.{fmt}")
    headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{filename}"}
    return Response(body, media_type=MEDIA[fmt], headers=headers)


def transcript_download(rows: list[list[str]], name: str) -> Response:
    """A transcript as a CSV attachment (UTF-8 with BOM, formulas neutralised)."""
    headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"}
    return Response(to_csv(rows), media_type=MEDIA["csv"], headers=headers)


@router.get("/requests/{request_id}/transcript.csv")
def export_request_transcript(
    request_id: int, staff: OfficeStaff, session: SessionDep, audit: AuditDep
) -> Response:
    """The conversation a request was filed in, as shown on its page (presses by their labels;
    masked for viewers); the export is audited."""
    req = load_visible(session, staff, request_id)
    if req.conversation_id is None:
        raise HTTPException(status_code=404, detail="no conversation")
    lines = transcript_lines(list_messages(session, conversation_id=req.conversation_id))
    rows = transcript_table(lines, mask=staff.masks_personal_data)
    after = {"layout": "transcript", "format": "csv", "count": len(lines)}
    audit(staff.username, "export", "financing_request", entity_id=req.id, after=after)
    return transcript_download(rows, f"对话记录-{req.ref}.csv")
