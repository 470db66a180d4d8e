"""The python-telegram-bot Application: build (rate limiter, ordering, handlers), run, stop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any

from anyio import CapacityLimiter
from telegram import BotCommand, Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.channels.telegram.buttons import ButtonStore
from bot.channels.telegram.commands import COMMANDS
from bot.channels.telegram.handlers import (
    on_button,
    on_command,
    on_edited,
    on_error,
    on_group,
    on_text,
    on_unsupported,
)
from bot.channels.telegram.outbox import run_outbox
from bot.channels.telegram.turns import BotContext
from bot.engine import Engine
from core.masking import register_secret
from core.settings import Settings
from storage.db import Database

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
MAX_CONCURRENT_UPDATES = 16
SQLITE_ENGINE_THREADS = 4
RATE_LIMIT_RETRIES = 3  # RetryAfter: wait the time Telegram asks for, then resend (up to 3x)


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Process different chats concurrently but each chat's updates strictly in order."""

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: Counter[int] = Counter()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Await the update's handlers under its chat's lock."""
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        self._users[chat.id] += 1
        try:
            async with lock:
                await coroutine
        finally:
            self._users[chat.id] -= 1
            if self._users[chat.id] <= 0:
                del self._users[chat.id]
                self._locks.pop(chat.id, None)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""


def build_application(
    settings: Settings, *, engine: Engine, db: Database, polling: bool
) -> Application[Any, Any, Any, Any, Any, Any]:
    """The PTB application for the configured token and Bot API server, handlers attached."""
    builder = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .base_url(settings.telegram_base_url)
        .rate_limiter(AIORateLimiter(max_retries=RATE_LIMIT_RETRIES))
        .concurrent_updates(PerChatUpdateProcessor(MAX_CONCURRENT_UPDATES))
    )
    if not polling:
        builder = builder.updater(None)  # webhook: updates arrive through the FastAPI route
    application = builder.build()
    application.bot_data["policybot"] = BotContext(
        engine=engine,
        buttons=ButtonStore(db),
        office_phone=settings.office_phone,
        # SQLite has one writer: a few threads queue less than many.
        limiter=CapacityLimiter(SQLITE_ENGINE_THREADS if db.is_sqlite else MAX_CONCURRENT_UPDATES),
    )
    # Only private chats: form answers (phone, credit code) must never show in a group.
    private = filters.ChatType.PRIVATE
    # Edits (sent when a webhook was registered without allowed_updates) are never answers.
    application.add_handler(MessageHandler(filters.UpdateType.EDITED, on_edited))
    application.add_handler(CommandHandler(list(COMMANDS), on_command, filters=private))
    application.add_handler(MessageHandler(private & filters.COMMAND, on_command))  # unknown
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_handler(MessageHandler(private & filters.TEXT & ~filters.COMMAND, on_text))
    unsupported = private & ~filters.TEXT & ~filters.StatusUpdate.ALL
    application.add_handler(MessageHandler(unsupported, on_unsupported))
    application.add_handler(MessageHandler(filters.ChatType.GROUPS & filters.COMMAND, on_group))
    application.add_error_handler(on_error)
    return application


def is_network_fault(exc: BaseException) -> bool:
    """Telegram unreachable or failing on its side (worth retrying), not a rejected token."""
    if isinstance(exc, InvalidToken):
        return False
    return isinstance(exc, (TelegramError, OSError))


class NetworkFaultFilter(logging.Filter):
    """PTB's own records of network faults (e.g. at shutdown) as one warning line."""

    def filter(self, record: logging.LogRecord) -> bool:
        fault = record.exc_info[1] if record.exc_info else None
        if isinstance(fault, NetworkError):
            record.msg = f"{record.getMessage()} ({type(fault).__name__}: {fault})"
            record.args, record.exc_info, record.exc_text = None, None, None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True


PTB_LOGGERS = ("telegram.ext", "telegram.ext.Updater", "telegram.ext.Application")


def quiet_network_tracebacks() -> None:
    """Install NetworkFaultFilter on PTB's loggers (idempotent)."""
    for name in PTB_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, NetworkFaultFilter) for f in logger.filters):
            logger.addFilter(NetworkFaultFilter())


def polling_fault(exc: TelegramError) -> None:
    """A failed getUpdates: one warning line (PTB retries with backoff by itself)."""
    log.warning("telegram polling failed (%s: %s); retrying", type(exc).__name__, exc)


def bot_commands() -> list[BotCommand]:
    """The command menu registered with setMyCommands."""
    return [BotCommand(name, description) for name, description in COMMANDS.items()]


@dataclass
class TelegramChannel:
    """The running PTB application, its mode and the outbox task."""

    application: Any
    polling: bool
    webhook_secret: str
    outbox: asyncio.Task[None] | None = None


async def launch(
    settings: Settings, *, engine: Engine, db: Database, polling: bool
) -> TelegramChannel:
    """Build and start the application, taking updates by long polling or from the route."""
    # httpx logs every request URL at INFO, and Bot API URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    register_secret(settings.telegram_bot_token, settings.telegram_webhook_secret)
    quiet_network_tracebacks()
    application = build_application(settings, engine=engine, db=db, polling=polling)
    try:
        await application.initialize()
        await application.bot.set_my_commands(bot_commands())
        if application.updater is not None:
            await application.updater.start_polling(
                allowed_updates=ALLOWED_UPDATES,
                drop_pending_updates=False,
                error_callback=polling_fault,
            )
        await application.start()
    except BaseException:
        await application.shutdown()  # no-op when initialize() failed: close the client too
        await application.bot.request.shutdown()
        raise
    channel = TelegramChannel(application, polling, settings.telegram_webhook_secret)
    channel.outbox = asyncio.create_task(
        run_outbox(
            application.bot,
            db,
            settings.telegram_outbox_interval_s,
            retry_s=settings.outbox_retry_s,
        ),
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
