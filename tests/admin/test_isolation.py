"""Role isolation: bank officers see only their bank's requests; viewers cannot change."""

from __future__ import annotations

import io
from collections.abc import Callable

import httpx
import pytest
from openpyxl import load_workbook

from core.settings import Settings
from tests.helpers.staff import Seeded, csrf_of


@pytest.fixture
def officer_a(as_user: Callable[[str], httpx.Client], seeded: Seeded) -> httpx.Client:
    return as_user("officer_a")


@pytest.fixture
def settings(db_settings: Settings) -> Settings:
    """These tests run on SQLite and on PostgreSQL."""
    return db_settings


def test_view_other_banks_request_is_forbidden(officer_a: httpx.Client, seeded: Seeded) -> None:
    assert officer_a.get(f"/admin/requests/{seeded.for_b}").status_code == 403
    assert officer_a.get(f"/admin/requests/{seeded.unpushed}").status_code == 403
    own = officer_a.get(f"/admin/requests/{seeded.for_a}")
    assert own.status_code == 200 and "甲银行客户机械厂" in own.text


def test_list_and_search_show_only_own_bank(officer_a: httpx.Client) -> None:
    page = officer_a.get("/admin/requests").text
    assert "甲银行客户机械厂" in page
    for other in ("乙银行客户食品厂", "未推送纺织公司", "恶意公司", "永安市"):
        assert other not in page
    found = officer_a.get("/admin/requests", params={"q": "乙银行客户"}).text
    assert "乙银行客户食品厂" not in found and "没有符合条件的申报" in found


def test_exports_contain_only_own_bank(officer_a: httpx.Client) -> None:
    for layout in ("applications", "recommend"):
        body = officer_a.get(f"/admin/requests/export/{layout}.csv").content.decode("utf-8-sig")
        assert "甲银行客户机械厂" in body and "乙银行客户食品厂" not in body
        xlsx = officer_a.get(f"/admin/requests/export/{layout}.xlsx", params={"q": "食品"})
        sheet = load_workbook(io.BytesIO(xlsx.content)).active
        assert sheet is not None and sheet.max_row == 1  # header only


def test_dashboard_counts_only_own_bank(officer_a: httpx.Client) -> None:
    page = officer_a.get("/admin/dashboard").text
    assert '<b id="kpi-total">1</b>' in page
    assert "永安市" not in page


def test_outcome_on_other_banks_request_is_forbidden(
    officer_a: httpx.Client, seeded: Seeded
) -> None:
    token = csrf_of(officer_a.get(f"/admin/requests/{seeded.for_a}").text)
    data = {
        "csrf_token": token,
        "outcome": "declined",
        "decline_reason": "x",
        "bank": seeded.banks["乙银行三明分行"],
    }
    assert officer_a.post(f"/admin/requests/{seeded.for_b}/outcome", data=data).status_code == 403


def test_office_pages_are_forbidden_to_bank_officers(officer_a: httpx.Client) -> None:
    for path in (
        "/admin/audit",
        "/admin/whitelist",
        "/admin/insights",
        "/admin/knowledge",
        "/admin/users",
        "/admin/audit/export.csv",
    ):
        response = officer_a.get(path)
        assert response.status_code == 403 and "没有权限" in response.text, path


def test_officer_cannot_change_status(officer_a: httpx.Client, seeded: Seeded) -> None:
    token = csrf_of(officer_a.get(f"/admin/requests/{seeded.for_a}").text)
    response = officer_a.post(
        f"/admin/requests/{seeded.for_a}/status", data={"csrf_token": token, "target": "granted"}
    )
    assert response.status_code == 403


def test_viewer_reads_but_cannot_change(
    as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    viewer = as_user("viewer1")
    page = viewer.get(f"/admin/requests/{seeded.unpushed}")
    assert page.status_code == 200 and 'id="status-form"' not in page.text
    assert "139****5678" in page.text and "13912345678" not in page.text
    token = csrf_of(page.text)
    for action, data in (
        ("status", {"target": "reviewing"}),
        ("push", {"banks": seeded.banks["甲银行三明分行"]}),
        ("outcome", {"outcome": "granted"}),
    ):
        response = viewer.post(
            f"/admin/requests/{seeded.unpushed}/{action}", data={"csrf_token": token, **data}
        )
        assert response.status_code == 403


def test_denied_view_is_audited(
    officer_a: httpx.Client, seeded: Seeded, settings: Settings
) -> None:
    from sqlalchemy import select

    from storage.db import open_database
    from storage.models import AuditEntry

    officer_a.get(f"/admin/requests/{seeded.for_b}")
    db = open_database(settings)
    with db.session() as session:
        actions = [
            (e.action, e.entity_id)
            for e in session.scalars(select(AuditEntry).where(AuditEntry.actor == "officer_a"))
        ]
    db.dispose()
    assert ("view_denied", str(seeded.for_b)) in actions
    assert ("view", str(seeded.for_b)) not in actions
