"""A document's period of validity: the first and last day it is in force.

Where the dates come from:
- the measures: the issue date (the dated signature line of `measures.txt`, "2025年4月29日")
  and the closing sentence "本措施自印发之日起实施，有效期三年" — in force from the issue date
  to the day before the same date N years later (2025-04-29 → 2028-04-28);
- product, platform and staff documents: front matter `valid_from` / `valid_until` (ISO dates,
  either may be absent: no start / no end stated);
- Q&A entries: their own `valid_from` / `valid_until` (knowledge/qa.py).

`Validity.state(today)` says where a date falls: "not_yet", "in_force", "ending" (the last
`ENDING_DAYS` days), "expired", or "open" when no end is stated. Errors: `ValidityError`
(a ValueError) names the key and the value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

ENDING_DAYS = 90  # answers name the end date in a document's last 90 days
NOTICE_DAYS = 30  # subscribers hear of a document's end 30 days before

State = Literal["not_yet", "in_force", "ending", "expired", "open"]

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8}
_CN_DIGITS |= {"九": 9, "十": 10}
_DATE_LINE = re.compile(r"^\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*$")
_YEARS = re.compile(r"有效期([一二两三四五六七八九十\d]{1,2})年")


class ValidityError(ValueError):
    """A validity date or period that cannot be read (the message names key and value)."""


@dataclass(frozen=True)
class Validity:
    """First and last day in force (None: not stated)."""

    valid_from: date | None = None
    valid_until: date | None = None

    def state(self, today: date, ending_days: int = ENDING_DAYS) -> State:
        """Where `today` falls in this period (see the module docstring)."""
        if self.valid_from is not None and today < self.valid_from:
            return "not_yet"
        if self.valid_until is None:
            return "open"
        if today > self.valid_until:
            return "expired"
        if (self.valid_until - today).days < ending_days:
            return "ending"
        return "in_force"

    def as_meta(self) -> tuple[str, str]:
        """(valid_from, valid_until) as the ISO strings stored on a Document ("" = missing)."""
        return (
            self.valid_from.isoformat() if self.valid_from else "",
            self.valid_until.isoformat() if self.valid_until else "",
        )


def add_years(start: date, years: int) -> date:
    """The last day of a period of `years` years starting on `start` (29 Feb → 28 Feb)."""
    try:
        same_day = start.replace(year=start.year + years)
    except ValueError:  # 29 February into a common year
        same_day = start.replace(year=start.year + years, day=28) + timedelta(days=1)
    return same_day - timedelta(days=1)


def issue_date(lines: list[str]) -> date | None:
    """The first dated line (a signature such as "2025年4月29日"), or None."""
    for line in lines:
        found = _DATE_LINE.match(line)
        if found:
            year, month, day = (int(g) for g in found.groups())
            return date(year, month, day)
    return None


def period_years(text: str) -> int | None:
    """N of "有效期N年" (Chinese numerals up to 十 or digits), or None."""
    found = _YEARS.search(text.replace(" ", ""))
    if not found:
        return None
    raw = found.group(1)
    return int(raw) if raw.isdigit() else _CN_DIGITS.get(raw)


def measures_validity(raw: str) -> Validity:
    """The measures' period from the policy text: issue date plus "有效期N年" (see above)."""
    lines = [line.strip() for line in raw.splitlines()]
    start = issue_date(lines)
    years = period_years(raw)
    end = add_years(start, years) if start is not None and years else None
    return Validity(start, end)


def parse_day(value: str, key: str) -> date | None:
    """An ISO date of front matter ("" → None); ValidityError naming key and value."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidityError(f"{key}: {value!r} 不是日期（应为 YYYY-MM-DD）") from None


def front_matter_validity(meta: Mapping[str, str]) -> Validity:
    """`valid_from` / `valid_until` of front matter; ValidityError when unreadable or reversed."""
    start = parse_day(meta.get("valid_from", ""), "valid_from")
    end = parse_day(meta.get("valid_until", ""), "valid_until")
    if start and end and end < start:
        raise ValidityError(f"valid_until {end} 早于 valid_from {start}")
    return Validity(start, end)


def stored_validity(valid_from: str, valid_until: str) -> Validity:
    """The Validity of a Document's stored ISO strings (unreadable values count as absent)."""
    try:
        return Validity(parse_day(valid_from, "valid_from"), parse_day(valid_until, "valid_until"))
    except ValidityError:
        return Validity()


def chinese_date(day: date) -> str:
    """2028年4月28日."""
    return f"{day.year}年{day.month}月{day.day}日"
