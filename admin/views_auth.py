"""Login, logout and the console's home."""

from __future__ import annotations

from typing import Annotated

from fastapi import Form, Request
from fastapi.responses import RedirectResponse, Response

from admin.audit_helpers import audit, client_ip
from admin.auth import AnyStaff, clear_session, new_session, read_session, write_session
from admin.routing import admin_router
from admin.templating import render
from storage.admin_sessions import revoke_staff_session, start_staff_session
from storage.staff import LOCK_MINUTES, LoginResult, authenticate_staff
from web.ratelimit import Rate, RateLimiter, SharedLimits

router = admin_router()

IP_MAX_FAILURES = 20  # per client address and window, whatever the usernames tried
IP_WINDOW_S = 15 * 60
LOGIN_ERRORS = {
    "too_many": "登录尝试过于频繁，请 15 分钟后再试。",
    "bad_credentials": "用户名或密码错误。",
    "locked": f"连续登录失败次数过多，账号已锁定 {LOCK_MINUTES} 分钟，请稍后再试或联系管理员。",
    "disabled": "该账号已停用，请联系管理员。",
}


class LoginThrottle:
    """Failed logins per client address in a moving window (guards against password spraying).

    Counted in the app's shared limit storage: Redis when REDIS_URL is set, so every instance
    sees the same failures; fails open (with a warning) when Redis is unreachable.
    """

    def __init__(self, storage: SharedLimits | None = None) -> None:
        self.limiter = RateLimiter(Rate(IP_MAX_FAILURES, IP_WINDOW_S), storage, "admin_login")

    def blocked(self, ip: str) -> bool:
        """True when this address failed too often recently."""
        return self.limiter.exhausted_sync(ip)

    def failed(self, ip: str) -> None:
        """Count one failure."""
        self.limiter.hit_sync(ip)


def _throttle(request: Request) -> LoginThrottle:
    state = request.app.state
    if not hasattr(state, "admin_login_throttle"):
        web_limits = getattr(state, "web_limits", None)
        state.admin_login_throttle = LoginThrottle(getattr(web_limits, "storage", None))
    throttle: LoginThrottle = state.admin_login_throttle
    return throttle


def _safe_next(target: str) -> str:
    """Only redirect inside the back office."""
    if target.startswith("/admin") and not target.startswith("//"):
        return target
    return "/admin"


@router.get("/login")
def login_page(request: Request, next: str = "/admin") -> Response:
    """The login form; an anonymous session carries its CSRF token."""
    payload = read_session(request)
    if not payload.get("c") or payload.get("s"):
        payload = new_session(None)
    response = render(request, "login.html", {"csrf_token": payload["c"], "next": next})
    write_session(request, response, payload)
    return response


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/admin",
) -> Response:
    """Check the credentials (with lock-out) and start a fresh session."""
    db = request.app.state.db
    ip = client_ip(request)
    throttle = _throttle(request)
    with db.session() as session:
        if throttle.blocked(ip):
            result = LoginResult(None, "too_many")
        else:
            result = authenticate_staff(session, username=username, password=password)
        user = result.user
        if user is None:
            throttle.failed(ip)
            detail = {"username": username[:64], "reason": result.reason}
            audit(session, request, username[:64] or "-", "login_failed", "staff", after=detail)
        else:
            audit(session, request, user.username, "login", "staff", entity_id=user.id)
            payload = new_session(start_staff_session(session, user=user, ip=ip))
    if user is None:
        csrf = str(read_session(request).get("c", ""))
        context = {"csrf_token": csrf, "next": next, "error": LOGIN_ERRORS[result.reason]}
        code = 429 if result.reason == "too_many" else 401
        return render(request, "login.html", context, status_code=code)
    response = RedirectResponse(_safe_next(next), status_code=303)
    write_session(request, response, payload)
    return response


@router.post("/logout")
def logout(request: Request, staff: AnyStaff) -> Response:
    """End the session on the server (a copy of the cookie stops working) and drop the cookie."""
    token = str(read_session(request).get("s", ""))
    with request.app.state.db.session() as session:
        revoke_staff_session(session, token=token)
        audit(session, request, staff.username, "logout", "staff", entity_id=staff.id)
    response = RedirectResponse("/admin/login?msg=logged_out", status_code=303)
    clear_session(response)
    return response
