"""Back-office fixes: expired sessions keep the form, one outcome path, dashboard, audit, charts."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from sqlalchemy import select

from admin.charts import LABEL_CHAR_W, bar_chart, funnel_chart, line_chart, paired_bar_chart
from core.settings import Settings
from storage.db import open_database
from storage.models import FinancingRequest
from tests.helpers.staff import BANK_A, Seeded, csrf_of, login
from tests.live_server import LiveServer


def _status(settings: Settings, request_id: int) -> str:
    db = open_database(settings)
    with db.session() as session:
        status = session.scalar(
            select(FinancingRequest.status).where(FinancingRequest.id == request_id)
        )
    db.dispose()
    return str(status)


def test_form_posted_after_session_ended_goes_to_login_and_back(
    admin_live: LiveServer, seeded: Seeded, settings: Settings
) -> None:
    with httpx.Client(base_url=admin_live.url, timeout=30, follow_redirects=False) as http:
        page = f"/admin/requests/{seeded.unpushed}"
        assert login(http, "coord").status_code == 303
        token = csrf_of(http.get(page).text)
        http.post("/admin/logout", data={"csrf_token": token})  # e.g. expired meanwhile
        response = http.post(
            f"{page}/status",
            data={"csrf_token": token, "target": "reviewing", "note": "写了很久的意见"},
            headers={"Referer": f"{admin_live.url}{page}?msg=status"},
        )
        assert response.status_code == 303
        location = urlsplit(response.headers["location"])
        assert location.path == "/admin/login"
        query = parse_qs(location.query)
        assert query["msg"] == ["expired"] and query["next"] == [f"{page}?restore=1"]
        login_page = http.get(response.headers["location"]).text
        assert "登录已过期" in login_page and f'value="{page}?restore=1"' in login_page
    assert _status(settings, seeded.unpushed) == "submitted"


def test_form_posted_without_any_cookie_is_not_a_permission_error(
    admin_live: LiveServer, seeded: Seeded
) -> None:
    with httpx.Client(base_url=admin_live.url, timeout=30, follow_redirects=False) as http:
        response = http.post(f"/admin/requests/{seeded.unpushed}/status", data={"note": "x"})
    assert response.status_code == 303
    assert response.headers["location"].startswith("/admin/login?next=%2Fadmin%3Frestore%3D1")


def test_pushed_request_outcome_is_recorded_per_bank_only(
    as_user: Callable[[str], httpx.Client], seeded: Seeded, settings: Settings
) -> None:
    coord = as_user("coord")
    page = coord.get(f"/admin/requests/{seeded.for_a}").text
    assert 'id="status-form"' not in page and 'id="status-hint"' in page
    assert 'id="outcome-form"' in page
    token = csrf_of(page)
    for target in ("granted", "declined"):
        response = coord.post(
            f"/admin/requests/{seeded.for_a}/status",
            data={
                "csrf_token": token,
                "target": target,
                "amount_wan": "10",
                "granted_date": "2026-11-20",
                "granted_product": "信用贷",
                "decline_reason": "x",
            },
        )
        assert response.status_code == 400 and "按银行登记结果" in response.text
    assert _status(settings, seeded.for_a) == "pushed"
    response = coord.post(
        f"/admin/requests/{seeded.for_a}/outcome",
        data={
            "csrf_token": token,
            "bank": seeded.banks[BANK_A],
            "outcome": "granted",
            "amount_wan": "10",
            "granted_date": "2026-11-20",
            "granted_product": "信用贷",
        },
    )
    assert response.status_code == 303
    assert _status(settings, seeded.for_a) == "granted"
    bank_rows = coord.get(f"/admin/requests/{seeded.for_a}").text
    assert "待反馈" not in bank_rows.split('id="bank-table"')[1].split("</table>")[0]


def test_dashboard_county_filter_is_a_drop_down_of_visible_counties(
    as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    page = as_user("coord").get("/admin/dashboard", params={"county": "永安市"}).text
    select_box = page.split('<select name="county">')[1].split("</select>")[0]
    options = re.findall(r'<option value="([^"]*)"', select_box)
    assert options[0] == "" and {"三元区", "永安市", "沙县区"} <= set(options)
    assert '<option value="永安市" selected>' in select_box
    officer = as_user("officer_a").get("/admin/dashboard").text
    officer_box = officer.split('<select name="county">')[1].split("</select>")[0]
    assert "永安市" not in officer_box  # only counties of requests the officer may see


def test_audit_log_reads_in_chinese(as_user: Callable[[str], httpx.Client], seeded: Seeded) -> None:
    coord = as_user("coord")
    token = csrf_of(coord.get(f"/admin/requests/{seeded.unpushed}").text)
    coord.post(
        f"/admin/requests/{seeded.unpushed}/status",
        data={"csrf_token": token, "target": "reviewing", "note": "开始审核"},
    )
    coord.get("/admin/requests/export/recommend.csv")
    page = as_user("admin1").get("/admin/audit").text
    table = page.split('id="audit-table"')[1].split("</table>")[0]
    assert "状态：新提交 → 审核中" in table
    assert "融资申报" in table and "清单：推荐清单" in table
    assert "筛选条件：状态：列入推荐清单、已推送银行" in table
    for raw in ("financing_request", "&#34;status&#34;", '"status"', "{&#34;", "granted_amount"):
        assert raw not in table


@pytest.mark.parametrize("weeks", [8, 12, 20])
def test_week_labels_never_overlap(weeks: int) -> None:
    points = [(f"{(i % 12) + 1:02d}-{(i * 7) % 28 + 1:02d}", i, i // 2) for i in range(weeks)]
    svg = str(line_chart(points, names=("新提交", "获贷"), title="每周趋势"))
    labels = re.findall(r'<text x="([\d.]+)" y="210" text-anchor="middle">([^<]+)</text>', svg)
    assert labels and labels[-1][1] == points[-1][0]  # the latest week is always labelled
    xs = [(float(x), len(text) * LABEL_CHAR_W) for x, text in labels]
    for (x1, w1), (x2, w2) in zip(xs, xs[1:], strict=False):
        assert x2 - x1 >= (w1 + w2) / 2
    assert all(x - w / 2 >= 0 and x + w / 2 <= 560 for x, w in xs)


def test_empty_steps_and_zero_bars_draw_no_marks() -> None:
    funnel = str(funnel_chart([("新提交", 4), ("审核中", 0), ("已获贷", 0)], title="漏斗"))
    assert funnel.count("<rect") == 1
    bars = str(bar_chart([("甲", 3.0), ("乙", 0.0)], title="柱"))
    assert bars.count("<rect") == 1
    paired = str(paired_bar_chart([("三元区", 100.0, 0.0)], names=("申请", "获贷"), title="对"))
    assert paired.count("<rect") == 2 + 1  # two legend swatches and one real bar
