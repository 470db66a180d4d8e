"""FastAPI application factory: database, answerer, engine and channels opened in a lifespan."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.answer_source import AnswerSource
from bot.catalog import BOT_NAME
from bot.services import Services, attach_services, services_of
from core.heap import freeze_start_heap
from core.settings import Settings, get_settings
from knowledge.published import BASE_VERSION

log = logging.getLogger(__name__)
LLM_START_WAIT_S = 3.5  # the first LLM check is bounded at 3 s; readiness then tells its result

API_DESCRIPTION = f"""
{BOT_NAME} HTTP API.

* `POST /api/chat`, `POST /api/chat/stream` (Server-Sent Events): the conversation engine,
  channel `web`; a button press is sent as `text` = the button's value.
* `POST /api/intake` (融资需求登记, idempotent with `Idempotency-Key`), `GET /api/intake/{{ref}}`;
  `GET /api/catalog`: the greeting, names and topics every channel shows.
* Limits: per-client rate limits (`429` + `Retry-After`), body size cap (`413`).
"""


async def wait_for_llm(answerer: AnswerSource) -> None:
    """Let the first LLM availability check finish (at most LLM_START_WAIT_S) when in LLM mode."""
    availability = getattr(getattr(answerer, "llm", None), "availability", None)
    wait = getattr(availability, "wait_first_check", None)
    if callable(wait):
        from starlette.concurrency import run_in_threadpool

        await run_in_threadpool(wait, LLM_START_WAIT_S)


def create_app(
    settings: Settings | None = None, *, answerer: AnswerSource | None = None
) -> FastAPI:
    """Build the app; `answerer` may be injected (tests share one across apps)."""
    settings = settings or get_settings()
    from core.masking import install_record_masking

    install_record_masking()  # also when served by `uvicorn server:app`: no openid in any log
    from core.masking import register_secret

    register_secret(settings.metrics_token)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from starlette.concurrency import run_in_threadpool

        from admin.index_sync import load_published, start_watcher, stop_watcher
        from bot.channels.telegram import channel as telegram
        from bot.channels.wechat import channel as wechat
        from bot.engine import Engine
        from bot.subscriptions.watch import start_expiry_watch, stop_expiry_watch
        from storage.banks import seed_bank_list
        from storage.db import open_database
        from web.answer_cache import CachedAnswerer
        from web.warm import should_warm, warm_answers

        shared = services_of(app)
        db = open_database(settings)
        shared.db = db
        seed_bank_list(db, settings)  # ADMIN_BANKS not yet in the managed bank list
        # The newest index published to the database (by any instance), else the local one.
        served, shared.index_version = answerer, BASE_VERSION
        if served is None:
            shared.index_version, served, folder = load_published(settings, db)
            if folder is not None:
                shared.admin_index_dir = folder
        # LLM mode never holds start-up: its client was built (or not) with the answerer and its
        # server is checked in the background; wait for that check only up to a bound.
        await wait_for_llm(served)
        # Popular questions are answered once per index (the engine's hot path stays lean).
        shared.answerer = CachedAnswerer(served)
        shared.engine = Engine(db, shared.answerer, settings)
        start_watcher(app, settings.index_poll_s)
        start_expiry_watch(app, settings.subscription_check_s)
        await telegram.start(app, settings)
        await wechat.start(app, settings)
        if should_warm(served, injected=answerer is not None):
            await run_in_threadpool(warm_answers, served)  # first answers built now (web.warm)
        freeze_start_heap()  # full collections no longer walk the index and models (core.heap)
        try:
            yield
        finally:
            await stop_watcher(app)
            await stop_expiry_watch(app)
            await wechat.stop(app)
            await telegram.stop(app)
            db.dispose()

    # Swagger UI and ReDoc served from the package (the product works offline, no CDN).
    app = FastAPIOffline(
        title="policybot",
        version="0.1.0",
        description=API_DESCRIPTION,
        lifespan=lifespan,
    )

    from admin.routes import router as admin_router
    from bot.channels.telegram.channel import router as telegram_router
    from bot.channels.wechat.channel import router as wechat_router
    from web.api import router as api_router
    from web.body_caps import BodyCaps
    from web.check_api import api_router as check_api_router
    from web.check_api import router as check_router
    from web.deps import WebLimits
    from web.errors import validation_error_handler
    from web.health import router as health_router
    from web.http_errors import http_error_handler
    from web.inbox import router as inbox_router
    from web.intake_api import router as intake_router
    from web.middleware import BodyLimitMiddleware, MetricsMiddleware
    from web.pages import router as pages_router
    from web.security import add_cors
    from web.sessions import router as sessions_router
    from web.templating import STATIC_DIR
    from web.widget import router as widget_router

    attach_services(app, Services(settings)).web_limits = WebLimits(settings)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.include_router(api_router)
    app.include_router(check_api_router)
    app.include_router(check_router)
    app.include_router(inbox_router)
    app.include_router(intake_router)
    app.include_router(sessions_router)
    app.include_router(health_router)
    app.include_router(pages_router)
    app.include_router(widget_router)
    app.include_router(telegram_router)
    app.include_router(wechat_router)
    app.include_router(admin_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    # Added inner to outer: the body cap runs closest to the routes, metrics see everything.
    app.add_middleware(BodyLimitMiddleware, caps=BodyCaps.from_settings(settings))
    add_cors(app, settings)
    app.add_middleware(MetricsMiddleware)
    return app
