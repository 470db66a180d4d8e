"""Office hours: parsing OFFICE_HOURS, open or closed, when the office opens next."""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from typing import cast

import pytest

from bot.handoff.hours import describe_opening, parse_office_hours
from bot.handoff.texts import opened_text
from core.clock import LOCAL_TZ
from core.settings import Settings

HOURS = "工作日 8:00-12:00，15:00-18:00"


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in November 2026 (the 30th is a Monday), China time."""
    return datetime(2026, 11, day, hour, minute, tzinfo=LOCAL_TZ)


@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (local(30, 8), True),
        (local(30, 11, 59), True),
        (local(30, 12), False),
        (local(30, 14, 59), False),
        (local(30, 15), True),
        (local(30, 18), False),
        (local(30, 7, 59), False),
        (local(28, 10), False),  # Saturday
        (local(29, 16), False),  # Sunday
    ],
)
def test_is_open_follows_ranges_and_weekdays(moment: datetime, is_open: bool) -> None:
    assert parse_office_hours(HOURS).is_open(moment) is is_open


@pytest.mark.parametrize(
    ("moment", "opening"),
    [
        (local(30, 12, 30), local(30, 15)),
        (local(30, 19), datetime(2026, 12, 1, 8, tzinfo=LOCAL_TZ)),
        (local(28, 10), local(30, 8)),  # Saturday → Monday
        (local(27, 18, 30), local(30, 8)),  # Friday evening → Monday
    ],
)
def test_next_opening_skips_closed_time(moment: datetime, opening: datetime) -> None:
    assert parse_office_hours(HOURS).next_opening(moment) == opening


@pytest.mark.parametrize("text", ["", "请电话联系", "全天"])
def test_unparseable_hours_count_as_open(text: str) -> None:
    assert parse_office_hours(text).is_open(local(28, 3))


def test_every_day_hours_open_at_weekend() -> None:
    assert parse_office_hours("每天 9:00-17:00").is_open(local(28, 10))


@pytest.mark.parametrize(
    ("opening", "now", "words"),
    [
        (local(30, 15), local(30, 12, 30), "今天15:00"),
        (local(30, 8), local(29, 20), "明天8:00"),
        (local(30, 8), local(28, 10), "11月30日（周一）8:00"),
    ],
)
def test_describe_opening_in_chinese(opening: datetime, now: datetime, words: str) -> None:
    assert describe_opening(opening, now) == words


def _settings(hours: str, phone: str = "0598-7654321") -> Settings:
    """A stand-in with only the office fields the texts read."""
    fake = SimpleNamespace(office_hours=hours, office_name="协调办", office_phone=phone)
    return cast(Settings, fake)


def test_opened_text_outside_hours_says_when_and_kept() -> None:
    text = opened_text(_settings(HOURS), local(28, 10))
    assert "非办公时间" in text and "11月30日（周一）8:00" in text and "留言已保存" in text


def test_opened_text_inside_hours_has_no_after_hours_notice() -> None:
    text = opened_text(_settings(HOURS), local(30, 9))
    assert "已为您转接人工服务" in text and "非办公时间" not in text


def test_opened_text_shows_the_phone_only_when_configured() -> None:
    assert "0598-7654321" in opened_text(_settings(HOURS), local(30, 9))
    assert "致电" not in opened_text(_settings(HOURS, phone=""), local(30, 9))
