"""Every date shown for a request is its Beijing day: the reference, 进度, the status API, the
back office and its exports agree, also for requests filed between 16:00 and 24:00 UTC."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from admin.exports import table
from admin.templating import local_time
from bot.engine import Engine
from core import clock
from storage.db import Database
from storage.requests import get_request_by_ref
from tests.bot.engine_support import db, engine, fake_answerer, submit, texts
from web.intake_status import request_status

__all__ = ["db", "engine", "fake_answerer"]

# Filing instants in the window where the UTC day and the Beijing day differ (16:00-24:00 UTC),
# across a month end and a year end, plus both edges of the window.
EVENING_UTC = [
    datetime(2026, 12, 5, 16, 0, 0, tzinfo=UTC),
    datetime(2026, 12, 5, 17, 30, tzinfo=UTC),
    datetime(2026, 11, 30, 20, 15, tzinfo=UTC),
    datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC),
    datetime(2026, 12, 5, 15, 59, 59, tzinfo=UTC),  # still the same day in both zones
]


@pytest.mark.parametrize("filed_at", EVENING_UTC, ids=lambda d: d.strftime("%m%d-%H%M%S"))
def test_reference_and_progress_show_the_same_beijing_day(
    engine: Engine, db: Database, monkeypatch: pytest.MonkeyPatch, filed_at: datetime
) -> None:
    monkeypatch.setattr(clock, "now", lambda: filed_at)
    ref = submit(engine, "owner")
    beijing_day = (filed_at + timedelta(hours=8)).date()
    assert ref[3:11] == beijing_day.strftime("%Y%m%d")

    progress = texts(engine.handle("cli", "owner", "进度"))
    shown = re.findall(r"（(\d{4}-\d{2}-\d{2})提交）", progress)
    assert shown == [beijing_day.isoformat()], progress

    with db.session() as session:
        request = get_request_by_ref(session, ref=ref)
        assert request is not None
        token = request.token
        assert local_time(request.created_at)[:10] == beijing_day.isoformat()
        exported = table("applications", [request], set())
        submitted_column = exported[0].index("提交时间")
        assert exported[1][submitted_column][:10] == beijing_day.isoformat()
    status = request_status(db, ref, token)
    assert status is not None
    assert status["created_at"].startswith(beijing_day.isoformat())
    assert status["created_at"].endswith("+08:00")
    assert all(step["at"].startswith(beijing_day.isoformat()) for step in status["history"])
