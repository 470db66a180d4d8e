"""/admin/qa over HTTP: roles, the gate on save (numbers, phrasings, 人工核实 by admins only),
versions with audit before/after and rollback, channel previews, search, import and export."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from core.settings import Settings
from storage.db import open_database
from storage.models import AuditEntry, QaVersion
from tests.helpers.staff import csrf_of, login
from tests.live_server import LiveServer

if TYPE_CHECKING:
    from bot.answerer import Answerer

FORM = {
    "question": "监管部门用哪些办法督促银行对民企公平放贷？",
    "phrasings": "监管用什么手段让银行公平对待民营企业\n督促银行一视同仁有哪些监管方式",
    "lead": "靠监管通报会、年度监管会谈、现场检查和监管约谈督促银行。",
    "points": "同等条件下民企与国企贷款利率和条件保持一致。",
    "next_step": "觉得银行区别对待，可以向三明金融监管分局反映。",
    "cites": "第12条",
    "status": "published",
    "valid_until": "2028-04-28",
}


@pytest.fixture
def qa_live(
    app_settings: Settings, answerer: Answerer, start_admin: Callable[..., LiveServer]
) -> LiveServer:
    return start_admin(app_settings, answerer)


@pytest.fixture
def user(qa_live: LiveServer) -> Iterator[Callable[[str], httpx.Client]]:
    clients: list[httpx.Client] = []

    def make(name: str) -> httpx.Client:
        client = httpx.Client(base_url=qa_live.url, timeout=120, follow_redirects=False)
        clients.append(client)
        assert login(client, name).status_code == 303
        return client

    yield make
    for client in clients:
        client.close()


def save(client: httpx.Client, **change: str) -> httpx.Response:
    token = csrf_of(client.get("/admin/qa/new").text)
    return client.post("/admin/qa/save", data={**FORM, **change, "csrf_token": token})


def rows(settings: Settings, model: Any, **where: Any) -> list[Any]:
    db = open_database(settings)
    with db.session() as session:
        found = list(session.query(model).filter_by(**where).order_by(model.id))
        session.expunge_all()
    db.dispose()
    return found


@pytest.mark.parametrize(
    "path", ["/admin/qa", "/admin/qa/new", "/admin/qa/export", "/admin/qa/entry/x"]
)
def test_a_bank_officer_gets_403(user: Callable[[str], httpx.Client], path: str) -> None:
    assert user("officer_a").get(path).status_code == 403


def test_a_viewer_reads_but_cannot_change(
    user: Callable[[str], httpx.Client], app_settings: Settings
) -> None:
    viewer = user("viewer1")
    page = viewer.get("/admin/qa")
    assert page.status_code == 200 and "问答库" in page.text and "发布问答" not in page.text
    first = page.text.split('<tr data-id="', 1)[1].split('"', 1)[0]
    entry = viewer.get(f"/admin/qa/entry/{first}")
    assert (
        entry.status_code == 200 and "disabled" in entry.text and 'id="qa-save"' not in entry.text
    )
    assert viewer.get("/admin/qa/export?format=csv").status_code == 200
    token = csrf_of(page.text)
    for path in ("/admin/qa/save", "/admin/qa/publish", f"/admin/qa/entry/{first}/disable"):
        assert viewer.post(path, data={**FORM, "csrf_token": token}).status_code == 403
    assert viewer.get("/admin/qa/new").status_code == 403
    assert rows(app_settings, QaVersion) == []


def test_save_edit_rollback_with_versions_and_audit(
    user: Callable[[str], httpx.Client], app_settings: Settings
) -> None:
    coord = user("coord")
    response = save(coord)
    assert response.status_code == 303, response.text
    entry_id = response.headers["location"].split("/entry/", 1)[1].split("?", 1)[0]
    page = coord.get(f"/admin/qa/entry/{entry_id}")
    assert FORM["lead"] in page.text and "待发布" not in page.text
    listed = coord.get("/admin/qa", params={"q": "监管约谈"}).text
    assert entry_id in listed and "待发布" in listed and "coord" in listed

    token = csrf_of(page.text)
    changed = {**FORM, "entry_id": entry_id, "lead": "靠监管通报会和现场检查等督促银行。"}
    changed["base_version"] = "1"  # the version the form was opened on
    assert coord.post("/admin/qa/save", data={**changed, "csrf_token": token}).status_code == 303
    assert (
        coord.post(f"/admin/qa/entry/{entry_id}/rollback/1", data={"csrf_token": token}).status_code
        == 303
    )
    versions = rows(app_settings, QaVersion, entry_id=entry_id)
    assert [(v.version, v.action) for v in versions] == [(1, "add"), (2, "edit"), (3, "rollback")]
    assert versions[2].data["lead"] == FORM["lead"] == versions[0].data["lead"]
    assert versions[0].data["author"] == "coord"
    audit = rows(app_settings, AuditEntry, entity="qa")
    assert [a.action for a in audit] == ["qa_add", "qa_edit", "qa_rollback"]
    assert audit[1].before["lead"] == FORM["lead"] and audit[1].after["lead"] == changed["lead"]
    assert audit[2].before["lead"] == changed["lead"] and audit[2].after["lead"] == FORM["lead"]
    history = coord.get(f"/admin/qa/entry/{entry_id}").text
    assert "回滚到此版" in history and "回滚到第 1 版" in history

    token = csrf_of(history)
    assert (
        coord.post(f"/admin/qa/entry/{entry_id}/disable", data={"csrf_token": token}).status_code
        == 303
    )
    assert rows(app_settings, QaVersion, entry_id=entry_id)[-1].status == "disabled"

    log = user("admin1").get("/admin/audit").text
    assert "新增问答" in log and "回滚问答" in log and "停用问答" in log
    assert "首句：" in log and "状态：已发布 → 停用" in log


def test_a_new_entry_may_not_take_an_existing_id(
    user: Callable[[str], httpx.Client], app_settings: Settings
) -> None:
    coord = user("coord")
    page = coord.get("/admin/qa").text
    taken = page.split('<tr data-id="', 1)[1].split('"', 1)[0]  # a packaged entry
    refused = save(coord, entry_id=taken, is_new="1")
    assert refused.status_code == 400 and f"编号 {taken} 已被问答" in refused.text
    assert FORM["lead"] in refused.text
    assert rows(app_settings, QaVersion) == []
    first = save(coord, is_new="1")
    assert first.status_code == 303
    again = save(coord, is_new="1", phrasings="另一种问法一\n另一种问法二")  # same question
    assert again.status_code == 400 and "已被问答" in again.text


def test_a_stale_form_is_refused_and_kept(
    user: Callable[[str], httpx.Client], app_settings: Settings
) -> None:
    coord, admin = user("coord"), user("admin1")
    response = save(coord)
    entry_id = response.headers["location"].split("/entry/", 1)[1].split("?", 1)[0]
    opened = coord.get(f"/admin/qa/entry/{entry_id}").text
    assert 'name="base_version" value="1"' in opened
    other = admin.get(f"/admin/qa/entry/{entry_id}").text
    first = {**FORM, "entry_id": entry_id, "base_version": "1", "lead": "管理员改的首句。"}
    done = admin.post("/admin/qa/save", data={**first, "csrf_token": csrf_of(other)})
    assert done.status_code == 303
    late = {**FORM, "entry_id": entry_id, "base_version": "1", "lead": "协调办后改的首句。"}
    refused = coord.post("/admin/qa/save", data={**late, "csrf_token": csrf_of(opened)})
    assert refused.status_code == 409 and "已被修改（第 2 版，admin1）" in refused.text
    assert "协调办后改的首句。" in refused.text  # what was typed is kept
    leads = [v.data["lead"] for v in rows(app_settings, QaVersion)]
    assert leads == [FORM["lead"], "管理员改的首句。"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"lead": "放大倍数要达到8倍以上。"}, "数字“8”在引用的原文中找不到"),
        ({"points": "民企贷款比重要到40%以上。"}, "数字“40”在引用的原文中找不到"),
        ({"cites": "measure-99"}, "引用的文档不存在：measure-99"),
        ({"phrasings": "千企万户大走访是什么\n别的问法"}, "已属于"),
        ({"phrasings": "只有一个问法"}, "至少需要 2 种相似问法"),
        ({"valid_from": "2029-01-01"}, "有效期的开始日期晚于结束日期"),
        ({"lead": ""}, "请填写首句"),
    ],
)
def test_a_refused_save_names_the_problem_and_keeps_the_form(
    user: Callable[[str], httpx.Client],
    app_settings: Settings,
    change: dict[str, str],
    message: str,
) -> None:
    response = save(user("coord"), **change)
    assert response.status_code == 400 and message in response.text
    assert FORM["question"] in response.text and FORM["next_step"] in response.text
    assert rows(app_settings, QaVersion) == []


def test_only_an_admin_marks_a_number_verified(
    user: Callable[[str], httpx.Client], app_settings: Settings
) -> None:
    lead = {"lead": "民企贷款比重力争到40%以上。", "verified": "40｜已与三明金融监管分局核实"}
    refused = save(user("coord"), **lead)
    assert refused.status_code == 400 and "数字“40”" in refused.text
    assert save(user("admin1"), **{**lead, "verified": "40"}).status_code == 400
    assert save(user("admin1"), **lead).status_code == 303
    saved = rows(app_settings, QaVersion)
    assert saved[-1].data["verified"] == {"40": "已与三明金融监管分局核实"}
    audit = rows(app_settings, AuditEntry, action="qa_add")
    assert audit[-1].after["verified"] == {"40": "已与三明金融监管分局核实"}


def test_preview_shows_widget_telegram_and_wechat(user: Callable[[str], httpx.Client]) -> None:
    coord = user("coord")
    token = csrf_of(coord.get("/admin/qa/new").text)
    page = coord.post("/admin/qa/save", data={**FORM, "op": "preview", "csrf_token": token})
    assert page.status_code == 200
    html = page.text
    for channel in ("preview-widget", "preview-telegram", "preview-wechat"):
        part = html.split(f'id="{channel}">', 1)[1].split("</div>", 1)[0]
        assert FORM["lead"] in part and "下一步：" in part
    assert "查看条款原文" in html and "👎" in html
    assert "<blockquote expandable>" in html  # Telegram's 原文 quote
    assert "依据" in html


def test_web_import_refuses_a_whole_file_and_export_reads_back(
    user: Callable[[str], httpx.Client], app_settings: Settings
) -> None:
    coord = user("coord")
    token = csrf_of(coord.get("/admin/qa").text)
    head = "标准问题,相似问法,回答,依据,状态\n"
    good = (
        '助贷机构收费有上限吗？,"中介帮忙贷款收多少钱\n助贷费用有没有规定",'
        '"措施要求降低助贷机构收费标准，没有规定具体数额。\n下一步：办贷前问清全部收费。",'
        "measure-11,草稿\n"
    )
    bad = (
        '担保放大几倍？,"担保能放大多少\n放大倍数是多少",'
        '"放大倍数要达到8倍以上。\n下一步：问担保机构。",measure-9,已发布\n'
    )
    files = {"file": ("问答.csv", io.BytesIO((head + good + bad).encode()), "text/csv")}
    refused = coord.post("/admin/qa/import", data={"csrf_token": token}, files=files)
    assert (
        refused.status_code == 422
        and "数字“8”" in refused.text
        and "任何内容都没有导入" in refused.text
    )
    assert rows(app_settings, QaVersion) == []
    files = {"file": ("问答.csv", io.BytesIO((head + good).encode()), "text/csv")}
    done = coord.post("/admin/qa/import", data={"csrf_token": token}, files=files)
    assert done.status_code == 200 and "新增 1" in done.text
    exported = coord.get("/admin/qa/export", params={"format": "jsonl"})
    assert exported.status_code == 200 and "助贷机构收费有上限吗？" in exported.text
