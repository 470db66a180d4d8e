"""The audit log: filtered page and CSV export, for admins only."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from admin.audit_display import describe_entry, entity_label
from admin.deps import AdminOnly, AuditDep, AuditFilterDep, SessionDep
from admin.exports import to_csv
from admin.forms import parse_int
from admin.routing import admin_router
from admin.templating import local_time, render
from core import clock
from storage.audit import (
    ACTION_LABELS,
    all_audit,
    describe_audit_filter,
    list_audit,
)
from storage.models import AuditEntry

router = admin_router()
PER_PAGE = 50


def _json(value: Any) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


@router.get("/audit", response_class=HTMLResponse)
def audit_page(
    request: Request, staff: AdminOnly, flt: AuditFilterDep, session: SessionDep, page: str = ""
) -> HTMLResponse:
    """Who did or viewed what, newest first."""
    number = max(1, parse_int(page, 1))
    rows, total = list_audit(session, flt=flt, page=number, per_page=PER_PAGE)
    pages = max(1, (total + PER_PAGE - 1) // PER_PAGE)
    context = {
        "rows": rows,
        "total": total,
        "page": number,
        "pages": pages,
        "flt": flt,
        "labels": ACTION_LABELS,
        "describe": describe_entry,
        "entity_label": entity_label,
        "query": urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "page"]),
    }
    return render(request, "audit.html", context)


def _csv_row(entry: AuditEntry) -> list[Any]:
    return [
        entry.id,
        local_time(entry.created_at, "%Y-%m-%d %H:%M:%S"),
        entry.actor,
        ACTION_LABELS.get(entry.action, entry.action),
        entity_label(entry.entity),
        entry.entity_id or "",
        "\n".join(describe_entry(entry.before, entry.after)),
        _json(entry.before),
        _json(entry.after),
        entry.ip or "",
    ]


@router.get("/audit/export.csv")
def audit_export(
    staff: AdminOnly, flt: AuditFilterDep, session: SessionDep, audit: AuditDep
) -> Response:
    """The filtered audit log as CSV (the export itself is audited)."""
    rows = all_audit(session, flt=flt)
    data: list[list[Any]] = [
        [
            "序号",
            "时间",
            "操作人",
            "操作",
            "对象",
            "对象编号",
            "详情",
            "变更前（原始数据）",
            "变更后（原始数据）",
            "IP",
        ]
    ]
    data += [_csv_row(e) for e in rows]
    after = {"count": len(rows), "filters": describe_audit_filter(flt)}
    audit(staff.username, "export", "audit_log", after=after)
    stamp = clock.local_now().strftime("%Y%m%d-%H%M")
    headers = {"Content-Disposition": f'attachment; filename="audit-{stamp}.csv"'}
    return Response(to_csv(data), media_type="text/csv; charset=utf-8", headers=headers)
