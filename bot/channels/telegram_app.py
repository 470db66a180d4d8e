"""Build the python-telegram-bot Application: rate limiter, per-chat ordering, handlers."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable
from typing import Any

from telegram import BotCommand, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    BaseUpdateProcessor,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.channels.telegram_buttons import ButtonStore
from bot.channels.telegram_handlers import (
    COMMANDS,
    BotContext,
    on_button,
    on_command,
    on_error,
    on_text,
    on_unsupported,
)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
MAX_CONCURRENT_UPDATES = 16
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
    settings: Any, *, engine: Any, db: Any, polling: bool
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
        engine=engine, buttons=ButtonStore(db), office_phone=settings.office_phone
    )
    application.add_handler(CommandHandler(list(COMMANDS), on_command))
    application.add_handler(MessageHandler(filters.COMMAND, on_command))  # unknown: help
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
    unsupported = filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL
    application.add_handler(MessageHandler(unsupported, on_unsupported))
    application.add_error_handler(on_error)
    return application


def bot_commands() -> list[BotCommand]:
    """The command menu registered with setMyCommands."""
    return [BotCommand(name, description) for name, description in COMMANDS.items()]
