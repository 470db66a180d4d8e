"""The expiry check of every instance: queues the 30-days-before notices (bot/subscriptions/
notices.py `queue_expiry_notices`) every SUBSCRIPTION_CHECK_S seconds (0: off). Instances may
run it together: a notice is queued once per person, document and end date, at most one notice
per person and day (storage/subscriptions.py)."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from bot.channels.outbox import run_every
from bot.subscriptions.notices import documents_of, queue_expiry_notices


def check_expiring(app: Any) -> int:
    """One check over the served answerer's documents; returns how many notices were queued."""
    state = app.state
    with state.db.session() as session:
        return queue_expiry_notices(session, documents_of(state.answerer), state.settings)


def start_expiry_watch(app: Any, interval_s: float) -> None:
    """Start the periodic check (interval <= 0 turns it off)."""
    app.state.expiry_watch = None
    if interval_s > 0:
        job = run_every(interval_s, lambda: check_expiring(app), "subscription expiry check")
        app.state.expiry_watch = asyncio.create_task(job, name="expiry-watch")


async def stop_expiry_watch(app: Any) -> None:
    """Cancel the periodic check."""
    task: asyncio.Task[None] | None = getattr(app.state, "expiry_watch", None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
