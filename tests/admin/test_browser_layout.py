"""The back office in headless Chromium: long company names, expired sessions keep the form."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest

from core.settings import Settings
from storage.db import open_database
from storage.staff import end_staff_sessions
from tests.browser import ARTIFACTS, launch_chromium
from tests.helpers.staff import PASSWORD, Seeded, add_request
from tests.live_server import LiveServer

# An unbroken Latin run (no break opportunity at all) followed by a long Chinese name.
LONG_NAME = "三明" + "SANMINGXINYUANTECHNOLOGYDEVELOPMENT" * 2 + "超长无空格企业名称测试" * 2
LONG_NAME += "有限公司"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium for this module."""
    yield from launch_chromium()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15000)
    yield tab
    context.close()


def _login(page: Any, live: LiveServer, username: str) -> None:
    page.goto(f"{live.url}/admin/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#who")


def _text_lines(page: Any, selector: str) -> int:
    """How many lines the text inside an element takes (distinct tops of its line boxes)."""
    script = (
        "e => { const r = document.createRange(); r.selectNodeContents(e);"
        " return new Set(Array.from(r.getClientRects()).map(b => Math.round(b.top))).size; }"
    )
    return int(page.eval_on_selector(selector, script))


def test_long_company_name_wraps_and_keeps_columns_readable(
    page: Any, settings: Settings, admin_live: LiveServer, seeded: Seeded
) -> None:
    db = open_database(settings)
    with db.session() as session:
        ref = add_request(session, random.Random(5), company_name=LONG_NAME).ref
    db.dispose()
    _login(page, admin_live, "coord")
    page.goto(f"{admin_live.url}/admin/requests")
    row = f"#request-table tr[data-ref='{ref}']"
    page.wait_for_selector(row)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "admin-long-company-name.png"), full_page=True)
    for cell in ("td:nth-child(1) a", "td:nth-child(2)", "td:nth-child(10) .status"):
        assert _text_lines(page, f"{row} {cell}") == 1, cell  # ref, time and status stay whole
    assert len(LONG_NAME) <= 100
    assert _text_lines(page, f"{row} td.company") >= 3  # the name wraps inside its cell
    table_width = page.eval_on_selector("#request-table", "e => e.scrollWidth")
    assert table_width <= 1280
    search = page.locator("input[name=q]")
    assert search.evaluate("e => e.scrollWidth <= e.clientWidth")
    placeholder_fits = search.evaluate(
        "e => { const c = document.createElement('canvas').getContext('2d');"
        " c.font = getComputedStyle(e).font; return c.measureText(e.placeholder).width"
        " <= e.clientWidth; }"
    )
    assert placeholder_fits


def test_expired_session_during_a_form_returns_to_it_with_the_input(
    page: Any, settings: Settings, admin_live: LiveServer, seeded: Seeded
) -> None:
    _login(page, admin_live, "coord")
    url = f"{admin_live.url}/admin/requests/{seeded.unpushed}"
    page.goto(url)
    page.select_option("#status-form select[name=target]", "reviewing")
    page.fill("#status-form textarea[name=note]", "材料已核对，营业执照与法人身份证一致")
    db = open_database(settings)
    with db.session() as session:
        end_staff_sessions(session, username="coord")  # the session ends meanwhile
    db.dispose()
    page.click("#status-form button[type=submit]")
    page.wait_for_selector("input[name=username]")
    assert "登录已过期" in page.inner_text(".notice")
    page.fill("input[name=username]", "coord")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#draft-restored")
    assert page.url == url
    note = page.input_value("#status-form textarea[name=note]")
    assert note == "材料已核对，营业执照与法人身份证一致"
    assert page.input_value("#status-form select[name=target]") == "reviewing"
    assert page.inner_text("#current-status") == "新提交"  # nothing was changed before login
    page.click("#status-form button[type=submit]")
    page.wait_for_selector(".notice")
    assert page.inner_text("#current-status") == "审核中"
    page.reload()
    assert page.locator("#draft-restored").count() == 0
