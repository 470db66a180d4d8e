"""Exports match the filtered list; the audit log records views, changes and exports."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

import httpx
from openpyxl import load_workbook
from sqlalchemy import select

from core.settings import Settings
from storage.db import open_database
from storage.models import AuditEntry
from tests.helpers.staff import Seeded, csrf_of

FILTERS = {"amount_min": "60", "sort": "amount", "order": "asc"}


def _refs_on_list(client: httpx.Client, params: dict[str, str]) -> list[str]:
    return re.findall(r'data-ref="([^"]+)"', client.get("/admin/requests", params=params).text)


def _audit(settings: Settings) -> list[AuditEntry]:
    db = open_database(settings)
    with db.session() as session:
        rows = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))
    db.dispose()
    return rows


def test_xlsx_export_matches_filtered_list(
    as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    coord = as_user("coord")
    refs = _refs_on_list(coord, FILTERS)
    assert len(refs) == 3  # 80, 200 (xss row), 300 wan; the 50 wan request is filtered out
    response = coord.get("/admin/requests/export/applications.xlsx", params=FILTERS)
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("编号", "提交时间", "企业名称")
    assert [r[0] for r in rows[1:]] == refs
    assert [r[8] for r in rows[1:]] == [80, 200, 300]


def test_csv_export_matches_filtered_list(
    as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    coord = as_user("coord")
    params = {"county": "永安市"}
    refs = _refs_on_list(coord, params)
    body = coord.get("/admin/requests/export/applications.csv", params=params).content
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == refs == [rows[1][0]]
    assert rows[1][2] == "乙银行客户食品厂" and rows[1][7] == "13912345678"


def test_recommend_export_defaults_to_recommended_and_pushed(
    as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    coord = as_user("coord")
    content = coord.get("/admin/requests/export/recommend.xlsx").content
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    names = sorted(str(r[1]) for r in sheet.iter_rows(min_row=2, values_only=True))
    assert names == ["乙银行客户食品厂", "甲银行客户机械厂"]
    assert "推荐意见" in [c.value for c in sheet[1]]


def test_export_neutralizes_formula_text(
    settings: Settings, as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    from storage.models import FinancingRequest

    db = open_database(settings)
    with db.session() as session:
        req = session.get(FinancingRequest, seeded.unpushed)
        assert req is not None
        req.company_name = '=HYPERLINK("http://evil")'
    db.dispose()
    coord = as_user("coord")
    sheet = load_workbook(
        io.BytesIO(
            coord.get(
                "/admin/requests/export/applications.xlsx", params={"county": "沙县区"}
            ).content
        )
    ).active
    assert sheet is not None and sheet["C2"].value == '\'=HYPERLINK("http://evil")'
    assert sheet["C2"].data_type == "s"


def test_view_and_change_and_export_are_audited(
    settings: Settings, as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    coord = as_user("coord")
    page = coord.get(f"/admin/requests/{seeded.unpushed}")
    coord.post(
        f"/admin/requests/{seeded.unpushed}/status",
        data={"csrf_token": csrf_of(page.text), "target": "reviewing", "note": "ok"},
    )
    coord.get("/admin/requests/export/applications.csv", params={"county": "沙县区"})
    entries = [e for e in _audit(settings) if e.actor == "coord"]
    actions = [e.action for e in entries]
    assert actions[:2] == ["login", "view"]
    assert "status_change" in actions and actions[-1] == "export"
    change = next(e for e in entries if e.action == "status_change")
    assert change.entity_id == str(seeded.unpushed)
    assert change.before and change.before["status"] == "submitted"
    assert change.after and change.after["status"] == "reviewing"
    export = entries[-1]
    assert export.after and export.after["count"] == 1
    assert export.after["filters"] == {"county": "沙县区"}
    assert all(e.ip == "127.0.0.1" for e in entries)


def test_admin_reads_and_exports_audit_log(
    as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    coord = as_user("coord")
    coord.get(f"/admin/requests/{seeded.for_b}")
    admin = as_user("admin1")
    page = admin.get("/admin/audit", params={"actor": "coord", "action": "view"})
    assert page.status_code == 200 and "查看个人信息" in page.text
    body = admin.get("/admin/audit/export.csv", params={"actor": "coord"}).content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0][:4] == ["序号", "时间", "操作人", "操作"]
    assert {r[3] for r in rows[1:]} == {"登录", "查看个人信息"}
    assert coord.get("/admin/audit").status_code == 403


def test_viewer_export_masks_phone_numbers(
    as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    viewer = as_user("viewer1")
    body = viewer.get("/admin/requests/export/applications.csv").content.decode("utf-8-sig")
    assert "139****5678" in body and "13912345678" not in body
