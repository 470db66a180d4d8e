"""The clock: Beijing days of UTC instants, the local-day bounds and the date override."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from core import clock
from core.settings import Settings

# Instants around the Beijing midnight (16:00 UTC) and across month and year ends.
INSTANTS = [
    datetime(2026, 12, 5, hour, minute, second, tzinfo=UTC)
    for hour, minute, second in [(0, 0, 0), (8, 0, 0), (15, 59, 59), (16, 0, 0), (23, 59, 59)]
] + [datetime(2026, 12, 31, 16, 30, tzinfo=UTC), datetime(2027, 2, 28, 20, 0, tzinfo=UTC)]


@pytest.mark.parametrize("moment", INSTANTS)
def test_local_day_is_the_utc_day_shifted_by_eight_hours(moment: datetime) -> None:
    expected = (moment + timedelta(hours=8)).date()
    assert clock.local_day(moment) == expected
    assert clock.local_day(moment.replace(tzinfo=None)) == expected  # naive values are UTC
    assert clock.to_local(moment).utcoffset() == timedelta(hours=8)
    assert clock.to_local(moment) == moment  # the same instant
    assert clock.format_local(moment, "%Y-%m-%d") == expected.isoformat()


@pytest.mark.parametrize("moment", INSTANTS)
def test_local_start_bounds_exactly_the_instants_of_the_local_day(moment: datetime) -> None:
    day = clock.local_day(moment)
    start, end = clock.local_start(day), clock.local_start(day + timedelta(days=1))
    assert start <= moment < end
    assert start.tzinfo is not None and start.utcoffset() == timedelta(0)
    assert clock.local_day(start) == day and clock.local_day(end - timedelta(microseconds=1)) == day
    assert clock.local_day(start - timedelta(microseconds=1)) == day - timedelta(days=1)


def test_to_utc_converts_other_zones_and_keeps_the_instant() -> None:
    new_york = datetime(2026, 12, 5, 11, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert clock.to_utc(new_york) == datetime(2026, 12, 5, 16, 30, tzinfo=UTC)
    assert clock.to_utc(new_york).utcoffset() == timedelta(0)
    assert clock.local_day(new_york) == date(2026, 12, 6)


def test_now_is_aware_utc_and_local_now_is_beijing() -> None:
    stamp, local = clock.now(), clock.local_now()
    assert stamp.utcoffset() == timedelta(0)
    assert local.utcoffset() == timedelta(hours=8)
    assert abs(local - stamp) < timedelta(seconds=5)
    assert clock.format_local(None) == ""


def test_today_is_the_local_day_without_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(clock.TODAY_ENV, raising=False)
    fixed = datetime(2026, 12, 5, 17, 0, tzinfo=UTC)
    monkeypatch.setattr(clock, "now", lambda: fixed)
    assert clock.today() == date(2026, 12, 6)
    assert clock.today(Settings(_env_file=None)) == date(2026, 12, 6)  # type: ignore[call-arg]


@pytest.mark.parametrize("raw", ["2028-05-01", " 2028-05-01 "])
def test_today_honours_the_override_from_env_and_settings(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv(clock.TODAY_ENV, raw)
    assert clock.today() == date(2028, 5, 1)
    assert clock.today(Settings(_env_file=None)) == date(2028, 5, 1)  # type: ignore[call-arg]
    # Explicit settings win over the environment.
    other = Settings(_env_file=None, POLICYBOT_TODAY="2030-01-02")  # type: ignore[call-arg]
    assert clock.today(other) == date(2030, 1, 2)
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=5)  # only today() moves


def test_empty_override_means_the_real_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.TODAY_ENV, "")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.today is None
    assert clock.today(settings) == clock.local_day(clock.now())
    assert clock.today() == clock.local_day(clock.now())


@pytest.mark.parametrize("raw", ["tomorrow", "2028-13-01", "01.05.2028"])
def test_invalid_override_is_refused_naming_the_setting(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv(clock.TODAY_ENV, raw)
    with pytest.raises(ValueError, match="POLICYBOT_TODAY"):
        clock.today()
    with pytest.raises(ValueError, match="(?i)today"):
        Settings(_env_file=None)  # type: ignore[call-arg]
