"""Reading a loan term in months as owners write it: 12, 3年, 一年半, 2年6个月, 半年, 90天."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.intake.errors import ReadingError
from bot.intake.numbers import NUMERAL, half_width, to_number

MAX_TERM_MONTHS = 360
# Months per unit; days, weeks and instalments (期) are converted but confirmed (guessed).
_UNITS = {
    "年": 12.0,
    "月": 1.0,
    "天": 1 / 30,
    "日": 1 / 30,
    "周": 7 / 30,
    "星期": 7 / 30,
    "期": 1.0,
}
_GUESSED_UNITS = frozenset({"天", "日", "周", "星期", "期"})
_PART = re.compile(
    rf"(?P<number>[{NUMERAL}]+|半)\s*(?P<half>个半|半)?\s*个?\s*"
    r"(?P<unit>年|月|天|日|周|星期|期)(?P<trail>半)?"
)
_CONNECTORS = re.compile(r"(?<=[年月])\s*(?:零|又|加|和|,)\s*")
_BARE = re.compile(rf"[{NUMERAL}]+")
_RANGE = re.compile(r"^\s*(?:-|~|到|至|—|或)\s*$")


@dataclass(frozen=True)
class TermReading:
    """A loan term in months and whether the reading had to guess (days, ranges, extra text)."""

    months: float
    guessed: bool


def describe_months(months: int) -> str:
    """A term for confirmation: "30 个月（2年6个月）"."""
    years, rest = divmod(months, 12)
    if not years:
        return f"{months} 个月"
    spoken = f"{years}年" + (f"{rest}个月" if rest else "")
    return f"{months} 个月（{spoken}）"


def _part_months(match: re.Match[str]) -> float | None:
    """Months of one "number + unit" part ("一年半", "6个月", "半年"), or None."""
    number = match.group("number")
    value = 0.5 if number == "半" else to_number(number)
    if value is None:
        return None
    if match.group("half") or match.group("trail"):
        value += 0.5
    return value * _UNITS[match.group("unit")]


def read_term(raw: str) -> TermReading:
    """The loan term in months meant by an answer; raises ReadingError (Chinese) when none.

    Parts with units add up ("2年6个月" = 30, "一年半" = 18); a bare number is months; a range
    takes its upper end (guessed); days and weeks are converted (guessed).
    """
    text = _CONNECTORS.sub("", half_width(raw).lower())
    parts = list(_PART.finditer(text))
    if parts:
        if len(parts) == 2 and _RANGE.match(text[parts[0].end() : parts[1].start()]):
            upper = _part_months(parts[1])
            if upper is None:
                raise ReadingError("请输入贷款期限的月数")
            return TermReading(upper, True)
        total = 0.0
        for part in parts:
            months = _part_months(part)
            if months is None:
                raise ReadingError("请输入贷款期限的月数")
            total += months
        rest = _PART.sub("", text)
        guessed = any(p.group("unit") in _GUESSED_UNITS for p in parts) or bool(_BARE.search(rest))
        return TermReading(total, guessed)
    numbers = _BARE.findall(text)
    if not numbers:
        raise ReadingError("请输入贷款期限的月数")
    if len(numbers) == 2 and _RANGE.match(text.split(numbers[0], 1)[1].split(numbers[1], 1)[0]):
        value = to_number(numbers[1])
        guessed = True
    else:
        value, guessed = to_number(numbers[0]), len(numbers) > 1
    if value is None:
        raise ReadingError("请输入贷款期限的月数")
    return TermReading(value, guessed)
