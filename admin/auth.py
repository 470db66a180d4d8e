"""Staff sessions: signed HttpOnly cookie holding a server-side session token, role checks."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from fastapi import Depends, HTTPException, Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from storage.admin_sessions import SESSION_HOURS, find_staff_session

COOKIE_NAME = "pb_admin"
SESSION_MAX_AGE = SESSION_HOURS * 3600
EDITORS = ("admin", "coordinator")
MASKED_ROLES = ("viewer",)  # see phone numbers (and credit codes in free text) masked


@dataclass(frozen=True)
class Staff:
    """The signed-in staff member as the routes see them."""

    id: int
    username: str
    role: str
    bank: str | None
    csrf: str

    @property
    def can_edit(self) -> bool:
        """Admins and coordinators run the workflow."""
        return self.role in EDITORS

    @property
    def is_admin(self) -> bool:
        """Admins manage accounts and read the audit log."""
        return self.role == "admin"

    @property
    def masks_personal_data(self) -> bool:
        """Viewers see phone numbers masked everywhere: fields, free text, exports."""
        return self.role in MASKED_ROLES

    @property
    def scope_bank(self) -> str | None:
        """The bank a bank officer is limited to (None: sees every request)."""
        return self.bank if self.role == "bank_officer" else None


def _serializer(request: Request) -> URLSafeTimedSerializer:
    secret = request.app.state.settings.session_secret
    return URLSafeTimedSerializer(secret, salt="policybot-admin-session")


def read_session(request: Request) -> dict[str, Any]:
    """The session payload, or {} when missing, forged or expired."""
    raw = request.cookies.get(COOKIE_NAME)
    if not raw:
        return {}
    try:
        data = _serializer(request).loads(raw, max_age=SESSION_MAX_AGE)
    except BadSignature:
        return {}
    return data if isinstance(data, dict) else {}


def is_https(request: Request) -> bool:
    """True when the staff reach us over HTTPS (directly or per PUBLIC_BASE_URL)."""
    public = str(request.app.state.settings.public_base_url)
    return request.url.scheme == "https" or public.startswith("https://")


def write_session(request: Request, response: Response, payload: dict[str, Any]) -> None:
    """Set the signed session cookie (HttpOnly, SameSite=Lax, Secure under HTTPS)."""
    response.set_cookie(
        COOKIE_NAME,
        _serializer(request).dumps(payload),
        max_age=SESSION_MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=is_https(request),
        path="/admin",
    )


def clear_session(response: Response) -> None:
    """Drop the session cookie."""
    response.delete_cookie(COOKIE_NAME, path="/admin")


def new_session(token: str | None) -> dict[str, Any]:
    """A fresh cookie payload with a new CSRF token.

    `token` is the server-side session token (`storage.admin_sessions.start_staff_session`);
    None gives an anonymous payload (the login form's CSRF token only).
    """
    payload: dict[str, Any] = {"c": secrets.token_urlsafe(32)}
    if token is not None:
        payload["s"] = token
    return payload


def has_live_session(request: Request) -> bool:
    """True when the cookie names a live server-side session of an enabled account."""
    token = str(read_session(request).get("s", ""))
    if not token:
        return False
    with request.app.state.db.session() as session:
        return find_staff_session(session, token=token) is not None


def expired_form_redirect(request: Request) -> str:
    """Where to send a form posted without a live session: the login page, then back.

    The way back is the page the form was on (the Referer, when it is inside the back office),
    marked `restore=1` so that admin.js fills the form in again from the browser's draft.
    """
    referer = urlsplit(request.headers.get("referer", ""))
    page = referer.path if referer.path.startswith("/admin") else "/admin"
    if page.startswith("/admin/login"):
        page = "/admin"
    query = [(k, v) for k, v in parse_qsl(referer.query) if k not in ("restore", "msg")]
    target = page + "?" + urlencode([*query, ("restore", "1")])
    return "/admin/login?" + urlencode({"next": target, "msg": "expired"})


def _login_redirect(request: Request) -> HTTPException:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    location = "/admin/login?next=" + quote(target, safe="")
    return HTTPException(status_code=303, detail="login required", headers={"Location": location})


def current_staff(request: Request) -> Staff:
    """The staff member of a live server-side session; otherwise a redirect to the login page.

    The session must exist in `staff_sessions`, not be revoked or expired, and belong to an
    enabled account, so a copied cookie stops working after logout, disabling or a new password.
    """
    token = str(read_session(request).get("s", ""))
    if not token:
        raise _login_redirect(request)
    with request.app.state.db.session() as session:
        found = find_staff_session(session, token=token)
        if found is None:
            raise _login_redirect(request)
        _, user = found
        csrf = str(read_session(request).get("c", ""))
        staff = Staff(user.id, user.username, user.role, user.bank, csrf)
    request.state.staff = staff
    return staff


def require_roles(*roles: str) -> Any:
    """A dependency admitting only these roles (403 for the others)."""

    def dependency(staff: Annotated[Staff, Depends(current_staff)]) -> Staff:
        if staff.role not in roles:
            raise HTTPException(status_code=403, detail="forbidden")
        return staff

    return dependency


AnyStaff = Annotated[Staff, Depends(current_staff)]
Editor = Annotated[Staff, Depends(require_roles(*EDITORS))]
AdminOnly = Annotated[Staff, Depends(require_roles("admin"))]
OfficeStaff = Annotated[Staff, Depends(require_roles("admin", "coordinator", "viewer"))]
