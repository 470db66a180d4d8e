"""The request queue (申报清单) and the request detail page."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from admin.audit_helpers import audit
from admin.auth import AnyStaff, Staff
from admin.deadlines import overdue_ids, push_deadlines
from admin.forms import parse_request_filter
from admin.routing import admin_router
from admin.templating import render
from admin.workflow import DECLINE_REASONS, status_form_targets
from storage.admin_queries import (
    PER_PAGE_CHOICES,
    distinct_values,
    get_visible_request,
    linked_duplicates,
    search_requests,
    visible_duplicate_ids,
)
from storage.models import FinancingRequest, Message, StaffUser
from storage.whitelist import find_whitelist_entry, whitelisted_codes

router = admin_router()
SORT_LABELS = {
    "created": "提交时间",
    "updated": "更新时间",
    "amount": "融资金额",
    "company": "企业名称",
    "status": "状态",
    "county": "县（市、区）",
}


def bank_choices(request: Request, session: Session) -> list[str]:
    """Banks from the settings plus the banks of bank-officer accounts."""
    settings = request.app.state.settings
    banks = settings.csv_list(settings.admin_banks)
    query = select(StaffUser.bank).where(StaffUser.role == "bank_officer").distinct()
    banks += [b for b in session.scalars(query) if b and b not in banks]
    return banks


@router.get("/requests", response_class=HTMLResponse)
def request_list(request: Request, staff: AnyStaff) -> HTMLResponse:
    """Filtered, sorted, paginated list of the requests this user may see."""
    flt = parse_request_filter(
        request.query_params, response_days=request.app.state.settings.bank_response_days
    )
    flt.bank = staff.scope_bank
    with request.app.state.db.session() as session:
        page = search_requests(session, flt=flt)
        listed = whitelisted_codes(session, (r.credit_code for r in page.items))
        duplicates = visible_duplicate_ids(session, rows=page.items, bank=staff.scope_bank)
        overdue = overdue_ids(request, page.items, bank=staff.scope_bank)
        options = {
            name: distinct_values(session, column=name, bank=staff.scope_bank)
            for name in ("county", "industry", "product", "channel")
        }
    context: dict[str, Any] = {
        "flt": flt,
        "page": page,
        "listed": listed,
        "duplicates": duplicates,
        "overdue": overdue,
        "options": options,
        "sort_labels": SORT_LABELS,
        "per_page_choices": PER_PAGE_CHOICES,
        "query_items": flt.query_items(),
    }
    return render(request, "requests_list.html", context)


def load_visible(
    session: Session, staff: Staff, request_id: int, *, for_update: bool = False
) -> FinancingRequest:
    """The request, or 404 when missing and 403 when outside the user's bank."""
    req = get_visible_request(
        session, request_id=request_id, bank=staff.scope_bank, for_update=for_update
    )
    if req is None:
        exists = session.get(FinancingRequest, request_id) is not None
        raise HTTPException(status_code=403 if exists else 404, detail="not visible")
    return req


def _audit_denied(request: Request, staff: Staff, request_id: int) -> None:
    """Record an attempt to open a request outside the user's bank."""
    with request.app.state.db.session() as session:
        audit(
            session,
            request,
            staff.username,
            "view_denied",
            "financing_request",
            entity_id=request_id,
            after={"bank": staff.bank},
        )


def render_detail(
    request: Request, staff: Staff, request_id: int, *, error: str = "", status_code: int = 200
) -> HTMLResponse:
    """The detail page; viewing it (personal data) is written to the audit log."""
    with request.app.state.db.session() as session:
        try:
            req = load_visible(session, staff, request_id)
        except HTTPException as exc:
            if exc.status_code == 403:
                _audit_denied(request, staff, request_id)
            raise
        transcript: list[Message] = []
        if req.conversation_id and staff.role != "bank_officer":
            query = select(Message).where(Message.conversation_id == req.conversation_id)
            transcript = list(session.scalars(query.order_by(Message.id)))
        duplicate_of = None
        if req.duplicate_of_id is not None:  # cross-references obey the same isolation as lists
            duplicate_of = get_visible_request(
                session, request_id=req.duplicate_of_id, bank=staff.scope_bank
            )
        context: dict[str, Any] = {
            "req": req,
            "duplicate_of": duplicate_of,
            "events": list(req.events),
            "banks": list(req.banks),
            "deadlines": push_deadlines(request, req.banks),
            "DECLINE_REASONS": DECLINE_REASONS,
            "duplicates": linked_duplicates(session, request=req, bank=staff.scope_bank),
            "whitelist": find_whitelist_entry(session, credit_code=req.credit_code),
            "transcript": transcript,
            "targets": status_form_targets(req.status),
            "can_push": req.status in ("recommended", "pushed"),
            "bank_choices": bank_choices(request, session),
            "error": error,
        }
        audit(
            session,
            request,
            staff.username,
            "view",
            "financing_request",
            entity_id=req.id,
            after={"ref": req.ref},
        )
        return render(request, "request_detail.html", context, status_code=status_code)


@router.get("/requests/{request_id}", response_class=HTMLResponse)
def request_detail(request: Request, request_id: int, staff: AnyStaff) -> HTMLResponse:
    """Every field, the transcript, recommendations, duplicates, history and workflow forms."""
    return render_detail(request, staff, request_id)
