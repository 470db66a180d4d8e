"""Shared route dependencies: app state accessors, client address and rate limits."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from bot.engine import Engine
from bot.services import services
from core.settings import Settings
from storage.db import Database
from web.ratelimit import WebLimits

__all__ = ["DbDep", "EngineDep", "SettingsDep", "WebLimits", "check_rate"]


async def get_settings_dep(request: Request) -> Settings:
    """The app's settings."""
    return services(request).settings


async def get_db(request: Request) -> Database:
    """The app's database (opened by the lifespan)."""
    return services(request).db


async def get_engine(request: Request) -> Engine:
    """The conversation engine (opened by the lifespan)."""
    return services(request).engine


async def check_rate(request: Request, session_id: str | None = None) -> None:
    """Count one API request per client address and per session; 429 with Retry-After."""
    await services(request).web_limits.check(request, session_id)


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
DbDep = Annotated[Database, Depends(get_db)]
EngineDep = Annotated[Engine, Depends(get_engine)]
