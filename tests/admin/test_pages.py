"""Whitelist management, dashboard and insights pages, and the SVG charts."""

from __future__ import annotations

import io
from collections.abc import Callable

import httpx
import pytest

from admin.charts import bar_chart, funnel_chart, line_chart
from core.settings import Settings
from storage.db import open_database
from storage.models import Conversation, FinancingRequest, Message
from storage.requests import create_request
from tests.helpers.staff import BANK_A, Seeded, csrf_of, push_to
from tests.storage.factories import request_data


def test_whitelisted_request_stands_out_in_list(
    as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    coord = as_user("coord")
    detail = coord.get(f"/admin/requests/{seeded.for_b}").text
    code = detail.split('<td class="mono">', 1)[1].split("<", 1)[0]
    token = csrf_of(coord.get("/admin/whitelist").text)
    added = coord.post(
        "/admin/whitelist",
        data={"csrf_token": token, "credit_code": code, "company_name": "乙银行客户食品厂"},
    )
    assert added.status_code == 303
    listing = coord.get("/admin/requests", params={"whitelist": "yes"}).text
    assert listing.count('class="whitelisted"') == 1 and "乙银行客户食品厂" in listing
    dup = coord.post(
        "/admin/whitelist", data={"csrf_token": token, "credit_code": code, "company_name": "x"}
    )
    assert dup.status_code == 400 and "已在白名单中" in dup.text


def test_viewer_cannot_add_to_whitelist(as_user: Callable[[str], httpx.Client]) -> None:
    viewer = as_user("viewer1")
    token = csrf_of(viewer.get("/admin/whitelist").text)
    response = viewer.post(
        "/admin/whitelist",
        data={"csrf_token": token, "credit_code": "91350400MA2Y12345Q", "company_name": "x"},
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    "path",
    ["/admin/dashboard", "/admin/insights", "/admin/knowledge", "/admin/users", "/admin/audit"],
)
def test_admin_pages_render_in_chinese(
    as_user: Callable[[str], httpx.Client], seeded: Seeded, path: str
) -> None:
    response = as_user("admin1").get(path)
    assert response.status_code == 200 and 'lang="zh-CN"' in response.text


def test_dashboard_draws_svg_charts(as_user: Callable[[str], httpx.Client], seeded: Seeded) -> None:
    page = as_user("coord").get("/admin/dashboard").text
    assert page.count("<svg") >= 6 and '<b id="kpi-total">4</b>' in page
    assert "cdn" not in page.lower()


def test_bar_chart_escapes_labels() -> None:
    svg = str(bar_chart([("<b>x</b>", 3), ("y", 1)], title="t"))
    assert "&lt;b&gt;x&lt;/b&gt;" in svg and "<b>" not in svg and svg.count("<rect") == 2


def test_charts_without_data_say_so() -> None:
    assert "暂无数据" in str(funnel_chart([("提交", 0)], title="f"))
    assert "暂无数据" in str(line_chart([], names=("a", "b"), title="l"))


def test_detail_shows_transcript_and_duplicates_to_office_only(
    settings: Settings, as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    db = open_database(settings)
    with db.session() as session:
        original = session.get(FinancingRequest, seeded.for_a)
        assert original is not None
        conv = Conversation(channel="telegram", user_id="tg-1")
        session.add(conv)
        session.flush()
        session.add(Message(conversation_id=conv.id, direction="in", text="我想贷款两百万"))
        session.add(
            Message(conversation_id=conv.id, direction="out", text="请填写融资需求登记", feedback=1)
        )
        data = request_data(credit_code=original.credit_code, company_name="甲银行客户机械厂")
        dup = create_request(
            session, data=data, channel="telegram", channel_user_id="tg-1", conversation_id=conv.id
        )
        dup_id, original_ref = dup.id, original.ref
        push_to(session, dup.id, BANK_A)
    db.dispose()
    page = as_user("coord").get(f"/admin/requests/{dup_id}").text
    assert "我想贷款两百万" in page and "请填写融资需求登记" in page
    assert f'">{original_ref}</a>' in page and "重复" in page
    officer = as_user("officer_a").get(f"/admin/requests/{dup_id}").text
    assert "我想贷款两百万" not in officer and original_ref in officer


def test_recommend_list_link_shows_recommend_title(
    as_user: Callable[[str], httpx.Client], seeded: Seeded
) -> None:
    page = as_user("coord").get("/admin/requests?status=recommended&status=pushed").text
    assert "<h1>推荐清单" in page and "甲银行客户机械厂" in page and "未推送纺织公司" not in page


def _xlsx(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["xlsx", "csv-gbk"])
def test_import_whitelist_adds_new_skips_known_reports_bad_rows(
    as_user: Callable[[str], httpx.Client], kind: str
) -> None:
    rows = [
        ["企业名称", "统一社会信用代码", "备注"],
        ["三明甲公司", "91350400MA2Y12345Q", "重点企业"],
        ["三明甲公司", "91350400MA2Y12345Q", ""],
        ["坏代码公司", "12345", ""],
    ]
    if kind == "xlsx":
        upload = ("名单.xlsx", _xlsx(rows))
    else:
        text = "\n".join(",".join(r) for r in rows)
        upload = ("名单.csv", text.encode("gb18030"))
    coord = as_user("coord")
    token = csrf_of(coord.get("/admin/whitelist").text)
    response = coord.post(
        "/admin/whitelist/import", data={"csrf_token": token}, files={"file": upload}
    )
    assert response.status_code == 200
    assert "新增 1 家，已在名单中 1 家，1 行有误" in response.text
    assert "第 4 行" in response.text and "重点企业" in response.text


def test_insights_link_weak_question_to_golden_form(
    settings: Settings, as_user: Callable[[str], httpx.Client]
) -> None:
    db = open_database(settings)
    with db.session() as session:
        conv = Conversation(channel="wechat", user_id="wx-1")
        session.add(conv)
        session.flush()
        session.add(Message(conversation_id=conv.id, direction="in", text="<b>贴息</b>怎么申请"))
        session.add(
            Message(
                conversation_id=conv.id,
                direction="out",
                text="抱歉",
                intent="out_of_scope",
                in_scope=False,
                top_score=0.2,
                feedback=-1,
            )
        )
    db.dispose()
    coord = as_user("coord")
    page = coord.get("/admin/insights").text
    assert "&lt;b&gt;贴息&lt;/b&gt;怎么申请" in page and "微信公众号" in page
    link = page.split('href="/admin/knowledge?', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    form = coord.get(f"/admin/knowledge?{link}").text
    assert 'value="&lt;b&gt;贴息&lt;/b&gt;怎么申请"' in form
