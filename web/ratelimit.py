"""The web API's limits: requests per widget session and per client address, stored financing
requests per session (429 with Retry-After).

Owners behind one NAT share an address but not a session: the per-session limit is what one
person meets, the per-address limit (higher) stops one client rotating session ids. Only ids
the server issued (web/session_ids.py) are counted per session; any other id counts for its
address alone (an invented id is no bucket of its own, nor a way into another's). The
address is the peer's, or X-Forwarded-For's when the peer is one of TRUSTED_PROXIES. Questions
are limited per conversation in every channel by the engine (`bot.conversation.limits`), not
here: form steps, button taps, 进度 and feedback never count as questions.
"""

from __future__ import annotations

import hashlib

from fastapi import HTTPException, Request

from core.client_address import TrustedProxies, client_address
from core.ratelimit import (
    RATE_LIMITED,
    Rate,
    RateLimiter,
    SharedLimits,
    parse_rate,
    retry_after_header,
)
from core.settings import Settings
from web.session_ids import session_id_issued

__all__ = [
    "Rate",
    "RateLimiter",
    "SharedLimits",
    "TrustedProxies",
    "WebLimits",
    "limit_key",
    "parse_rate",
    "retry_after_header",
]


def limit_key(kind: str, value: str) -> str:
    """The storage key of a session id or an address (hashed: neither is stored as such)."""
    return kind + ":" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:24]


def too_many(scope: str, wait: float) -> HTTPException:
    """The 429 refusal with Retry-After (counted per scope)."""
    RATE_LIMITED.labels(scope).inc()
    headers = {"Retry-After": retry_after_header(wait)}
    return HTTPException(429, "请求过于频繁，请稍后再试", headers=headers)


class WebLimits:
    """The web API's limiters over one shared storage, and the trusted proxies (from settings)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.proxies = TrustedProxies(settings.csv_list(settings.trusted_proxies))
        self.storage = SharedLimits(settings.redis_url, settings.redis_key_prefix)
        self.session = RateLimiter(parse_rate(settings.rate_limit_session), self.storage, "session")
        self.address = RateLimiter(parse_rate(settings.rate_limit_address), self.storage, "address")
        self.intake = RateLimiter(parse_rate(settings.rate_limit_intake), self.storage, "intake")

    def _issued(self, session_id: str | None) -> str | None:
        """`session_id` when the server issued it, else None (counted by address only)."""
        return session_id if session_id_issued(self.settings.session_secret, session_id) else None

    async def check(self, request: Request, session_id: str | None) -> None:
        """Count one API request for its client address and its session; 429 when over."""
        session_id = self._issued(session_id)
        wait = await self.address.hit(limit_key("address", client_address(request)))
        if wait > 0:
            raise too_many("address", wait)
        if session_id:
            wait = await self.session.hit(limit_key("session", session_id))
            if wait > 0:
                raise too_many("session", wait)

    def _intake_key(self, request: Request, session_id: str | None) -> str:
        session_id = self._issued(session_id)
        if session_id:
            return limit_key("session", session_id)
        return limit_key("address", client_address(request))

    async def check_intake(self, request: Request, session_id: str | None) -> None:
        """429 when this session (else address) stored RATE_LIMIT_INTAKE requests already."""
        wait = await self.intake.wait(self._intake_key(request, session_id))
        if wait > 0:
            raise too_many("intake", wait)

    async def count_intake(self, request: Request, session_id: str | None) -> None:
        """Count one newly stored request (a replay or a refused form does not count)."""
        await self.intake.hit(self._intake_key(request, session_id))
