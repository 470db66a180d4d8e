"""Deliver queued status-change notifications (the outbox) to Telegram users."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from sqlalchemy import update
from telegram.constants import ParseMode
from telegram.error import TelegramError

from bot.channels.telegram.buttons import callback_data_for
from bot.channels.telegram.handlers import CHANNEL, reply_markup
from bot.channels.telegram.render import render_message
from bot.channels.telegram.updates import purge_deliveries
from bot.notices import notice_message
from storage.db import Database
from storage.models import Notification, utcnow
from storage.notifications import mark_notification, pending_notifications

log = logging.getLogger(__name__)

PURGE_EVERY_S = 3600.0


def _pending(db: Database) -> list[tuple[int, str, str]]:
    """Id, user and text of the notifications waiting for Telegram."""
    with db.session() as session:
        return [(n.id, n.user_id, n.text) for n in pending_notifications(session, channel=CHANNEL)]


def _claim(db: Database, note_id: int) -> bool:
    """Atomically take a notification, so two workers never both send it."""
    with db.session() as session:
        result = session.execute(
            update(Notification)
            .where(Notification.id == note_id, Notification.sent_at.is_(None))
            .values(sent_at=utcnow())
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]


def _finish(db: Database, note_id: int, *, sent: bool) -> None:
    """Record the attempt; a failed one is released for a later retry."""
    with db.session() as session:
        if not sent:
            session.execute(
                update(Notification).where(Notification.id == note_id).values(sent_at=None)
            )
        mark_notification(session, note_id, sent=sent)


async def deliver_pending(bot: Any, db: Database) -> int:
    """One pass over the outbox; returns how many notifications were sent."""
    sent_count = 0
    for note_id, user_id, text in await asyncio.to_thread(_pending, db):
        if not await asyncio.to_thread(_claim, db, note_id):
            continue
        sent = False
        try:
            # The satisfaction question comes with its 1-5 buttons (short values, inline data).
            notice = notice_message(text)
            for chunk in render_message(notice, lambda button: callback_data_for(button.value)):
                await bot.send_message(
                    chat_id=int(user_id),
                    text=chunk.html,
                    parse_mode=ParseMode.HTML,
                    reply_markup=reply_markup(chunk),
                )
            sent = True
            sent_count += 1
        except (TelegramError, ValueError) as exc:
            log.warning("notification %s to a telegram user failed: %s", note_id, exc)
        except asyncio.CancelledError:
            _finish(db, note_id, sent=False)  # shutting down mid-send: release it for later
            raise
        await asyncio.to_thread(_finish, db, note_id, sent=sent)
    return sent_count


async def run_outbox(bot: Any, db: Database, interval_s: float) -> None:
    """Poll the outbox every `interval_s` seconds; hourly, forget old webhook update ids."""
    next_purge = 0.0
    while True:
        try:
            await deliver_pending(bot, db)
            if time.monotonic() >= next_purge:
                next_purge = time.monotonic() + PURGE_EVERY_S
                await asyncio.to_thread(purge_deliveries, db)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("telegram outbox pass failed")
        await asyncio.sleep(interval_s)
