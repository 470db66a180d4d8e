"""Webhook redeliveries: each Telegram update is handled once, whichever worker receives it."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError

from core import clock
from storage.db import Database
from storage.models import ProcessedMessage

# Seen update ids live in processed_messages (the channels' inbound-dedup table).
_KEY_PREFIX = "telegram-update:"
_STATUS = "telegram-update"
KEEP_SEEN = timedelta(days=1)  # Telegram stops redelivering long before


def first_delivery(db: Database, bot_id: int, update_id: int) -> bool:
    """Record the update; False when some worker already took it (a redelivery)."""
    try:
        with db.session() as session:
            session.add(ProcessedMessage(key=f"{_KEY_PREFIX}{bot_id}:{update_id}", status=_STATUS))
        return True
    except IntegrityError:
        return False


def purge_deliveries(db: Database, *, older_than: timedelta = KEEP_SEEN) -> int:
    """Forget update ids older than `older_than`; returns how many were removed."""
    with db.session() as session:
        result = session.execute(
            delete(ProcessedMessage)
            .where(ProcessedMessage.status == _STATUS)
            .where(ProcessedMessage.created_at < clock.now() - older_than)
        )
        return int(getattr(result, "rowcount", 0) or 0)
