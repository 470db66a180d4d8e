"""Telegram channel: webhook route and lifespan start/stop (webhook or long-polling mode)."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Request, Response
from telegram import Update

from bot.channels.telegram_app import ALLOWED_UPDATES, bot_commands, build_application
from bot.channels.telegram_outbox import run_outbox

log = logging.getLogger(__name__)

router = APIRouter()


@dataclass
class TelegramChannel:
    """The running PTB application, its mode and the outbox task."""

    application: Any
    polling: bool
    webhook_secret: str
    outbox: asyncio.Task[None] | None = None


def secret_matches(given: str | None, expected: str) -> bool:
    """Constant-time comparison of the webhook secret header."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


@router.post("/telegram/webhook", include_in_schema=False)
async def telegram_webhook(
    request: Request,
    secret: Annotated[str | None, Header(alias="X-Telegram-Bot-Api-Secret-Token")] = None,
) -> Response:
    """Queue one update from Telegram after checking the secret token."""
    channel: TelegramChannel | None = getattr(request.app.state, "telegram", None)
    if channel is None:
        settings = getattr(request.app.state, "settings", None)
        if settings is not None and settings.telegram_bot_token:
            raise HTTPException(status_code=503, detail="telegram unavailable")
        raise HTTPException(status_code=404, detail="telegram not configured")
    if channel.polling:
        raise HTTPException(status_code=503, detail="telegram webhook disabled")
    if not secret_matches(secret, channel.webhook_secret):
        raise HTTPException(status_code=403, detail="forbidden")
    try:
        payload = await request.json()
        update = Update.de_json(payload, channel.application.bot)
    except (ValueError, TypeError, KeyError) as exc:
        raise HTTPException(status_code=400, detail="invalid update") from exc
    await channel.application.update_queue.put(update)
    return Response(status_code=200)


async def launch(settings: Any, *, engine: Any, db: Any, polling: bool) -> TelegramChannel:
    """Build and start the application, taking updates by long polling or from the route."""
    application = build_application(settings, engine=engine, db=db, polling=polling)
    await application.initialize()
    try:
        await application.bot.set_my_commands(bot_commands())
        if application.updater is not None:
            await application.updater.start_polling(
                allowed_updates=ALLOWED_UPDATES, drop_pending_updates=False
            )
        await application.start()
    except BaseException:
        await application.shutdown()
        raise
    channel = TelegramChannel(application, polling, settings.telegram_webhook_secret)
    channel.outbox = asyncio.create_task(
        run_outbox(application.bot, db, settings.telegram_outbox_interval_s),
        name="telegram-outbox",
    )
    mode = "polling" if polling else "webhook"
    log.info("telegram bot @%s started (%s)", application.bot.username, mode)
    return channel


async def shutdown(channel: TelegramChannel) -> None:
    """Stop the outbox, the polling, and the application, in that order."""
    if channel.outbox is not None:
        channel.outbox.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await channel.outbox
    application = channel.application
    if application.updater is not None and application.updater.running:
        await application.updater.stop()
    if application.running:
        await application.stop()
    await application.shutdown()


async def start(app: Any, settings: Any) -> None:
    """Start the bot when TELEGRAM_BOT_TOKEN is set; the web app keeps running if it fails."""
    app.state.telegram = None
    if not settings.telegram_bot_token:
        return
    try:
        app.state.telegram = await launch(
            settings,
            engine=app.state.engine,
            db=app.state.db,
            polling=not settings.telegram_webhook_secret,
        )
    except Exception:
        log.exception("telegram bot could not start; the other channels keep running")


async def stop(app: Any) -> None:
    """Stop the bot if it runs."""
    channel: TelegramChannel | None = getattr(app.state, "telegram", None)
    app.state.telegram = None
    if channel is not None:
        await shutdown(channel)
