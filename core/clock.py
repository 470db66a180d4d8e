"""The product's clock: instants are UTC, everything a person sees is Beijing time.

Stored instants are timezone-aware UTC (`storage.types.UtcDateTime` keeps them so on SQLite and
PostgreSQL alike). Whatever a person reads — replies such as 进度's "2026-12-05提交", reference
numbers `RZ-YYYYMMDD-NNNN`, back-office pages, exports, "today" for a policy's validity — is in
Beijing time (`LOCAL_TZ`, Asia/Shanghai: UTC+8 all year, no daylight saving since 1991).

- `now() -> datetime`: the current instant, aware, in UTC (what is stored).
- `local_now() -> datetime`: the same instant in Beijing time.
- `to_utc(dt)` / `to_local(dt)`: an instant in UTC / Beijing time; a naive value is taken as UTC
  (SQLite and old rows hand back naive UTC).
- `local_day(dt) -> date`: the Beijing calendar day of an instant.
- `local_start(day) -> datetime`: the UTC instant at which a Beijing day begins (for ranges).
- `format_local(dt, fmt)`: an instant formatted in Beijing time ("" for None).
- `today(settings=None) -> date`: the Beijing day of `now()`, unless the date override
  POLICYBOT_TODAY (ISO date, for staging and tests) is set. Only `today()` honours the override:
  it is the day answers reason about (is a policy in force?), not the clock records are stamped
  with, so sessions, deadlines and reference numbers keep the real time.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo

LOCAL_TZ: tzinfo = ZoneInfo("Asia/Shanghai")
LOCAL_TZ_LABEL = "北京时间"
TODAY_ENV = "POLICYBOT_TODAY"


class TodaySettings(Protocol):
    """Settings carrying the date override (`core.settings.Settings.today`)."""

    @property
    def today(self) -> date | None: ...


def now() -> datetime:
    """The current instant, timezone-aware, in UTC."""
    return datetime.now(UTC)


def local_now() -> datetime:
    """The current instant in Beijing time."""
    return datetime.now(LOCAL_TZ)


def to_utc(moment: datetime) -> datetime:
    """The instant in UTC; a naive value is taken to be UTC already."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def to_local(moment: datetime) -> datetime:
    """The instant in Beijing time; a naive value is taken to be UTC."""
    return to_utc(moment).astimezone(LOCAL_TZ)


def local_day(moment: datetime) -> date:
    """The Beijing calendar day of an instant (naive values are UTC)."""
    return to_local(moment).date()


def local_start(day: date) -> datetime:
    """The UTC instant at which Beijing day `day` begins (00:00 Beijing = 16:00 UTC the day
    before): `local_start(d) <= t < local_start(d + 1 day)` selects the instants of day d."""
    return datetime.combine(day, time.min, LOCAL_TZ).astimezone(UTC)


def format_local(moment: datetime | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """An instant formatted in Beijing time (strftime `fmt`); "" for None."""
    return "" if moment is None else to_local(moment).strftime(fmt)


def parse_today(value: str) -> date:
    """The override's date from its ISO form (YYYY-MM-DD); ValueError naming the setting."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{TODAY_ENV}={value!r} is not an ISO date (YYYY-MM-DD)") from None


def today(settings: TodaySettings | None = None) -> date:
    """Today's Beijing date, or the date override when one is set.

    The override is `settings.today` (POLICYBOT_TODAY read by the settings, `.env` included);
    without settings, the POLICYBOT_TODAY environment variable. An invalid environment value
    raises ValueError naming the variable.
    """
    override = settings.today if settings is not None else None
    if override is None and settings is None and (raw := os.environ.get(TODAY_ENV, "").strip()):
        override = parse_today(raw)
    return override if override is not None else local_day(now())
