"""Workflow actions on a request: status changes, pushes to banks, bank outcomes."""

from __future__ import annotations

from fastapi import HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from admin.audit_helpers import audit, request_snapshot
from admin.auth import AnyStaff, Editor
from admin.errors import WorkflowError
from admin.forms import parse_date, parse_float
from admin.routing import admin_router
from admin.views_requests import load_visible, render_detail
from admin.workflow import (
    LoanDetails,
    move_request,
    push_more_banks,
    reaches_submitter,
    record_bank_outcome,
)

router = admin_router()


def _details(form: dict[str, str]) -> LoanDetails:
    return LoanDetails(
        amount_wan=parse_float(form.get("amount_wan")),
        granted_date=parse_date(form.get("granted_date")),
        product=form.get("granted_product", ""),
        reason=form.get("decline_reason", ""),
        category=form.get("decline_category", ""),
    )


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


def _done(request_id: int, msg: str) -> RedirectResponse:
    return RedirectResponse(f"/admin/requests/{request_id}?msg={msg}", status_code=303)


@router.post("/requests/{request_id}/status")
async def change_status(request: Request, request_id: int, staff: Editor) -> Response:
    """Move the request to the chosen status with a note."""
    form = await _form(request)
    office_phone = request.app.state.settings.office_phone
    try:
        with request.app.state.db.session() as session:
            req = load_visible(session, staff, request_id, for_update=True)
            expected = form.get("from_status")
            if expected and expected != req.status:
                raise WorkflowError("该申报的状态已被他人更新，请查看最新状态后再操作")
            target = form.get("target", "")
            if req.status == "pushed" and target in ("granted", "declined"):
                raise WorkflowError("已推送银行的申报，请在「登记银行审批结果」中按银行登记结果")
            before = request_snapshot(req)
            move_request(
                session,
                req,
                target=target,
                note=form.get("note", ""),
                actor=staff.username,
                office_phone=office_phone,
                details=_details(form),
            )
            audit(
                session,
                request,
                staff.username,
                "status_change",
                "financing_request",
                entity_id=req.id,
                before=before,
                after=request_snapshot(req),
            )
            notified = reaches_submitter(req)
    except WorkflowError as exc:
        return render_detail(request, staff, request_id, error=str(exc), status_code=400)
    return _done(request_id, "status" if notified else "status_silent")


@router.post("/requests/{request_id}/push")
async def push_banks(request: Request, request_id: int, staff: Editor) -> Response:
    """Push a recommended request to one or more banks (or add banks to a pushed one)."""
    form = await request.form()
    banks = [b for b in form.getlist("banks") if isinstance(b, str)]
    note = str(form.get("note", ""))
    office_phone = request.app.state.settings.office_phone
    try:
        with request.app.state.db.session() as session:
            req = load_visible(session, staff, request_id, for_update=True)
            before = request_snapshot(req)
            notified = False
            if req.status == "pushed":
                push_more_banks(session, req, banks=banks, note=note, actor=staff.username)
            else:
                notified = reaches_submitter(req)
                move_request(
                    session,
                    req,
                    target="pushed",
                    note=note,
                    actor=staff.username,
                    office_phone=office_phone,
                    banks=banks,
                )
            audit(
                session,
                request,
                staff.username,
                "push_bank",
                "financing_request",
                entity_id=req.id,
                before=before,
                after=request_snapshot(req),
            )
    except WorkflowError as exc:
        return render_detail(request, staff, request_id, error=str(exc), status_code=400)
    return _done(request_id, "pushed_notified" if notified else "pushed")


@router.post("/requests/{request_id}/outcome")
async def bank_outcome(request: Request, request_id: int, staff: AnyStaff) -> Response:
    """A bank's decision, recorded by that bank's officer (or by the office for them)."""
    if staff.role == "viewer":
        raise HTTPException(status_code=403, detail="forbidden")
    form = await _form(request)
    bank = staff.scope_bank or form.get("bank", "")
    office_phone = request.app.state.settings.office_phone
    try:
        with request.app.state.db.session() as session:
            req = load_visible(session, staff, request_id, for_update=True)
            before = request_snapshot(req)
            status_before = req.status
            record_bank_outcome(
                session,
                req,
                bank=bank,
                outcome=form.get("outcome", ""),
                details=_details(form),
                note=form.get("note", ""),
                actor=staff.username,
                office_phone=office_phone,
            )
            audit(
                session,
                request,
                staff.username,
                "bank_outcome",
                "financing_request",
                entity_id=req.id,
                before=before,
                after=request_snapshot(req) | {"bank": bank},
            )
            moved = req.status != status_before
            notice = "outcome"
            if moved:
                notice = "outcome_notified" if reaches_submitter(req) else "outcome_silent"
    except WorkflowError as exc:
        return render_detail(request, staff, request_id, error=str(exc), status_code=400)
    return _done(request_id, notice)
