"""Staff see a credit code confirmed as printed on the licence: detail, list badge, exports."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Callable

import httpx
from openpyxl import load_workbook

from core.settings import Settings
from storage.db import open_database
from tests.helpers.intake import broken_credit_code
from tests.helpers.staff import add_request

HEADER = "信用代码待核实"


def seed_pair(settings: Settings) -> tuple[int, int]:
    """One request with an unverified legacy code and one with a valid code."""
    db = open_database(settings)
    with db.session() as session:
        rng = random.Random(3)
        legacy = add_request(session, rng, company_name="老执照机械厂")
        session.flush()
        legacy.credit_code, legacy.credit_code_unverified = broken_credit_code(4), True
        valid = add_request(session, rng, company_name="新执照食品厂")
        ids = (legacy.id, valid.id)
    db.dispose()
    return ids


def test_request_detail_shows_the_flag_only_when_set(
    settings: Settings, as_user: Callable[[str], httpx.Client]
) -> None:
    legacy, valid = seed_pair(settings)
    coord = as_user("coord")
    assert 'id="code-unverified"' in coord.get(f"/admin/requests/{legacy}").text
    assert 'id="code-unverified"' not in coord.get(f"/admin/requests/{valid}").text


def test_request_list_badges_the_unverified_code(
    settings: Settings, as_user: Callable[[str], httpx.Client]
) -> None:
    seed_pair(settings)
    page = as_user("coord").get("/admin/requests").text
    rows = {row.split("</tr>")[0] for row in page.split("<tr")[1:]}
    flagged = [row for row in rows if "badge unverified" in row]
    assert len(flagged) == 1 and "老执照机械厂" in flagged[0]


def test_exports_carry_the_flag_column(
    settings: Settings, as_user: Callable[[str], httpx.Client]
) -> None:
    seed_pair(settings)
    coord = as_user("coord")
    body = coord.get("/admin/requests/export/applications.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    column = rows[0].index(HEADER)
    flags = {row[2]: row[column] for row in rows[1:]}
    assert flags == {"老执照机械厂": "是", "新执照食品厂": "否"}
    xlsx = coord.get("/admin/requests/export/applications.xlsx").content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet is not None
    table = list(sheet.iter_rows(values_only=True))
    column = list(table[0]).index(HEADER)
    assert sorted(row[column] for row in table[1:]) == ["否", "是"]
    recommend = coord.get("/admin/requests/export/recommend.csv").content.decode("utf-8-sig")
    assert HEADER in recommend.splitlines()[0]
