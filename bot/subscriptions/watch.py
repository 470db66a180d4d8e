"""The expiry check of every instance: queues the 30-days-before notices (bot/subscriptions/
notices.py `queue_expiry_notices`) every SUBSCRIPTION_CHECK_S seconds (0: off). Instances may
run it together: a notice is queued once per person, document and end date, at most one notice
per person and day (storage/subscriptions.py)."""

from __future__ import annotations

import asyncio
import contextlib

from starlette.applications import Starlette

from bot.channels.outbox import run_every
from bot.services import services_of
from bot.subscriptions.changes import documents_of
from bot.subscriptions.notices import queue_expiry_notices


def check_expiring(app: Starlette) -> int:
    """One check over the served answerer's documents; returns how many notices were queued."""
    state = services_of(app)
    with state.db.session() as session:
        return queue_expiry_notices(session, documents_of(state.answerer), state.settings)


def start_expiry_watch(app: Starlette, interval_s: float) -> None:
    """Start the periodic check (interval <= 0 turns it off)."""
    shared = services_of(app)
    shared.expiry_watch = None
    if interval_s > 0:
        job = run_every(interval_s, lambda: check_expiring(app), "subscription expiry check")
        shared.expiry_watch = asyncio.create_task(job, name="expiry-watch")


async def stop_expiry_watch(app: Starlette) -> None:
    """Cancel the periodic check."""
    task = services_of(app).expiry_watch
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
