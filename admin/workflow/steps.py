"""The status and push forms as staff submit them: the rules a route applies before moving
a request. Each returns the key of the notice shown afterwards (`admin.templating.NOTICES`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from admin.errors import WorkflowError
from admin.forms import PushForm, StatusForm
from admin.workflow.moves import move_request, push_more_banks, reaches_submitter
from storage.models import FinancingRequest


def change_status(
    session: Session, req: FinancingRequest, form: StatusForm, *, actor: str, office_phone: str
) -> str:
    """The status form: refused when someone changed the status since the officer looked, and
    for a pushed request's outcome (recorded per bank). Notice: status / status_silent."""
    if form.from_status and form.from_status != req.status:
        raise WorkflowError("该申报的状态已被他人更新，请查看最新状态后再操作")
    if req.status == "pushed" and form.target in ("granted", "declined"):
        raise WorkflowError("已推送银行的申报，请在「登记银行审批结果」中按银行登记结果")
    move_request(
        session,
        req,
        target=form.target,
        note=form.note,
        actor=actor,
        office_phone=office_phone,
        details=form.details,
    )
    return "status" if reaches_submitter(req) else "status_silent"


def push_to_banks(
    session: Session, req: FinancingRequest, form: PushForm, *, actor: str, office_phone: str
) -> str:
    """Push a recommended request to banks, or add banks to a pushed one (no new status, no
    message). Notice: pushed / pushed_notified."""
    if req.status == "pushed":
        push_more_banks(session, req, banks=form.banks, note=form.note, actor=actor)
        return "pushed"
    move_request(
        session,
        req,
        target="pushed",
        note=form.note,
        actor=actor,
        office_phone=office_phone,
        banks=form.banks,
    )
    return "pushed_notified" if reaches_submitter(req) else "pushed"
