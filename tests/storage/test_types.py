"""UtcDateTime: instants stored in UTC and read back aware, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select, text

from core import clock
from storage.db import Database
from storage.models import SharedAnswer

BEIJING = clock.LOCAL_TZ
MOMENTS = [
    datetime(2026, 12, 5, 17, 30, tzinfo=UTC),  # 01:30 on Dec 6 in Beijing
    datetime(2026, 12, 6, 1, 30, tzinfo=BEIJING),  # the same instant written in Beijing time
    datetime(2026, 12, 5, 12, 30, tzinfo=timezone(timedelta(hours=-5))),  # and in New York
    datetime(2026, 12, 5, 17, 30),  # naive: UTC
]


def store(db: Database, answer_id: str, moment: datetime) -> None:
    """One row stamped `moment`."""
    with db.session() as session:
        session.add(SharedAnswer(id=answer_id, text="t", citations=[], created_at=moment))


@pytest.mark.parametrize("moment", MOMENTS)
def test_any_instant_reads_back_as_the_same_aware_utc_instant(
    db: Database, moment: datetime
) -> None:
    store(db, "a1", moment)
    with db.session() as session:
        stored = session.scalars(select(SharedAnswer.created_at)).one()
    assert stored.utcoffset() == timedelta(0)
    assert stored == datetime(2026, 12, 5, 17, 30, tzinfo=UTC)
    assert clock.local_day(stored).isoformat() == "2026-12-06"


def test_beijing_day_bounds_select_the_right_rows(db: Database) -> None:
    # Dec 6 in Beijing runs from Dec 5 16:00 UTC to Dec 6 16:00 UTC.
    stamps = {
        "before": datetime(2026, 12, 5, 15, 59, 59, tzinfo=UTC),
        "first": datetime(2026, 12, 5, 16, 0, tzinfo=UTC),
        "late": datetime(2026, 12, 6, 15, 59, 59, tzinfo=UTC),
        "after": datetime(2026, 12, 6, 16, 0, tzinfo=UTC),
    }
    for answer_id, moment in stamps.items():
        store(db, answer_id, moment)
    day = clock.local_day(stamps["first"])
    lo = datetime.combine(day, datetime.min.time(), BEIJING)  # a Beijing-time bound, unconverted
    hi = clock.local_start(day + timedelta(days=1))
    with db.session() as session:
        query = select(SharedAnswer.id).where(
            SharedAnswer.created_at >= lo, SharedAnswer.created_at < hi
        )
        inside = set(session.scalars(query))
    assert inside == {"first", "late"}


def test_rows_written_before_the_type_read_back_aware(db: Database) -> None:
    if not db.is_sqlite:
        pytest.skip("SQLite stores naive UTC text; PostgreSQL has timestamptz")
    with db.session() as session:
        session.execute(
            text(
                "INSERT INTO shared_answers (id, text, citations, created_at) "
                "VALUES ('old', 't', '[]', '2026-12-05 17:30:00.000000')"
            )
        )
    with db.session() as session:
        stored = session.get(SharedAnswer, "old")
        assert stored is not None
        assert stored.created_at == datetime(2026, 12, 5, 17, 30, tzinfo=UTC)
        raw = session.execute(text("SELECT created_at FROM shared_answers")).scalar_one()
    store(db, "new", datetime(2026, 12, 6, 1, 30, tzinfo=BEIJING))
    with db.session() as session:
        raw_new = session.execute(
            text("SELECT created_at FROM shared_answers WHERE id = 'new'")
        ).scalar_one()
    assert raw_new == raw  # the same naive UTC text as before
