"""Embedding policy: allowed widget origins, CSP frame-ancestors, CORS and page headers."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from core.settings import Settings

_ORIGIN = re.compile(r"^https?://[A-Za-z0-9.\-\[\]:]+$")
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'"
)


class EmbedPolicy:
    """Which origins may embed the widget (`*` = any) and the headers that enforce it."""

    def __init__(self, settings: Settings) -> None:
        items = settings.csv_list(settings.widget_allowed_origins)
        self.allow_any = "*" in items or not items
        self.origins = [o.rstrip("/") for o in items if o != "*"]
        for origin in self.origins:
            if not _ORIGIN.match(origin):
                raise ValueError(
                    f"WIDGET_ALLOWED_ORIGINS: {origin!r} is not an origin like https://qy.sm.gov.cn"
                )

    def frame_ancestors(self) -> str:
        """The CSP frame-ancestors source list."""
        if self.allow_any:
            return "*"
        return " ".join(["'self'", *self.origins])

    def widget_headers(self) -> dict[str, str]:
        """Headers of the /widget page: strict CSP that only allowed origins may frame."""
        return {
            "Content-Security-Policy": f"{PAGE_CSP}; frame-ancestors {self.frame_ancestors()}",
            "Referrer-Policy": "strict-origin-when-cross-origin",
            "X-Content-Type-Options": "nosniff",
        }

    def parent_origin(self, claimed: str, own_origin: str) -> str:
        """The embedding page's origin for postMessage, or our own origin when not allowed."""
        claimed = claimed.rstrip("/")
        if not claimed or not _ORIGIN.match(claimed):
            return own_origin
        if claimed == own_origin or self.allow_any or claimed in self.origins:
            return claimed
        return own_origin


def page_headers() -> dict[str, str]:
    """Headers of our standalone pages (status, shared answers): no framing by others."""
    return {
        "Content-Security-Policy": f"{PAGE_CSP}; frame-ancestors 'self'",
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
    }


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def add_cors(app: FastAPI, settings: Settings) -> None:
    """CORS for the API, limited to the allowed widget origins."""
    policy = EmbedPolicy(settings)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=["*"] if policy.allow_any else policy.origins,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["Content-Type", "Idempotency-Key"],
        expose_headers=["Retry-After"],
        max_age=600,
    )
