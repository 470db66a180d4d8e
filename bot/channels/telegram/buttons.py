"""Callback data for inline buttons: short values inline, long ones by a digest kept in the db."""

from __future__ import annotations

import hashlib
import logging

from sqlalchemy.exc import IntegrityError

from bot.messages import Button
from storage.db import Database
from storage.models import ProcessedMessage

log = logging.getLogger(__name__)

MAX_CALLBACK_BYTES = 64  # Telegram's limit on callback_data
VALUE_PREFIX = "v:"
DIGEST_PREFIX = "h:"
# Long values live in processed_messages (a key/value table shared with other channels), so a
# button pressed in a chat served by another worker (or after a restart) still resolves.
_KEY_PREFIX = "telegram-button:"
_STATUS = "button"


def _digest(value: str) -> str:
    """A stable 40-hex-digit digest of a button value."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:40]


def callback_data_for(value: str) -> str:
    """The callback data of a value: the value itself when it fits, else its digest."""
    inline = VALUE_PREFIX + value
    if len(inline.encode("utf-8")) <= MAX_CALLBACK_BYTES:
        return inline
    return DIGEST_PREFIX + _digest(value)


def inline_value(data: str) -> str | None:
    """The value carried in the callback data itself (None for digests)."""
    return data[len(VALUE_PREFIX) :] if data.startswith(VALUE_PREFIX) else None


class ButtonStore:
    """Encodes button values into callback data and resolves them back."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def encode(self, button: Button) -> str:
        """Callback data for a button, persisting long values first (call from a worker thread)."""
        data = callback_data_for(button.value)
        if data.startswith(DIGEST_PREFIX):
            self._remember(data[len(DIGEST_PREFIX) :], button.value)
        return data

    def _remember(self, digest: str, value: str) -> None:
        """Store a long value under its digest; concurrent inserts of the same value are fine."""
        key = _KEY_PREFIX + digest
        try:
            with self.db.session() as session:
                if session.get(ProcessedMessage, key) is None:
                    session.add(ProcessedMessage(key=key, status=_STATUS, reply=value))
        except IntegrityError:
            log.debug("button value %s already stored by another worker", digest)

    def decode(self, data: str) -> str | None:
        """The value behind callback data, or None when unknown (e.g. a foreign or pruned key)."""
        if data.startswith(VALUE_PREFIX):
            return inline_value(data)
        if data.startswith(DIGEST_PREFIX):
            with self.db.session() as session:
                row = session.get(ProcessedMessage, _KEY_PREFIX + data[len(DIGEST_PREFIX) :])
                return row.reply if row is not None and row.status == _STATUS else None
        return None
