"""Every export neutralises formulas; export audit entries keep the whole filter."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from admin.exports import neutralize_cell, to_csv, to_xlsx
from core.settings import Settings
from storage.db import open_database
from storage.models import AuditEntry
from storage.statuses import STATUS_LABELS
from tests.helpers.staff import Seeded, csrf_of
from tests.live_server import LiveServer

PAYLOADS = [
    '=HYPERLINK("http://x.example","x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def _last_audit(settings: Settings, action: str) -> AuditEntry:
    db = open_database(settings)
    with db.session() as session:
        query = select(AuditEntry).where(AuditEntry.action == action)
        entry = session.scalars(query.order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        session.expunge(entry)
    db.dispose()
    return entry


@pytest.mark.parametrize("payload", PAYLOADS)
def test_neutralize_cell_prefixes_formula_text(payload: str) -> None:
    assert neutralize_cell(payload) == "'" + payload
    assert neutralize_cell("普通文字") == "普通文字" and neutralize_cell(-5) == -5


@pytest.mark.parametrize("payload", PAYLOADS)
def test_csv_and_xlsx_writers_neutralize_every_cell(payload: str) -> None:
    data: list[list[Any]] = [["列"], [payload]]
    rows = list(csv.reader(io.StringIO(to_csv(data).decode("utf-8-sig"))))
    assert rows[1][0] == "'" + payload
    sheet = load_workbook(io.BytesIO(to_xlsx(data, "表"))).active
    assert sheet is not None and sheet["A2"].value == "'" + payload


@pytest.mark.parametrize("payload", PAYLOADS)
def test_audit_csv_neutralizes_failed_login_usernames(
    admin_live: LiveServer, as_user: Callable[[str], httpx.Client], payload: str
) -> None:
    with httpx.Client(base_url=admin_live.url, timeout=30) as anonymous:
        token = csrf_of(anonymous.get("/admin/login").text)
        form = {"username": payload, "password": "x" * 12, "csrf_token": token}
        assert anonymous.post("/admin/login", data=form).status_code == 401
    export = as_user("admin1").get("/admin/audit/export.csv")
    rows = list(csv.reader(io.StringIO(export.text.lstrip("\ufeff"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + payload in cells
    assert not [cell for cell in cells if cell.startswith(DANGEROUS)]


def test_request_export_audit_keeps_every_selected_status(
    as_user: Callable[[str], httpx.Client], seeded: Seeded, settings: Settings
) -> None:
    statuses = list(STATUS_LABELS)
    assert len(statuses) >= 8
    params = {"status": statuses, "county": "三元区", "amount_min": "60"}
    response = as_user("coord").get("/admin/requests/export/applications.csv", params=params)
    assert response.status_code == 200
    filters = (_last_audit(settings, "export").after or {})["filters"]
    assert filters["status"] == statuses
    assert filters["county"] == "三元区" and float(filters["amount_min"]) == 60


def test_bank_officer_export_audit_records_the_bank_scope(
    as_user: Callable[[str], httpx.Client], seeded: Seeded, settings: Settings
) -> None:
    as_user("officer_a").get("/admin/requests/export/recommend.xlsx")
    filters = (_last_audit(settings, "export").after or {})["filters"]
    assert filters["bank"] == "甲银行三明分行"
    assert filters["status"] == ["recommended", "pushed"]


def test_audit_export_audit_keeps_every_filter(
    as_user: Callable[[str], httpx.Client], settings: Settings
) -> None:
    params = {
        "actor": "coord",
        "action": "login",
        "entity_id": "3",
        "date_from": "2026-01-01",
        "date_to": "2026-12-31",
    }
    assert as_user("admin1").get("/admin/audit/export.csv", params=params).status_code == 200
    after = _last_audit(settings, "export").after or {}
    assert after["filters"] == params
