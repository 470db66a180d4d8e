"""Telegram channel in the FastAPI app: the webhook route and the lifespan start/stop."""

# Mode: with TELEGRAM_WEBHOOK_SECRET set, updates arrive on POST /telegram/webhook (register it
# with `policybot telegram set-webhook URL`; any number of workers). Without it, the server polls
# Telegram in the background (no public URL needed); with several workers or instances only the
# one holding the polling lock polls (see polling_lock.py), and another takes over when it dies.

from __future__ import annotations

import asyncio
import contextlib
import hmac
import itertools
import logging
from typing import Annotated, Any

from fastapi import APIRouter, Header, HTTPException, Request, Response
from starlette.applications import Starlette
from telegram import Update
from telegram.error import InvalidToken

from bot.channels.telegram.app import TelegramChannel, is_network_fault, launch, shutdown
from bot.channels.telegram.ordering import LATE_TEXT, OrderedDelivery
from bot.channels.telegram.polling_lock import supervise, take_polling_lock
from bot.channels.telegram.updates import first_delivery
from bot.services import services, services_of
from core.settings import Settings

log = logging.getLogger(__name__)

router = APIRouter()
# Telegram unreachable at startup: try again after these many seconds, then every last one.
START_RETRY_S = (5.0, 15.0, 60.0, 300.0)


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
    channel: TelegramChannel | None = services(request).telegram
    if channel is None:
        settings = services(request).settings
        if settings is not None and settings.telegram_bot_token:
            raise HTTPException(status_code=503, detail="telegram unavailable")
        raise HTTPException(status_code=404, detail="telegram not configured")
    if channel.polling:
        raise HTTPException(status_code=503, detail="telegram webhook disabled")
    if not secret_matches(secret, channel.webhook_secret):
        raise HTTPException(status_code=403, detail="forbidden")
    try:
        payload = await request.json()
        if not isinstance(payload, dict) or not isinstance(payload.get("update_id"), int):
            raise ValueError("not an update")
        update = Update.de_json(payload, channel.application.bot)
    except Exception as exc:  # untrusted JSON: any parsing failure is the sender's error
        raise HTTPException(status_code=400, detail="invalid update") from exc
    bot_id = channel.application.bot.id
    if not await asyncio.to_thread(first_delivery, services(request).db, bot_id, update.update_id):
        return Response(status_code=200)  # a redelivery another request already queued
    chat = update.effective_chat
    if chat is None:
        await channel.application.update_queue.put(update)
        return Response(status_code=200)
    # One chat's updates are applied in update_id order across instances (ordering.py).
    ordered = ordered_delivery(request.app, channel)
    task = asyncio.create_task(ordered.deliver(chat.id, update.update_id, payload))
    tasks = services(request).telegram_tasks
    tasks.add(task)
    task.add_done_callback(tasks.discard)
    return Response(status_code=200)


def ordered_delivery(app: Starlette, channel: TelegramChannel) -> OrderedDelivery:
    """The app's per-chat sequencer for this bot (created on first use)."""
    bot = channel.application.bot
    ordered: OrderedDelivery | None = services_of(app).telegram_ordering
    if ordered is None or ordered.bot_id != bot.id:

        async def apply(body: dict[str, Any]) -> None:
            await channel.application.process_update(Update.de_json(body, bot))

        async def notify_late(chat_id: int) -> None:
            with contextlib.suppress(Exception):
                await bot.send_message(chat_id=chat_id, text=LATE_TEXT)

        ordered = OrderedDelivery(services_of(app).db, bot.id, apply, notify_late)
        services_of(app).telegram_ordering = ordered
    return ordered


async def _try_launch(app: Starlette, settings: Settings) -> bool:
    """One start attempt; True when done (started, or the token is rejected for good)."""
    polling = not settings.telegram_webhook_secret
    if polling and services_of(app).telegram_lock is None:
        services_of(app).telegram_lock = await asyncio.to_thread(
            take_polling_lock, services_of(app).db, settings.data_dir
        )
        if services_of(app).telegram_lock is None:
            log.info("another process polls Telegram; this one stands by to take over")
            _supervise(app, settings)
            return True
    try:
        services_of(app).telegram = await launch(
            settings, engine=services_of(app).engine, db=services_of(app).db, polling=polling
        )
    except InvalidToken:
        log.error("TELEGRAM_BOT_TOKEN was rejected by Telegram; the bot stays off")
        return True
    except Exception as exc:
        if is_network_fault(exc):  # expected while Telegram is unreachable: one line
            log.warning(
                "telegram bot could not start (%s: %s); will retry", type(exc).__name__, exc
            )
        else:
            log.warning("telegram bot could not start; will retry", exc_info=exc)
        return False
    if polling:
        _supervise(app, settings)
    return True


def _supervise(app: Starlette, settings: Settings) -> None:
    """Watch the polling lock (take over when free, stop when lost), once per app."""
    if services_of(app).telegram_supervisor is not None:
        return

    async def stop_polling() -> None:
        channel: TelegramChannel | None = services_of(app).telegram
        services_of(app).telegram = None
        if channel is not None:
            await shutdown(channel)

    services_of(app).telegram_supervisor = asyncio.create_task(
        supervise(app, settings, lambda: _try_launch(app, settings), stop_polling),
        name="telegram-polling-lock",
    )


async def _keep_trying(app: Starlette, settings: Settings) -> None:
    """Retry the start in the background until it succeeds or the app stops."""
    for delay in itertools.chain(START_RETRY_S, itertools.repeat(START_RETRY_S[-1])):
        await asyncio.sleep(delay)
        if await _try_launch(app, settings):
            return


async def start(app: Starlette, settings: Settings) -> None:
    """Start the bot when TELEGRAM_BOT_TOKEN is set; the web app keeps running if it fails."""
    services_of(app).telegram = None
    services_of(app).telegram_starter = None
    services_of(app).telegram_lock = None
    services_of(app).telegram_supervisor = None
    if not settings.telegram_bot_token:
        return
    if not await _try_launch(app, settings):
        services_of(app).telegram_starter = asyncio.create_task(
            _keep_trying(app, settings), name="telegram-start-retry"
        )


async def stop(app: Starlette) -> None:
    """Stop the start retries and the bot if it runs."""
    shared = services_of(app)
    for name in ("telegram_starter", "telegram_supervisor"):  # read after each await
        task: asyncio.Task[None] | None = getattr(shared, name)
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    channel: TelegramChannel | None = services_of(app).telegram
    services_of(app).telegram = None
    if channel is not None:
        await shutdown(channel)
    lock = services_of(app).telegram_lock
    if lock is not None:
        lock.release()  # releases the polling lock
        services_of(app).telegram_lock = None
