"""Handoffs (转人工) in the back office: inbox, transcript, claim, reply, close.

Coordinators and admins handle them. The list and the transcript refresh themselves by polling
the `rows` / `messages` fragments (admin/static/handoffs.js), so new handoffs and replies appear
without reloading.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from admin.deps import AuditDep, Editor, ReplyTextDep, SeenMessageDep, SessionDep
from admin.routing import admin_router
from admin.templating import render
from admin.transcripts import transcript_lines, transcript_table
from admin.views.exports import transcript_download
from bot.handoff.delivery import OwnerWroteMeanwhile, close_by_staff, send_staff_reply
from core import clock
from storage.conversations import list_messages
from storage.handoffs import claim_handoff, list_handoffs, transcript
from storage.models import Handoff

router = admin_router()
ENTITY = "handoff"
NOTICES = {
    "claimed": "已认领，其他同事会看到由您处理。",
    "replied": "回复已发送。",
    "held": "回复已保存：对方超过 48 小时未发消息，微信将在其下次留言时送达。",
    "closed": "人工服务已结束，助手恢复自动回复。",
}
ERRORS = {
    "claimed_by_other": "该会话已由其他同事认领。",
    "closed": "该会话已结束，不能再回复。",
    "empty": "请填写回复内容（不超过 2000 字）。",
    "new_message": "对方刚刚发来了新消息，会话未结束。请查看后再决定是否结束人工服务。",
}


def waiting_minutes(handoff: Handoff, now: datetime | None = None) -> int:
    """Minutes the owner has waited: until the first staff reply, else until now or close."""
    end = handoff.first_reply_at or handoff.closed_at or now or clock.now()
    start = handoff.created_at
    return max(0, int((end - start).total_seconds() // 60))


def waiting_label(minutes: int) -> str:
    """A short Chinese duration: 5分钟 / 2小时10分钟 / 1天3小时."""
    if minutes < 60:
        return f"{minutes}分钟"
    hours, rest = divmod(minutes, 60)
    if hours < 24:
        return f"{hours}小时{rest}分钟" if rest else f"{hours}小时"
    days, hours = divmod(hours, 24)
    return f"{days}天{hours}小时" if hours else f"{days}天"


def _rows(session: Session) -> list[dict[str, Any]]:
    now = clock.now()
    return [
        {"h": h, "waiting": waiting_label(waiting_minutes(h, now))} for h in list_handoffs(session)
    ]


def _load(session: Session, handoff_id: int) -> Handoff:
    handoff = session.get(Handoff, handoff_id)
    if handoff is None:
        raise HTTPException(status_code=404, detail="not found")
    return handoff


@router.get("/handoffs", response_class=HTMLResponse)
def handoff_list(request: Request, staff: Editor, session: SessionDep) -> HTMLResponse:
    """Open handoffs (longest waiting first) and the recently closed ones."""
    return render(request, "handoffs.html", {"rows": _rows(session)})


@router.get("/handoffs/rows", response_class=HTMLResponse)
def handoff_rows(request: Request, staff: Editor, session: SessionDep) -> HTMLResponse:
    """The list's table body alone (polled by the page)."""
    return render(request, "handoffs_rows.html", {"rows": _rows(session)})


def _detail_context(session: Session, handoff: Handoff) -> dict[str, Any]:
    messages = transcript(session, handoff=handoff)
    return {
        "h": handoff,
        "messages": transcript_lines(messages),
        "seen": max((m.id for m in messages), default=0),  # the close form says what was shown
        "waiting": waiting_label(waiting_minutes(handoff)),
    }


@router.get("/handoffs/{handoff_id}", response_class=HTMLResponse)
def handoff_detail(
    request: Request,
    handoff_id: int,
    staff: Editor,
    session: SessionDep,
    msg: str = "",
    err: str = "",
) -> HTMLResponse:
    """The whole transcript, who holds the handoff, and the reply box."""
    context = _detail_context(session, _load(session, handoff_id))
    context["notice"] = NOTICES.get(msg, "")
    context["error"] = ERRORS.get(err, "")
    return render(request, "handoffs_detail.html", context)


@router.get("/handoffs/{handoff_id}/transcript.csv")
def handoff_transcript_csv(
    handoff_id: int, staff: Editor, session: SessionDep, audit: AuditDep
) -> Response:
    """The whole conversation as CSV (presses by their labels); the export is audited."""
    handoff = _load(session, handoff_id)
    lines = transcript_lines(list_messages(session, conversation_id=handoff.conversation_id))
    after = {"layout": "transcript", "format": "csv", "count": len(lines)}
    audit(staff.username, "export", ENTITY, entity_id=handoff_id, after=after)
    rows = transcript_table(lines, mask=staff.masks_personal_data)
    return transcript_download(rows, f"人工服务对话-{handoff_id}.csv")


@router.get("/handoffs/{handoff_id}/messages", response_class=HTMLResponse)
def handoff_messages(
    request: Request, handoff_id: int, staff: Editor, session: SessionDep
) -> HTMLResponse:
    """The transcript alone (polled by the detail page)."""
    context = _detail_context(session, _load(session, handoff_id))
    return render(request, "handoffs_messages.html", context)


def _back(handoff_id: int, *, msg: str = "", err: str = "") -> RedirectResponse:
    query = f"?msg={msg}" if msg else f"?err={err}"
    return RedirectResponse(f"/admin/handoffs/{handoff_id}{query}", status_code=303)


@router.post("/handoffs/{handoff_id}/claim")
def handoff_claim(handoff_id: int, staff: Editor, session: SessionDep, audit: AuditDep) -> Response:
    """Take the handoff: the others see who has it."""
    handoff = _load(session, handoff_id)
    before = {"claimed_by": handoff.claimed_by}
    if not claim_handoff(session, handoff_id=handoff_id, actor=staff.username):
        reason = "closed" if handoff.status != "open" else "claimed_by_other"
        return _back(handoff_id, err=reason)
    after = {"claimed_by": staff.username}
    audit(staff.username, "handoff_claim", ENTITY, entity_id=handoff_id, before=before, after=after)
    return _back(handoff_id, msg="claimed")


@router.post("/handoffs/{handoff_id}/reply")
def handoff_reply(
    handoff_id: int, staff: Editor, text: ReplyTextDep, session: SessionDep, audit: AuditDep
) -> Response:
    """Send a reply to the owner on their channel (form fields `text`, `csrf_token`)."""
    handoff = _load(session, handoff_id)
    if handoff.status != "open":
        return _back(handoff_id, err="closed")
    if handoff.claimed_by not in (None, staff.username) and not staff.is_admin:
        return _back(handoff_id, err="claimed_by_other")
    try:
        delivery = send_staff_reply(session, handoff=handoff, text=text, actor=staff.username)
    except ValueError:
        return _back(handoff_id, err="empty")
    after = {
        "message_id": delivery.message_id,
        "delivery": delivery.mode,
        "chars": len(text.strip()),
    }
    audit(staff.username, "handoff_reply", ENTITY, entity_id=handoff_id, after=after)
    return _back(handoff_id, msg="held" if delivery.mode == "held" else "replied")


@router.post("/handoffs/{handoff_id}/close")
def handoff_close(
    handoff_id: int, staff: Editor, session: SessionDep, audit: AuditDep, seen: SeenMessageDep
) -> Response:
    """End the handoff (`csrf_token`, `seen`: the last message shown); the owner is told and
    the bot answers again. A message the owner sent after `seen` keeps it open, shown."""
    handoff = _load(session, handoff_id)
    try:
        closed = close_by_staff(
            session, handoff=handoff, actor=staff.username, seen_message_id=seen
        )
    except OwnerWroteMeanwhile:
        session.rollback()  # the close was written first: undo it
        return _back(handoff_id, err="new_message")
    if closed:
        audit(
            staff.username,
            "handoff_close",
            ENTITY,
            entity_id=handoff_id,
            before={"status": "open"},
            after={"status": "closed"},
        )
    return _back(handoff_id, msg="closed")
