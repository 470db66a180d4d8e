"""A bank's decision on a pushed request: recorded per bank; the first grant (or the last
decline) moves the request (`admin.workflow.moves.move_request`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from admin.errors import WorkflowError
from admin.forms import OutcomeForm
from admin.loan_details import LoanDetails, apply_loan_details, outcome_text
from admin.workflow.moves import clean_note, move_request, parse_bank_id, reaches_submitter
from storage.models import FinancingRequest, RequestBank, RequestEvent


def record_bank_outcome(
    session: Session,
    req: FinancingRequest,
    *,
    bank_id: int | None,
    outcome: str,
    details: LoanDetails,
    note: str,
    actor: str,
    office_phone: str,
) -> RequestBank:
    """A bank's decision; the first grant (or the last decline) moves the request.

    A request pushed twice to one bank (two free-text names migrated into one listed bank)
    gets the decision on each of that bank's pushes still waiting."""
    pushes = [b for b in req.banks if b.bank_id == bank_id]
    if not pushes:
        raise WorkflowError("该需求未推送至此银行")
    waiting = [b for b in pushes if b.outcome is None]
    if not waiting:
        raise WorkflowError("该银行已登记过审批结果")
    if outcome not in ("granted", "declined"):
        raise WorkflowError("请选择审批结果")
    summary = apply_loan_details(FinancingRequest(), outcome, details)
    text = outcome_text(outcome, details, clean_note(note))
    for push in waiting:
        push.outcome, push.outcome_note = outcome, text
    push = waiting[0]
    bank = push.bank.name
    session.flush()
    step_note = f"{bank}：{push.outcome_note}"
    moved = False
    if req.status == "pushed" and outcome == "granted":
        move_request(
            session,
            req,
            target="granted",
            note=step_note,
            actor=actor,
            office_phone=office_phone,
            details=details,
        )
        moved = True
    elif req.status == "pushed" and all(b.outcome == "declined" for b in req.banks):
        earlier = [
            f"{e.data['bank']}：{e.data['reason']}"
            for e in req.events
            if e.data.get("outcome") == "declined" and e.data.get("reason")
        ]
        combined = "；".join([*earlier, f"{bank}：{details.decline_text}"])
        move_request(
            session,
            req,
            target="declined",
            note=step_note,
            actor=actor,
            office_phone=office_phone,
            details=LoanDetails(combined=combined),
        )
        moved = True
    if not moved:
        data = {"bank": bank, "outcome": outcome, **summary}
        session.add(
            RequestEvent(
                request_id=req.id,
                from_status=req.status,
                to_status=req.status,
                note=step_note,
                actor=actor,
                data=data,
            )
        )
    session.flush()
    return push


def outcome_bank(form: OutcomeForm, officer_bank_id: int | None) -> int | None:
    """The bank an outcome is for: a bank officer's own, else the one the office chose."""
    return officer_bank_id if officer_bank_id is not None else parse_bank_id(form.bank)


def record_outcome(
    session: Session,
    req: FinancingRequest,
    form: OutcomeForm,
    *,
    officer_bank_id: int | None,
    actor: str,
    office_phone: str,
) -> str:
    """A bank's decision: a bank officer records their own bank's (`officer_bank_id`), the
    office the bank it names. Notice: outcome, or outcome_notified / outcome_silent when the
    request moved."""
    status_before = req.status
    record_bank_outcome(
        session,
        req,
        bank_id=outcome_bank(form, officer_bank_id),
        outcome=form.outcome,
        details=form.details,
        note=form.note,
        actor=actor,
        office_phone=office_phone,
    )
    if req.status == status_before:
        return "outcome"
    return "outcome_notified" if reaches_submitter(req) else "outcome_silent"
