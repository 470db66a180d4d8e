"""The back office in headless Chromium: the main workflow, and XSS payloads shown escaped."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from core.settings import Settings
from tests.browser import launch_chromium
from tests.helpers.staff import BANK_A, PASSWORD, Seeded
from tests.live_server import LiveServer

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium for this module."""
    yield from launch_chromium()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="zh-CN")
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


def _step(page: Any, target: str, note: str, **fields: str) -> None:
    page.select_option("#status-form select[name=target]", target)
    for name, value in fields.items():
        page.fill(f"#status-form [name={name}]", value)
    page.fill("#status-form textarea[name=note]", note)
    page.click("#status-form button[type=submit]")
    page.wait_for_selector(".notice")


def test_workflow_from_filter_to_bank_outcome(
    page: Any, admin_live: LiveServer, seeded: Seeded
) -> None:
    _login(page, admin_live, "coord")
    page.goto(f"{admin_live.url}/admin/requests")
    page.check("input[name=status][value=submitted]")
    page.select_option("select[name=county]", "沙县区")
    page.click("#filters button[type=submit]")
    rows = page.locator("#request-table tbody tr")
    assert rows.count() == 1 and "未推送纺织公司" in rows.first.inner_text()
    rows.first.locator("a").click()
    page.wait_for_selector("#status-form")
    assert page.inner_text("#current-status") == "新提交"
    _step(page, "reviewing", "资料已核验")
    _step(page, "recommended", "建议对接甲银行")
    assert page.inner_text("#current-status") == "列入推荐清单"
    page.check(f"#push-form label.chk:has-text('{BANK_A}') input")
    page.fill("#push-form textarea[name=note]", "请尽快对接")
    page.click("#push-form button[type=submit]")
    page.wait_for_selector(".notice")
    assert page.inner_text("#current-status") == "已推送银行"
    assert BANK_A in page.inner_text("#bank-table")
    history = page.inner_text("#history")
    assert "资料已核验" in history and "建议对接甲银行" in history
    url = page.url.split("?")[0]
    page.click("header form button")  # logout
    page.wait_for_selector("input[name=username]")

    _login(page, admin_live, "officer_a")
    page.goto(url)
    page.select_option("#outcome-form select[name=outcome]", "granted")
    assert page.is_visible("#outcome-form input[name=amount_wan]")
    assert not page.is_visible("#outcome-form textarea[name=decline_reason]")
    page.fill("#outcome-form input[name=amount_wan]", "40")
    page.fill("#outcome-form input[name=granted_date]", "2026-11-25")
    page.fill("#outcome-form input[name=granted_product]", "信用贷")
    page.fill("#outcome-form textarea[name=note]", "已放款")
    page.click("#outcome-form button[type=submit]")
    page.wait_for_selector(".notice")
    assert page.inner_text("#current-status") == "已获贷"
    assert "40 万元" in page.inner_text("#granted")
    assert "status-form" not in page.content()  # officers cannot move statuses


def test_xss_payloads_are_shown_escaped(
    page: Any, settings: Settings, admin_live: LiveServer, seeded: Seeded
) -> None:
    _login(page, admin_live, "coord")
    page.goto(f"{admin_live.url}/admin/requests?q=恶意公司")
    assert "<script>window.__xss=1</script>恶意公司" in page.inner_text("#request-table")
    page.click("#request-table tbody a")
    page.wait_for_selector("#company-name")
    page.fill("#status-form textarea[name=note]", '<img src=x onerror="window.__xss=3">')
    page.click("#status-form button[type=submit]")
    page.wait_for_selector(".notice")
    assert page.inner_text("#company-name") == "<script>window.__xss=1</script>恶意公司"
    assert page.inner_text("#request-note") == '<img src=x onerror="window.__xss=2">'
    assert '<img src=x onerror="window.__xss=3">' in page.inner_text("#history")
    assert page.evaluate("window.__xss") is None
    assert page.locator("#history img, #request-note img, #company-name script").count() == 0
