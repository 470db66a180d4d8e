"""Shared route dependencies: app state accessors, client address and rate limits."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request

from core.client_address import TrustedProxies, client_address
from core.settings import Settings
from storage.db import Database
from web.metrics import RATE_LIMITED
from web.ratelimit import RateLimiter, SharedLimits, parse_rate, retry_after_header


class WebLimits:
    """The app's rate limiters (one shared storage) and trusted proxies, built from settings."""

    def __init__(self, settings: Settings) -> None:
        self.proxies = TrustedProxies(settings.csv_list(settings.trusted_proxies))
        self.storage = SharedLimits(settings.redis_url, settings.redis_key_prefix)
        self.limiters = {
            "chat": RateLimiter(parse_rate(settings.rate_limit_chat), self.storage, "chat"),
            "intake": RateLimiter(parse_rate(settings.rate_limit_intake), self.storage, "intake"),
        }


async def get_settings_dep(request: Request) -> Settings:
    """The app's settings."""
    settings: Settings = request.app.state.settings
    return settings


async def get_db(request: Request) -> Database:
    """The app's database (opened by the lifespan)."""
    db: Database = request.app.state.db
    return db


async def get_engine(request: Request) -> Any:
    """The conversation engine (opened by the lifespan)."""
    return request.app.state.engine


async def check_rate(request: Request, scope: str) -> None:
    """Count one request in the client's `scope` window; 429 with Retry-After when over."""
    limits: WebLimits = request.app.state.web_limits
    wait = await limits.limiters[scope].hit(client_address(request))
    if wait > 0:
        RATE_LIMITED.labels(scope).inc()
        raise HTTPException(
            429, "too many requests", headers={"Retry-After": retry_after_header(wait)}
        )


def rate_limited(scope: str) -> Callable[[Request], Awaitable[None]]:
    """A dependency applying `check_rate` for `scope`."""

    async def check(request: Request) -> None:
        await check_rate(request, scope)

    return check


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
DbDep = Annotated[Database, Depends(get_db)]
EngineDep = Annotated[Any, Depends(get_engine)]
