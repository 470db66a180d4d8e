"""Login, logout and the console's home."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from admin.auth import new_session
from admin.deps import AnyStaff, AuditDep, ClientIp, CookieDep, LoginThrottleDep, SessionDep
from admin.routing import admin_router
from admin.templating import render
from storage.backoffice.sessions import revoke_staff_session, start_staff_session
from storage.staff import LOCK_MINUTES, LoginResult, authenticate_staff

router = admin_router()

LOGIN_ERRORS = {
    "too_many": "登录尝试过于频繁，请 15 分钟后再试。",
    "bad_credentials": "用户名或密码错误。",
    "locked": f"连续登录失败次数过多，账号已锁定 {LOCK_MINUTES} 分钟，请稍后再试或联系管理员。",
    "disabled": "该账号已停用，请联系管理员。",
}


def _safe_next(target: str) -> str:
    """Only redirect inside the back office."""
    if target.startswith("/admin") and not target.startswith("//"):
        return target
    return "/admin"


@router.get("/login")
def login_page(request: Request, cookie: CookieDep, next: str = "/admin") -> Response:
    """The login form; an anonymous session carries its CSRF token."""
    payload = cookie.read()
    if not payload.get("c") or payload.get("s"):
        payload = new_session(None)
    response = render(request, "login.html", {"csrf_token": payload["c"], "next": next})
    cookie.write(response, payload)
    return response


@router.post("/login")
def login(
    request: Request,
    cookie: CookieDep,
    throttle: LoginThrottleDep,
    session: SessionDep,
    audit: AuditDep,
    ip: ClientIp,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/admin",
) -> Response:
    """Check the credentials (with lock-out) and start a fresh session."""
    if throttle.blocked(ip):
        result = LoginResult(None, "too_many")
    else:
        result = authenticate_staff(session, username=username, password=password)
    user = result.user
    if user is None:
        throttle.failed(ip)
        detail = {"username": username[:64], "reason": result.reason}
        audit(username[:64] or "-", "login_failed", "staff", after=detail)
        context = {"csrf_token": cookie.csrf, "next": next, "error": LOGIN_ERRORS[result.reason]}
        code = 429 if result.reason == "too_many" else 401
        return render(request, "login.html", context, status_code=code)
    audit(user.username, "login", "staff", entity_id=user.id)
    payload = new_session(start_staff_session(session, user=user, ip=ip))
    response = RedirectResponse(_safe_next(next), status_code=303)
    cookie.write(response, payload)
    return response


@router.post("/logout")
def logout(staff: AnyStaff, cookie: CookieDep, session: SessionDep, audit: AuditDep) -> Response:
    """End the session on the server (a copy of the cookie stops working) and drop the cookie."""
    revoke_staff_session(session, token=cookie.token)
    audit(staff.username, "logout", "staff", entity_id=staff.id)
    response = RedirectResponse("/admin/login?msg=logged_out", status_code=303)
    cookie.clear(response)
    return response
