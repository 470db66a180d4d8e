"""Column types shared by the models: `UtcDateTime`, an instant stored in UTC, read back aware."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from core.clock import to_utc


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware instant: stored in UTC, always returned as an aware UTC `datetime`.

    PostgreSQL keeps it in a `timestamptz`; SQLite (which has no time zones) as the naive UTC
    text SQLAlchemy writes for `DateTime`, so rows written before this type read back the same.
    Any aware value is converted to UTC before it is written or compared (a Beijing-time bound
    selects the right rows on SQLite too); a naive value is taken to be UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """UTC for the database (naive UTC on SQLite)."""
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"UtcDateTime needs a datetime, got {type(value).__name__}")
        moment = to_utc(value)
        return moment.replace(tzinfo=None) if dialect.name == "sqlite" else moment

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """An aware UTC datetime (or None)."""
        if value is None:
            return None
        if isinstance(value, str):  # a raw SQLite value outside the type's own processing
            value = datetime.fromisoformat(value)
        return to_utc(value)
