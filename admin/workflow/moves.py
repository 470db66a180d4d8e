"""Moving a request: status changes with a note, pushes to banks, and the owner's notice.

`move_request` checks the transition (`storage.statuses`), records a `RequestEvent`, and queues
the submitter's notice in the outbox (`status_message`); `push_more_banks` adds banks to a
pushed request. Both raise `WorkflowError` (a message for staff) when a rule refuses the step.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from admin.errors import WorkflowError
from admin.loan_details import LoanDetails, amount_text, apply_loan_details
from storage.banks import BankError, active_bank
from storage.models import Bank, FinancingRequest, RequestBank, RequestEvent
from storage.notifications import enqueue_notification
from storage.satisfaction import ask_satisfaction
from storage.statuses import TRANSITIONS, can_move, status_label

MAX_NOTE = 2000


def status_message(req: FinancingRequest, target: str, office_phone: str) -> str:
    """The message the submitter receives about a status change (the office's phone only when
    OFFICE_PHONE is configured; "" shows none)."""
    text = f"【融资需求进度】您的融资需求（编号 {req.ref}）状态已更新为：{status_label(target)}。"
    if target == "granted" and req.granted_amount_wan:
        text += f"获贷金额 {amount_text(req.granted_amount_wan)} 万元。"
    elif target == "declined":
        if req.decline_reason:
            text += f"未获贷原因：{req.decline_reason}。"
        text += "协调办将安排专人跟进辅导，帮助您改善条件后再次对接。"
    elif target == "pushed":
        text += f"已推送至：{bank_names(req)}。银行将与您联系，请保持电话畅通。"
    if office_phone.strip():
        return text + f"如有疑问请致电 {office_phone.strip()}。"
    return text + "如有疑问，可以回复“人工”联系协调办。"


def bank_names(req: FinancingRequest, banks: list[str] | None = None) -> str:
    """The banks a request was pushed to (or `banks`), as the owner reads them: "A、B"."""
    names = banks if banks is not None else [b.bank.name for b in req.banks]
    return "、".join(dict.fromkeys(names))


def clean_note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise WorkflowError(f"备注不能超过 {MAX_NOTE} 个字")
    return note


def parse_bank_id(value: str) -> int | None:
    """A bank id from a form value ("12"), or None."""
    value = value.strip()
    return int(value) if value.isdigit() and len(value) < 10 else None


def chosen_banks(session: Session, values: list[str]) -> list[Bank]:
    """The listed, active banks chosen in the push form (their ids); WorkflowError otherwise."""
    banks: dict[int, Bank] = {}
    for value in values:
        if not value.strip():
            continue
        try:
            bank = active_bank(session, parse_bank_id(value))
        except BankError as exc:
            raise WorkflowError(str(exc)) from None
        banks[bank.id] = bank
    if not banks:
        raise WorkflowError("请至少选择一家银行")
    return list(banks.values())


def add_banks(session: Session, req: FinancingRequest, values: list[str]) -> list[str]:
    """Create the missing pushes to the chosen banks; returns the names of the banks added."""
    present = {b.bank_id for b in req.banks}
    added = [b for b in chosen_banks(session, values) if b.id not in present]
    for bank in added:
        session.add(RequestBank(request_id=req.id, bank_id=bank.id, pushed_as=bank.name))
    session.flush()
    session.refresh(req)
    return [b.name for b in added]


def status_form_targets(status: str) -> list[str]:
    """Statuses the status form offers from `status`.

    Pushing has its own form, and once a request is with the banks its outcome is recorded per
    bank (`record_bank_outcome`), which moves the request: one way to record an outcome.
    """
    targets = [t for t in TRANSITIONS.get(status, ()) if t != "pushed"]
    if status == "pushed":
        targets = [t for t in targets if t not in ("granted", "declined")]
    return targets


def reaches_submitter(req: FinancingRequest) -> bool:
    """True when status changes of this request are sent to the submitter.

    Only requests filed in a conversation (a channel user or web session to write to) can be
    notified; a request posted to the API without a session has nobody to tell.
    """
    return bool(req.channel_user_id)


def move_request(
    session: Session,
    req: FinancingRequest,
    *,
    target: str,
    note: str,
    actor: str,
    office_phone: str,
    banks: list[str] | None = None,
    details: LoanDetails | None = None,
) -> RequestEvent:
    """Move a request to `target` with a note, record the step and notify the submitter."""
    if not can_move(req.status, target):
        raise WorkflowError(f"不能从「{status_label(req.status)}」变更为「{status_label(target)}」")
    note = clean_note(note)
    data: dict[str, object] = {}
    if target == "pushed":
        data["banks"] = add_banks(session, req, banks or [])
    data.update(apply_loan_details(req, target, details or LoanDetails()))
    event = RequestEvent(
        request_id=req.id,
        from_status=req.status,
        to_status=target,
        note=note,
        actor=actor,
        data=data,
    )
    session.add(event)
    req.status = target
    if reaches_submitter(req) and req.channel_user_id:
        enqueue_notification(
            session,
            channel=req.channel,
            user_id=req.channel_user_id,
            text=status_message(req, target, office_phone),
            request_id=req.id,
        )
        if target in ("granted", "declined"):
            ask_satisfaction(session, req, outcome=target)
    session.flush()
    return event


def push_more_banks(
    session: Session, req: FinancingRequest, *, banks: list[str], note: str, actor: str
) -> RequestEvent:
    """Push an already pushed request to further banks (no status change)."""
    if req.status != "pushed":
        raise WorkflowError("只有「已推送银行」状态的需求可以追加推送银行")
    added = add_banks(session, req, banks)
    if not added:
        raise WorkflowError("所选银行均已推送过")
    event = RequestEvent(
        request_id=req.id,
        from_status="pushed",
        to_status="pushed",
        note=clean_note(note),
        actor=actor,
        data={"banks": added},
    )
    session.add(event)
    if reaches_submitter(req) and req.channel_user_id:
        enqueue_notification(
            session,
            channel=req.channel,
            user_id=req.channel_user_id,
            text=f"【融资需求进度】您的融资需求（编号 {req.ref}）已追加推送至："
            f"{bank_names(req, added)}。银行将与您联系，请保持电话畅通。",
            request_id=req.id,
        )
    session.flush()
    return event
