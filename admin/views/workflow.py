"""Workflow actions on a request: status changes, pushes to banks, bank outcomes.

The rules are in `admin/workflow/`; a route loads the request (locking its row until the
request's session commits), runs the step, writes the audit entry and redirects with a notice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from admin.audit_helpers import Auditor, request_snapshot
from admin.auth import Staff
from admin.deps import (
    AuditDep,
    Editor,
    OutcomeFormDep,
    OutcomeRecorder,
    PushFormDep,
    SessionDep,
    SettingsDep,
    StatusFormDep,
)
from admin.errors import WorkflowError
from admin.routing import admin_router
from admin.views.requests import load_visible, render_detail
from admin.workflow import change_status, outcome_bank, push_to_banks, record_outcome
from core.settings import Settings
from storage.banks import get_bank
from storage.models import FinancingRequest

router = admin_router()


def _bank_name(session: Session, bank_id: int | None) -> str | None:
    """The listed name of the bank an outcome was recorded for (audit entry)."""
    bank = get_bank(session, bank_id)
    return bank.name if bank is not None else None


Step = Callable[[FinancingRequest], str]  # runs a workflow step, returns the notice key


def _run(
    request: Request,
    session: Session,
    settings: Settings,
    audit: Auditor,
    staff: Staff,
    request_id: int,
    action: str,
    step: Step,
    **audited: Any,
) -> Response:
    """Load and lock the request, run the step and audit it (`audited` adds to "after"); a
    refused step changes nothing and shows the detail page with the reason."""
    try:
        req = load_visible(session, staff, request_id, for_update=True)
        before = request_snapshot(req)
        notice = step(req)
        after = request_snapshot(req) | audited
        audit(
            staff.username,
            action,
            "financing_request",
            entity_id=req.id,
            before=before,
            after=after,
        )
    except WorkflowError as exc:
        session.rollback()
        return render_detail(
            request, session, settings, audit, staff, request_id, error=str(exc), status_code=400
        )
    return RedirectResponse(f"/admin/requests/{request_id}?msg={notice}", status_code=303)


@router.post("/requests/{request_id}/status")
def post_status(
    request: Request,
    request_id: int,
    staff: Editor,
    form: StatusFormDep,
    session: SessionDep,
    settings: SettingsDep,
    audit: AuditDep,
) -> Response:
    """Move the request to the chosen status with a note."""

    def step(req: FinancingRequest) -> str:
        return change_status(
            session, req, form, actor=staff.username, office_phone=settings.office_phone
        )

    return _run(request, session, settings, audit, staff, request_id, "status_change", step)


@router.post("/requests/{request_id}/push")
def post_push(
    request: Request,
    request_id: int,
    staff: Editor,
    form: PushFormDep,
    session: SessionDep,
    settings: SettingsDep,
    audit: AuditDep,
) -> Response:
    """Push a recommended request to one or more banks (or add banks to a pushed one)."""

    def step(req: FinancingRequest) -> str:
        return push_to_banks(
            session, req, form, actor=staff.username, office_phone=settings.office_phone
        )

    return _run(request, session, settings, audit, staff, request_id, "push_bank", step)


@router.post("/requests/{request_id}/outcome")
def post_outcome(
    request: Request,
    request_id: int,
    staff: OutcomeRecorder,
    form: OutcomeFormDep,
    session: SessionDep,
    settings: SettingsDep,
    audit: AuditDep,
) -> Response:
    """A bank's decision, recorded by that bank's officer (or by the office for them)."""

    def step(req: FinancingRequest) -> str:
        return record_outcome(
            session,
            req,
            form,
            officer_bank_id=staff.scope_bank_id,
            actor=staff.username,
            office_phone=settings.office_phone,
        )

    return _run(
        request,
        session,
        settings,
        audit,
        staff,
        request_id,
        "bank_outcome",
        step,
        bank=_bank_name(session, outcome_bank(form, staff.scope_bank_id)),
    )
