"""FastAPI application factory: database, answerer, engine and channels opened in a lifespan."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from policybot.settings import Settings, get_settings

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, *, answerer: Any = None) -> FastAPI:
    """Build the app; `answerer` may be injected (tests share one across apps)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from bot.answerer import load_answerer
        from bot.engine import Engine

        from bot.channels import telegram, wechat
        from storage.db import open_database

        db = open_database(settings)
        app.state.db = db
        app.state.answerer = answerer or load_answerer(settings)
        app.state.engine = Engine(db, app.state.answerer, settings)
        await telegram.start(app, settings)
        await wechat.start(app, settings)
        try:
            yield
        finally:
            await wechat.stop(app)
            await telegram.stop(app)
            db.dispose()

    app = FastAPI(title="policybot", version="0.1.0", lifespan=lifespan)
    app.state.settings = settings

    from admin.routes import router as admin_router
    from bot.channels.telegram import router as telegram_router
    from bot.channels.wechat import router as wechat_router
    from web.api import router as api_router
    from web.widget import router as widget_router

    app.include_router(api_router)
    app.include_router(widget_router)
    app.include_router(telegram_router)
    app.include_router(wechat_router)
    app.include_router(admin_router)
    return app
