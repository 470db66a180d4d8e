"""Shared route dependencies: app state accessors, client address and rate limits."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request

from core.settings import Settings
from storage.db import Database
from web.ratelimit import WebLimits

__all__ = ["DbDep", "EngineDep", "SettingsDep", "WebLimits", "check_rate"]


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


async def check_rate(request: Request, session_id: str | None = None) -> None:
    """Count one API request per client address and per session; 429 with Retry-After."""
    limits: WebLimits = request.app.state.web_limits
    await limits.check(request, session_id)


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
DbDep = Annotated[Database, Depends(get_db)]
EngineDep = Annotated[Any, Depends(get_engine)]
