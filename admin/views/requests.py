"""The request queue (申报清单) and the request detail page."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from admin.audit_helpers import Auditor
from admin.auth import Staff
from admin.deadlines import overdue_ids, push_deadlines
from admin.deps import AnyStaff, AuditDep, RequestFilterDep, SessionDep, SettingsDep
from admin.loan_details import DECLINE_REASONS
from admin.routing import admin_router
from admin.templating import render
from admin.transcripts import TranscriptLine, transcript_lines
from admin.workflow import status_form_targets
from core.settings import Settings
from storage.backoffice.queries import (
    PER_PAGE_CHOICES,
    distinct_values,
    get_visible_request,
    linked_duplicates,
    search_requests,
    visible_duplicate_ids,
)
from storage.banks import bank_names_map, list_banks
from storage.conversations import list_messages
from storage.models import FinancingRequest
from storage.whitelist import find_whitelist_entry, whitelisted_codes

router = admin_router()
ENTITY = "financing_request"
SORT_LABELS = {
    "created": "提交时间",
    "updated": "更新时间",
    "amount": "融资金额",
    "company": "企业名称",
    "status": "状态",
    "county": "县（市、区）",
}


@router.get("/requests", response_class=HTMLResponse)
def request_list(
    request: Request,
    staff: AnyStaff,
    flt: RequestFilterDep,
    session: SessionDep,
    settings: SettingsDep,
) -> HTMLResponse:
    """Filtered, sorted, paginated list of the requests this user may see."""
    flt.bank_id = staff.scope_bank_id
    page = search_requests(session, flt=flt)
    listed = whitelisted_codes(session, (r.credit_code for r in page.items))
    duplicates = visible_duplicate_ids(session, rows=page.items, bank_id=staff.scope_bank_id)
    overdue = overdue_ids(page.items, days=settings.bank_response_days, bank_id=staff.scope_bank_id)
    options = {
        name: distinct_values(session, column=name, bank_id=staff.scope_bank_id)
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
        session, request_id=request_id, bank_id=staff.scope_bank_id, for_update=for_update
    )
    if req is None:
        exists = session.get(FinancingRequest, request_id) is not None
        raise HTTPException(status_code=403 if exists else 404, detail="not visible")
    return req


def render_detail(
    request: Request,
    session: Session,
    settings: Settings,
    audit: Auditor,
    staff: Staff,
    request_id: int,
    *,
    error: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    """The detail page; viewing it (personal data) is written to the audit log, and so is an
    attempt to open a request outside the user's bank (kept although the page is refused)."""
    try:
        req = load_visible(session, staff, request_id)
    except HTTPException as exc:
        if exc.status_code == 403:
            after = {"bank": staff.bank}
            audit(staff.username, "view_denied", ENTITY, entity_id=request_id, after=after)
            session.commit()
        raise
    transcript: list[TranscriptLine] = []
    if req.conversation_id and staff.role != "bank_officer":
        transcript = transcript_lines(list_messages(session, conversation_id=req.conversation_id))
    duplicate_of = None
    if req.duplicate_of_id is not None:  # cross-references obey the same isolation as lists
        duplicate_of = get_visible_request(
            session, request_id=req.duplicate_of_id, bank_id=staff.scope_bank_id
        )
    context: dict[str, Any] = {
        "req": req,
        "duplicate_of": duplicate_of,
        "events": list(req.events),
        "banks": list(req.banks),
        "pending_banks": list({b.bank_id: b.bank for b in req.banks if b.outcome is None}.values()),
        "deadlines": push_deadlines(req.banks, days=settings.bank_response_days),
        "DECLINE_REASONS": DECLINE_REASONS,
        "duplicates": linked_duplicates(session, request=req, bank_id=staff.scope_bank_id),
        "whitelist": find_whitelist_entry(session, credit_code=req.credit_code),
        "transcript": transcript,
        "targets": status_form_targets(req.status),
        "can_push": req.status in ("recommended", "pushed"),
        "bank_choices": list_banks(session, active_only=True),
        "bank_names": bank_names_map(session),
        "error": error,
    }
    audit(staff.username, "view", ENTITY, entity_id=req.id, after={"ref": req.ref})
    return render(request, "request_detail.html", context, status_code=status_code)


@router.get("/requests/{request_id}", response_class=HTMLResponse)
def request_detail(
    request: Request,
    request_id: int,
    staff: AnyStaff,
    session: SessionDep,
    settings: SettingsDep,
    audit: AuditDep,
) -> HTMLResponse:
    """Every field, the transcript, recommendations, duplicates, history and workflow forms."""
    return render_detail(request, session, settings, audit, staff, request_id)
