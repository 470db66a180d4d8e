"""CSRF protection: every POST must carry the session's token in the `csrf_token` field."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request

from admin.deps import session_cookie

FIELD = "csrf_token"


async def verify_csrf(request: Request) -> None:
    """Raise 403 unless the form's token equals the one in the signed session cookie."""
    expected = session_cookie(request).csrf
    form = await request.form()
    sent = form.get(FIELD)
    if not expected or not isinstance(sent, str) or not hmac.compare_digest(sent, expected):
        raise HTTPException(status_code=403, detail="csrf token missing or invalid")
