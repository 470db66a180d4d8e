"""Exports of the filtered request list (CSV / XLSX), written to the audit log."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import HTTPException
from fastapi.responses import Response

from admin.deps import AnyStaff, AuditDep, RequestFilterDep, SessionDep
from admin.exports import LAYOUTS, table, to_csv, to_xlsx
from admin.routing import admin_router
from core import clock
from storage.admin_queries import all_filtered_requests
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
