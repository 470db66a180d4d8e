"""Request workflow: status moves with notes, pushes to banks, bank outcomes, notifications."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from admin.errors import WorkflowError
from storage.models import FinancingRequest, RequestBank, RequestEvent
from storage.notifications import enqueue_notification
from storage.satisfaction import ask_satisfaction
from storage.statuses import TRANSITIONS, can_move, status_label

MAX_NOTE = 2000
# Why a firm did not get a loan (measure 15 asks for the reason and the office's follow-up).
DECLINE_REASONS = ("资质不符", "抵押不足", "征信问题", "经营问题", "企业放弃", "其他")


@dataclass(frozen=True)
class LoanDetails:
    """What a granted or declined loan records."""

    amount_wan: float | None = None
    granted_date: date | None = None
    product: str = ""
    reason: str = ""
    category: str = ""  # one of DECLINE_REASONS
    combined: str = ""  # every bank declined: their reasons, each already checked

    @property
    def decline_text(self) -> str:
        """The reason as stored and told to the firm: "类别：说明"."""
        return f"{self.category}：{self.reason.strip()}"


def status_message(req: FinancingRequest, target: str, office_phone: str) -> str:
    """The message the submitter receives about a status change."""
    text = f"【融资需求进度】您的融资需求（编号 {req.ref}）状态已更新为：{status_label(target)}。"
    if target == "granted" and req.granted_amount_wan:
        text += f"获贷金额 {req.granted_amount_wan:g} 万元。"
    elif target == "declined":
        if req.decline_reason:
            text += f"未获贷原因：{req.decline_reason}。"
        text += "协调办将安排专人跟进辅导，帮助您改善条件后再次对接。"
    elif target == "pushed":
        text += f"已推送至：{bank_names(req)}。银行将与您联系，请保持电话畅通。"
    return text + f"如有疑问请致电 {office_phone}。"


def bank_names(req: FinancingRequest, banks: list[str] | None = None) -> str:
    """The banks a request was pushed to (or `banks`), as the owner reads them: "A、B"."""
    names = banks if banks is not None else [b.bank for b in req.banks]
    return "、".join(dict.fromkeys(names))


def _clean_note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise WorkflowError(f"备注不能超过 {MAX_NOTE} 个字")
    return note


def _add_banks(session: Session, req: FinancingRequest, banks: list[str]) -> list[str]:
    """Create the missing push rows; returns the banks newly added."""
    wanted = [b.strip() for b in dict.fromkeys(banks) if b.strip()]
    if not wanted:
        raise WorkflowError("请至少选择一家银行")
    present = {b.bank for b in req.banks}
    added = [b for b in wanted if b not in present]
    for bank in added:
        session.add(RequestBank(request_id=req.id, bank=bank))
    session.flush()
    session.refresh(req)
    return added


def _apply_details(req: FinancingRequest, target: str, details: LoanDetails) -> dict[str, object]:
    if target == "granted":
        if details.amount_wan is None or details.amount_wan <= 0:
            raise WorkflowError("请填写获贷金额（万元，大于 0）")
        if details.granted_date is None:
            raise WorkflowError("请填写放款日期")
        if not details.product.strip():
            raise WorkflowError("请填写获贷产品")
        req.granted_amount_wan = details.amount_wan
        req.granted_date = details.granted_date
        req.granted_product = details.product.strip()[:50]
        return {
            "amount_wan": details.amount_wan,
            "date": details.granted_date.isoformat(),
            "product": req.granted_product,
        }
    if target == "declined" and details.combined:
        req.decline_reason = details.combined
        return {"reason": req.decline_reason}
    if target == "declined":
        if details.category not in DECLINE_REASONS:
            raise WorkflowError("请选择未获贷原因类别：" + "、".join(DECLINE_REASONS))
        if not details.reason.strip():
            raise WorkflowError("请填写未获贷原因说明")
        req.decline_reason = details.decline_text
        return {"reason": req.decline_reason, "category": details.category}
    return {}


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
    note = _clean_note(note)
    data: dict[str, object] = {}
    if target == "pushed":
        data["banks"] = _add_banks(session, req, banks or [])
    data.update(_apply_details(req, target, details or LoanDetails()))
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
    added = _add_banks(session, req, banks)
    if not added:
        raise WorkflowError("所选银行均已推送过")
    event = RequestEvent(
        request_id=req.id,
        from_status="pushed",
        to_status="pushed",
        note=_clean_note(note),
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


def record_bank_outcome(
    session: Session,
    req: FinancingRequest,
    *,
    bank: str,
    outcome: str,
    details: LoanDetails,
    note: str,
    actor: str,
    office_phone: str,
) -> RequestBank:
    """A bank's decision; the first grant (or the last decline) moves the request."""
    push = next((b for b in req.banks if b.bank == bank), None)
    if push is None:
        raise WorkflowError("该需求未推送至此银行")
    if push.outcome is not None:
        raise WorkflowError("该银行已登记过审批结果")
    if outcome not in ("granted", "declined"):
        raise WorkflowError("请选择审批结果")
    summary = _apply_details(FinancingRequest(), outcome, details)
    push.outcome = outcome
    push.outcome_note = _outcome_text(outcome, details, _clean_note(note))
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


def _outcome_text(outcome: str, details: LoanDetails, note: str) -> str:
    """One line describing a bank's decision."""
    if outcome == "granted":
        text = (
            f"已放款 {details.amount_wan:g} 万元，{details.granted_date}，"
            f"产品：{details.product.strip()}"
        )
    else:
        text = f"未获贷，原因：{details.decline_text}"
    return f"{text}（{note}）" if note else text
