"""Per-chat ordering of webhook updates across instances (issue 20 item 6).

Telegram may deliver two updates of one chat a few milliseconds apart to two instances; applied
as they come, the later message could be stored first (a credit code saved as the company
name). Every webhook update goes through `OrderedDelivery.deliver`:

1. **park** it: `processed_messages` row `telegram-pending:<bot>:<chat>:<update_id, 20 digits>`
   holding its JSON (visible to every instance);
2. **settle**: wait `SETTLE_S` (250 ms) so an older update of the chat, sent just before and
   received by another instance, is parked too;
3. take the **chat lock** (PostgreSQL advisory lock on a dedicated connection; on SQLite an
   `flock` beside the database file) and apply *every* parked update of the chat in update_id
   order, each removed as it is taken; an instance whose update was already applied by another
   finds nothing left and stops;
4. the chat's **last applied update_id** (row `telegram-last:<bot>:<chat>`) is advanced; an
   update older than it (arriving later than the settle window) is *not* applied after the
   newer one: the owner is told to send it again (`LATE_TEXT`), so nothing is stored out of
   order and nothing is dropped silently.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.exc import IntegrityError

from storage.db import Database
from storage.locks import lock_key
from storage.models import ProcessedMessage

log = logging.getLogger(__name__)

SETTLE_S = 0.25
PENDING_STATUS = "tg-pending"
LAST_STATUS = "tg-last"
LATE_TEXT = "您的一条消息比后来发的消息晚到，为避免填错信息没有处理。如仍需要，请重新发送。"

Apply = Callable[[dict[str, Any]], Awaitable[None]]
Notify = Callable[[int], Awaitable[None]]


def _pending_prefix(bot_id: int, chat_id: int) -> str:
    return f"telegram-pending:{bot_id}:{chat_id}:"


def park(db: Database, bot_id: int, chat_id: int, update_id: int, payload: dict[str, Any]) -> None:
    """Store the update as pending for its chat (a redelivery is ignored)."""
    key = f"{_pending_prefix(bot_id, chat_id)}{update_id:020d}"
    try:
        with db.session() as session:
            body = json.dumps(payload, ensure_ascii=False)
            session.add(ProcessedMessage(key=key, status=PENDING_STATUS, reply=body))
            session.flush()
    except IntegrityError:
        pass


def take_pending(
    db: Database, bot_id: int, chat_id: int
) -> tuple[int, list[tuple[int, dict[str, Any]]]]:
    """(last applied update_id, parked updates oldest first); taken rows are removed and the
    last applied id advanced. Call under the chat lock."""
    prefix = _pending_prefix(bot_id, chat_id)
    last_key = f"telegram-last:{bot_id}:{chat_id}"
    with db.session() as session:
        rows = session.scalars(
            select(ProcessedMessage)
            .where(ProcessedMessage.key.startswith(prefix))
            .order_by(ProcessedMessage.key)
        ).all()
        taken = [(int(row.key[len(prefix) :]), json.loads(row.reply or "{}")) for row in rows]
        session.execute(
            delete(ProcessedMessage).where(ProcessedMessage.key.in_([r.key for r in rows]))
        )
        last_row = session.get(ProcessedMessage, last_key)
        last = int(last_row.reply or 0) if last_row is not None else 0
        newest = max([last, *(update_id for update_id, _ in taken)])
        if last_row is None:
            session.add(ProcessedMessage(key=last_key, status=LAST_STATUS, reply=str(newest)))
        else:
            last_row.reply = str(newest)
    return last, taken


LOCK_POLL_S = 0.01  # lock attempts never block a thread: threads stay free for the holder


def _try_flock(handle: Any) -> bool:
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


@contextlib.asynccontextmanager
async def chat_lock(db: Database, name: str) -> AsyncIterator[None]:
    """A lock on `name` shared by every instance on this database (see module docstring).

    Taken by polling a non-blocking attempt, so waiters never hold the worker threads the
    holder needs.
    """
    if db.is_sqlite:
        folder = Path(db.engine.url.database or ".").resolve().parent / "locks"
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / f"chat-{lock_key(name) & 0xFFFFFFFF:08x}.lock", "a+b")  # noqa: SIM115
        try:
            while not _try_flock(handle):
                await asyncio.sleep(LOCK_POLL_S)
            yield
        finally:
            handle.close()  # releases the flock
        return
    connection = await asyncio.to_thread(db.engine.connect)
    key = lock_key(name)

    def attempt() -> bool:
        taken = connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar()
        connection.commit()
        return bool(taken)

    try:
        while not await asyncio.to_thread(attempt):
            await asyncio.sleep(LOCK_POLL_S)
        try:
            yield
        finally:

            def unlock() -> None:
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                connection.commit()

            await asyncio.to_thread(unlock)
    finally:
        await asyncio.to_thread(connection.close)


class OrderedDelivery:
    """Applies one bot's webhook updates per chat in update_id order, whichever instance
    receives them (`apply(payload)` runs the handlers; `notify_late(chat_id)` tells the owner)."""

    def __init__(self, db: Database, bot_id: int, apply: Apply, notify_late: Notify) -> None:
        self.db = db
        self.bot_id = bot_id
        self.apply = apply
        self.notify_late = notify_late

    async def deliver(self, chat_id: int, update_id: int, payload: dict[str, Any]) -> None:
        """Park, settle, then apply the chat's parked updates in order under its lock."""
        await asyncio.to_thread(park, self.db, self.bot_id, chat_id, update_id, payload)
        await asyncio.sleep(SETTLE_S)
        async with chat_lock(self.db, f"telegram-chat:{self.bot_id}:{chat_id}"):
            last, taken = await asyncio.to_thread(take_pending, self.db, self.bot_id, chat_id)
            for pending_id, body in taken:
                if pending_id <= last:
                    log.warning(
                        "telegram update %s arrived after a newer one; not applied", pending_id
                    )
                    await self.notify_late(chat_id)
                    continue
                try:
                    await self.apply(body)
                except Exception:
                    log.exception("telegram update %s failed", pending_id)
