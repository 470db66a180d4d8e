"""Office hours (OFFICE_HOURS, e.g. "工作日 8:00-12:00，15:00-18:00") and the next opening."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from core.clock import LOCAL_TZ

_RANGE = re.compile(r"(\d{1,2})[:：](\d{2})\s*[-–—~～至到]\s*(\d{1,2})[:：](\d{2})")
_WEEKDAYS_ONLY = re.compile(r"工作日|周一至周五|星期一至星期五|周一到周五")
WEEKDAY_NAMES = "一二三四五六日"


@dataclass(frozen=True)
class OfficeHours:
    """Opening ranges per day; `weekdays_only` closes Saturdays and Sundays."""

    ranges: tuple[tuple[time, time], ...]
    weekdays_only: bool

    def is_open(self, moment: datetime) -> bool:
        """True when `moment` (any timezone) falls inside the office hours."""
        if not self.ranges:
            return True  # unparseable setting: never claim the office is closed
        local = moment.astimezone(LOCAL_TZ)
        if self.weekdays_only and local.weekday() >= 5:
            return False
        return any(start <= local.time() < end for start, end in self.ranges)

    def next_opening(self, moment: datetime) -> datetime:
        """The next local instant at which the office opens after `moment`."""
        local = moment.astimezone(LOCAL_TZ)
        for offset in range(8):
            day = local.date() + timedelta(days=offset)
            if self.weekdays_only and day.weekday() >= 5:
                continue
            for start, _end in sorted(self.ranges):
                opening = datetime.combine(day, start, LOCAL_TZ)
                if opening > local:
                    return opening
        return local


def parse_office_hours(text: str) -> OfficeHours:
    """Parse the OFFICE_HOURS setting; ranges like 8:00-12:00 (none found: always open)."""
    ranges = []
    for match in _RANGE.finditer(text or ""):
        h1, m1, h2, m2 = (int(g) for g in match.groups())
        if h1 < 24 and h2 <= 24 and m1 < 60 and m2 < 60:
            end = time(23, 59, 59) if h2 == 24 else time(h2, m2)
            ranges.append((time(h1, m1), end))
    return OfficeHours(tuple(ranges), bool(_WEEKDAYS_ONLY.search(text or "")))


def describe_opening(opening: datetime, now: datetime) -> str:
    """Chinese wording of an opening time: 今天15:00 / 明天8:00 / 12月1日（周一）8:00."""
    local_now = now.astimezone(LOCAL_TZ)
    days = (opening.date() - local_now.date()).days
    clock = f"{opening.hour}:{opening.minute:02d}"
    if days == 0:
        return f"今天{clock}"
    if days == 1:
        return f"明天{clock}"
    return f"{opening.month}月{opening.day}日（周{WEEKDAY_NAMES[opening.weekday()]}）{clock}"
