"""Telegram's part of the outbox: how one queued message is sent (the loop is shared)."""

from __future__ import annotations

import asyncio
from typing import Any

from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden

from bot.channels.outbox import Outbox, RetryPolicy, Send, Undeliverable, run_every
from bot.channels.telegram.buttons import callback_data_for
from bot.channels.telegram.render import render_message
from bot.channels.telegram.turns import CHANNEL, reply_markup
from bot.channels.telegram.updates import purge_deliveries
from bot.notices import notice_message
from storage.db import Database

PURGE_EVERY_S = 3600.0


def telegram_sender(bot: Any) -> Send:
    """`send(user_id, text)` through sendMessage (HTML parts of at most 4096 characters).

    A blocked bot, an unknown chat or a refused message is `Undeliverable`; network errors and
    flood limits are retried by the outbox.
    """

    async def send(user_id: str, text: str) -> None:
        try:
            chat_id = int(user_id)
        except ValueError:
            raise Undeliverable("not a Telegram chat id") from None
        try:
            # The satisfaction question comes with its 1-5 buttons (short values, inline data).
            notice = notice_message(text)
            for chunk in render_message(notice, lambda button: callback_data_for(button.value)):
                await bot.send_message(
                    chat_id=chat_id,
                    text=chunk.html,
                    parse_mode=ParseMode.HTML,
                    reply_markup=reply_markup(chunk),
                )
        except (Forbidden, BadRequest) as exc:
            raise Undeliverable(str(exc)) from exc

    return send


def telegram_outbox(bot: Any, db: Database, interval_s: float, *, retry_s: float = 30.0) -> Outbox:
    """The outbox delivering the `telegram` rows."""
    return Outbox(
        db, {CHANNEL: telegram_sender(bot)}, interval_s=interval_s, retry=RetryPolicy(retry_s)
    )


async def run_outbox(bot: Any, db: Database, interval_s: float, *, retry_s: float = 30.0) -> None:
    """Deliver the outbox every `interval_s` seconds; hourly, forget old webhook update ids."""
    await asyncio.gather(
        telegram_outbox(bot, db, interval_s, retry_s=retry_s).run(),
        run_every(PURGE_EVERY_S, lambda: purge_deliveries(db), "telegram update-id purge"),
    )
