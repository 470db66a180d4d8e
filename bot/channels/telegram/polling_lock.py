"""One poller per bot across processes and machines, and the take-over when it dies.

Two pollers make Telegram answer 409 Conflict, so only the holder of the polling lock polls:
a PostgreSQL advisory lock when the database is PostgreSQL (several machines), a file lock in
the data directory on SQLite (one machine). Instances without the lock stand by and try again
every LOCK_RETRY_S; the holder checks every LOCK_RETRY_S that its lock still stands (its
database connection answers) and stops polling when it does not. The server releases an
advisory lock when the holder's connection ends, so a standby takes over within about
LOCK_RETRY_S of a crash (TCP keepalives bound a silent network loss to ~11 s more).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from starlette.applications import Starlette

from bot.services import services_of
from core.settings import Settings
from storage.db import Database
from storage.locks import HeldLock, try_lock

log = logging.getLogger(__name__)
LOCK_NAME = "telegram-polling"
LOCK_RETRY_S = 5.0


def take_polling_lock(db: Database | None, data_dir: Path) -> HeldLock | None:
    """The polling lock, or None when another process (on any machine) holds it."""
    return try_lock(db, LOCK_NAME, data_dir)


async def supervise(
    app: Starlette,
    settings: Settings,
    start: Callable[[], Awaitable[bool]],
    stop: Callable[[], Awaitable[None]],
    interval_s: float = LOCK_RETRY_S,
) -> None:
    """Until cancelled: take the lock when free and `start()`; `stop()` when the lock is lost.

    `start` returns True once the bot runs (or will never run); `Services.telegram_lock` holds
    the lock while this process polls.
    """
    while True:
        try:
            await _step(app, settings, start, stop)
        except Exception:  # e.g. the database is unreachable: try again next round
            log.warning("telegram polling lock check failed; will retry", exc_info=True)
        await asyncio.sleep(interval_s)


async def _step(
    app: Starlette,
    settings: Settings,
    start: Callable[[], Awaitable[bool]],
    stop: Callable[[], Awaitable[None]],
) -> None:
    """One round: take the free lock and start, or stop when the held lock is gone."""
    lock: HeldLock | None = services_of(app).telegram_lock
    if lock is None:
        lock = await asyncio.to_thread(take_polling_lock, services_of(app).db, settings.data_dir)
        if lock is not None:
            log.info("took the Telegram polling lock; this instance polls now")
            services_of(app).telegram_lock = lock
            if not await start():
                lock.release()  # let another instance try; retry after the interval
                services_of(app).telegram_lock = None
    elif not await asyncio.to_thread(lock.alive):
        log.warning("lost the Telegram polling lock; stopping the poller")
        await stop()
        lock.release()
        services_of(app).telegram_lock = None
