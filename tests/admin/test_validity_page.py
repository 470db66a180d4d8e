"""The back office lists the documents ending within 90 days (有效期提醒)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from core.settings import Settings
from knowledge.expiry import ending_items
from tests.helpers.staff import login

if TYPE_CHECKING:
    from bot.answerer import Answerer


@pytest.mark.parametrize(
    ("day", "listed"),
    [(date(2026, 12, 5), False), (date(2028, 2, 1), True), (date(2028, 5, 10), True)],
)
def test_page_lists_measures_near_their_end(
    settings: Settings,
    start_admin: Callable[..., Any],
    answerer: Answerer,
    day: date,
    listed: bool,
) -> None:
    server = start_admin(settings.model_copy(update={"today": day}), answerer)
    with httpx.Client(base_url=server.url, timeout=30) as client:
        assert login(client, "coord").status_code == 303
        page = client.get("/admin/knowledge/validity")
        assert page.status_code == 200
        assert ("2028-04-28" in page.text) == listed
        assert ("已到期 12 天" in page.text) == (day == date(2028, 5, 10))
    with httpx.Client(base_url=server.url, timeout=30) as bank:
        assert login(bank, "officer_a").status_code == 303
        assert bank.get("/admin/knowledge/validity").status_code in (302, 303, 403)


def test_ending_items_name_measures_once_and_entries(answerer: Answerer) -> None:
    rows = ending_items(
        answerer.documents.values(), answerer.qa.entries.values(), date(2028, 3, 15)
    )
    measures = [r for r in rows if r.kind == "measure"]
    assert len(measures) == 1 and measures[0].days_left == 44
    assert any(r.kind == "qa" for r in rows)
    assert not ending_items(answerer.documents.values(), [], date(2027, 1, 1))
