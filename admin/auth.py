"""Staff sessions: the signed HttpOnly cookie holding a server-side session token, the staff member.

Role checks are dependencies in `admin/deps.py` (`Editor`, `AdminOnly`, ...)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from fastapi import HTTPException, Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy.orm import Session

from storage.backoffice.sessions import SESSION_HOURS, find_staff_session

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
    bank: str | None  # the linked bank's name in the list (bank officers)
    csrf: str
    bank_id: int | None = None  # the linked bank (storage.models.Bank)

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
    def scope_bank_id(self) -> int | None:
        """The listed bank a bank officer is limited to (None: sees every request).

        An officer account without a bank (left unlinked) sees nothing: id 0 matches no bank.
        """
        if self.role != "bank_officer":
            return None
        return self.bank_id if self.bank_id is not None else 0


class SessionCookie:
    """The signed session cookie `pb_admin` of one request: read, written, cleared.

    `secret` signs it (SECRET_KEY); `public_base_url` tells whether staff use HTTPS (Secure flag).
    """

    def __init__(self, request: Request, *, secret: str, public_base_url: str) -> None:
        self.request = request
        self.public_base_url = public_base_url
        self._serializer = URLSafeTimedSerializer(secret, salt="policybot-admin-session")

    def read(self) -> dict[str, Any]:
        """The session payload, or {} when missing, forged or expired."""
        raw = self.request.cookies.get(COOKIE_NAME)
        if not raw:
            return {}
        try:
            data = self._serializer.loads(raw, max_age=SESSION_MAX_AGE)
        except BadSignature:
            return {}
        return data if isinstance(data, dict) else {}

    @property
    def token(self) -> str:
        """The server-side session token ("" when anonymous)."""
        return str(self.read().get("s", ""))

    @property
    def csrf(self) -> str:
        """The CSRF token forms must carry ("" when there is no session)."""
        return str(self.read().get("c", ""))

    def is_https(self) -> bool:
        """True when the staff reach us over HTTPS (directly or per PUBLIC_BASE_URL)."""
        return self.request.url.scheme == "https" or self.public_base_url.startswith("https://")

    def write(self, response: Response, payload: dict[str, Any]) -> None:
        """Set the signed cookie (HttpOnly, SameSite=Lax, Secure under HTTPS)."""
        response.set_cookie(
            COOKIE_NAME,
            self._serializer.dumps(payload),
            max_age=SESSION_MAX_AGE,
            httponly=True,
            samesite="lax",
            secure=self.is_https(),
            path="/admin",
        )

    @staticmethod
    def clear(response: Response) -> None:
        """Drop the session cookie."""
        response.delete_cookie(COOKIE_NAME, path="/admin")


def new_session(token: str | None) -> dict[str, Any]:
    """A fresh cookie payload with a new CSRF token.

    `token` is the server-side session token (`storage.backoffice.sessions.start_staff_session`);
    None gives an anonymous payload (the login form's CSRF token only).
    """
    payload: dict[str, Any] = {"c": secrets.token_urlsafe(32)}
    if token is not None:
        payload["s"] = token
    return payload


def find_staff(session: Session, cookie: SessionCookie) -> Staff | None:
    """The staff member of the cookie's live server-side session, or None.

    The session must exist in `staff_sessions`, not be revoked or expired, and belong to an
    enabled account, so a copied cookie stops working after logout, disabling or a new password.
    """
    token = cookie.token
    if not token:
        return None
    found = find_staff_session(session, token=token)
    if found is None:
        return None
    _, user = found
    bank = user.bank.name if user.bank is not None else None
    return Staff(user.id, user.username, user.role, bank, cookie.csrf, bank_id=user.bank_id)


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


def login_redirect(request: Request) -> HTTPException:
    """A 303 to the login page that comes back to this page afterwards."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    location = "/admin/login?next=" + quote(target, safe="")
    return HTTPException(status_code=303, detail="login required", headers={"Location": location})
