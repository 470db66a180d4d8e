"""Staff accounts managed by admins on the web (the CLI offers the same)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from admin.audit_helpers import audit
from admin.auth import AdminOnly
from admin.routing import admin_router
from admin.templating import render
from storage.admin_sessions import count_open_sessions
from storage.staff import (
    StaffError,
    create_staff_user,
    end_staff_sessions,
    list_staff_users,
    set_staff_disabled,
    set_staff_password,
)

router = admin_router()


def _page(request: Request, error: str = "", status_code: int = 200) -> HTMLResponse:
    with request.app.state.db.session() as session:
        users = list_staff_users(session)
        sessions = count_open_sessions(session)
    context = {"users": users, "sessions": sessions, "error": error}
    return render(request, "users.html", context, status_code)


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, staff: AdminOnly) -> HTMLResponse:
    """Every account with its role, bank and state."""
    return _page(request)


@router.post("/users")
async def user_save(request: Request, staff: AdminOnly) -> Response:
    """Create an account, reset a password, disable / enable an account or end its sessions."""
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    action = form.get("action", "")
    username = form.get("username", "").strip()
    try:
        with request.app.state.db.session() as session:
            if action == "add":
                user = create_staff_user(
                    session,
                    username=username,
                    role=form.get("role", ""),
                    password=form.get("password", ""),
                    bank=form.get("bank"),
                )
                after = {"username": user.username, "role": user.role, "bank": user.bank}
                audit(
                    session,
                    request,
                    staff.username,
                    "user_add",
                    "staff",
                    entity_id=user.id,
                    after=after,
                )
            elif action == "passwd":
                user = set_staff_password(
                    session, username=username, password=form.get("password", "")
                )
                audit(
                    session,
                    request,
                    staff.username,
                    "user_update",
                    "staff",
                    entity_id=user.id,
                    after={"password": "changed"},
                )
            elif action in ("disable", "enable"):
                if username == staff.username:
                    raise StaffError("不能停用自己的账号")
                user = set_staff_disabled(session, username=username, disabled=action == "disable")
                audit(
                    session,
                    request,
                    staff.username,
                    "user_update",
                    "staff",
                    entity_id=user.id,
                    before={"disabled": not user.disabled},
                    after={"disabled": user.disabled},
                )
            elif action == "end_sessions":
                user, ended = end_staff_sessions(session, username=username)
                audit(
                    session,
                    request,
                    staff.username,
                    "sessions_end",
                    "staff",
                    entity_id=user.id,
                    after={"username": user.username, "ended": ended},
                )
            else:
                raise StaffError("未知操作")
    except StaffError as exc:
        return _page(request, error=str(exc), status_code=400)
    notice = "sessions_ended" if action == "end_sessions" else "user_saved"
    return RedirectResponse(f"/admin/users?msg={notice}", status_code=303)
