"""The declarative base every table derives from and the clock default of timestamp columns."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlalchemy.orm import DeclarativeBase

from core import clock
from storage.types import UtcDateTime


def _now() -> datetime:
    """The clock's current instant for column defaults (`core.clock.now`, looked up per call)."""
    return clock.now()


class Base(DeclarativeBase):
    """Declarative base of every table; every `datetime` column is a `UtcDateTime` (aware UTC)."""

    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, datetime: UtcDateTime}
