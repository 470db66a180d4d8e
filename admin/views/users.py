"""Staff accounts managed by admins on the web (the CLI offers the same)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from admin.audit_helpers import Auditor
from admin.auth import Staff
from admin.deps import AdminOnly, AuditDep, SessionDep, UserFormDep
from admin.forms import UserForm
from admin.routing import admin_router
from admin.templating import render
from admin.workflow import parse_bank_id
from storage.backoffice.sessions import count_open_sessions
from storage.banks import list_banks
from storage.staff import (
    StaffError,
    create_staff_user,
    end_staff_sessions,
    get_staff_user,
    list_staff_users,
    set_staff_bank,
    set_staff_disabled,
    set_staff_password,
)

router = admin_router()


def _page(
    request: Request, session: Session, error: str = "", status_code: int = 200
) -> HTMLResponse:
    users = list_staff_users(session)
    sessions = count_open_sessions(session)
    banks = list_banks(session, active_only=True)
    context = {"users": users, "sessions": sessions, "banks": banks, "error": error}
    return render(request, "users.html", context, status_code)


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, staff: AdminOnly, session: SessionDep) -> HTMLResponse:
    """Every account with its role, bank and state."""
    return _page(request, session)


def _apply(session: Session, audit: Auditor, staff: Staff, form: UserForm) -> None:
    """Run one account action and audit it; StaffError when refused."""
    actor, username = staff.username, form.username
    if form.action == "add":
        user = create_staff_user(
            session,
            username=username,
            role=form.role,
            password=form.password,
            bank_id=parse_bank_id(form.bank),
        )
        bank = user.bank.name if user.bank else None
        after = {"username": user.username, "role": user.role, "bank": bank}
        audit(actor, "user_add", "staff", entity_id=user.id, after=after)
    elif form.action == "bank":
        before_bank = get_staff_user(session, username=username)
        old = before_bank.bank.name if before_bank and before_bank.bank else None
        user = set_staff_bank(session, username=username, bank_id=parse_bank_id(form.bank))
        new = user.bank.name if user.bank else None
        audit(
            actor,
            "user_update",
            "staff",
            entity_id=user.id,
            before={"bank": old},
            after={"bank": new},
        )
    elif form.action == "passwd":
        user = set_staff_password(session, username=username, password=form.password)
        audit(actor, "user_update", "staff", entity_id=user.id, after={"password": "changed"})
    elif form.action in ("disable", "enable"):
        if username == staff.username:
            raise StaffError("不能停用自己的账号")
        user = set_staff_disabled(session, username=username, disabled=form.action == "disable")
        audit(
            actor,
            "user_update",
            "staff",
            entity_id=user.id,
            before={"disabled": not user.disabled},
            after={"disabled": user.disabled},
        )
    elif form.action == "end_sessions":
        user, ended = end_staff_sessions(session, username=username)
        ended_after: dict[str, object] = {"username": user.username, "ended": ended}
        audit(actor, "sessions_end", "staff", entity_id=user.id, after=ended_after)
    else:
        raise StaffError("未知操作")


@router.post("/users")
def user_save(
    request: Request, staff: AdminOnly, form: UserFormDep, session: SessionDep, audit: AuditDep
) -> Response:
    """Create an account, link an officer to another bank, reset a password, disable / enable
    an account or end its sessions."""
    try:
        _apply(session, audit, staff, form)
    except StaffError as exc:
        session.rollback()
        return _page(request, session, error=str(exc), status_code=400)
    notice = "sessions_ended" if form.action == "end_sessions" else "user_saved"
    return RedirectResponse(f"/admin/users?msg={notice}", status_code=303)
