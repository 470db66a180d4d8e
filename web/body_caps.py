"""Request body caps of every route, chosen by path (the ASGI middleware enforces them).

| path | setting | default |
|---|---|---|
| `/admin/login` (unauthenticated) | `MAX_LOGIN_BODY_BYTES` | 4 KiB |
| `/admin/knowledge/upload`, `/admin/whitelist/import` | `MAX_UPLOAD_BODY_BYTES` | 12 MiB |
| other `/admin/...` forms | `MAX_FORM_BODY_BYTES` | 256 KiB |
| everything else: `/api/...` JSON, webhooks, pages | `MAX_BODY_BYTES` | 64 KiB |

The upload cap lies above the routes' own file limits (10 MB documents, 5 MB imports) plus the
multipart envelope, so a file just over a route's limit still gets that route's Chinese message.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.settings import Settings

LOGIN_PATH = "/admin/login"
UPLOAD_PATHS = frozenset({"/admin/knowledge/upload", "/admin/whitelist/import"})
ADMIN_PREFIX = "/admin"


@dataclass(frozen=True)
class BodyCaps:
    """Body limits in bytes by kind of route."""

    default: int
    login: int
    form: int
    upload: int

    @classmethod
    def from_settings(cls, settings: Settings) -> BodyCaps:
        """The caps configured by MAX_BODY_BYTES and MAX_{LOGIN,FORM,UPLOAD}_BODY_BYTES."""
        return cls(
            default=settings.max_body_bytes,
            login=settings.max_login_body_bytes,
            form=settings.max_form_body_bytes,
            upload=settings.max_upload_body_bytes,
        )

    def limit_for(self, path: str) -> int:
        """The cap of a request path (trailing slashes ignored)."""
        path = path.rstrip("/") or "/"
        if path == LOGIN_PATH:
            return self.login
        if path in UPLOAD_PATHS:
            return self.upload
        if path == ADMIN_PREFIX or path.startswith(ADMIN_PREFIX + "/"):
            return self.form
        return self.default
