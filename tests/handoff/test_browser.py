"""Headless Chromium: the handoff inbox refreshes by itself, the widget shows staff replies live."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import ARTIFACTS, launch_chromium
from tests.helpers.staff import PASSWORD
from tests.live_server import LiveServer

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium for this module."""
    yield from launch_chromium()


def _tab(browser: Any) -> Any:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(20000)
    return tab


def test_handoff_inbox_live_between_staff_and_widget(browser: Any, live: LiveServer) -> None:
    staff = _tab(browser)
    staff.goto(f"{live.url}/admin/login")
    staff.fill("input[name=username]", "coord")
    staff.fill("input[name=password]", PASSWORD)
    staff.click("button[type=submit]")
    staff.wait_for_selector("#who")
    staff.goto(f"{live.url}/admin/handoffs")
    assert staff.locator("#handoff-rows a").count() == 0

    visitor = _tab(browser)
    visitor.goto(f"{live.url}/widget")
    visitor.locator("#input").fill("转人工")
    visitor.locator("#input").press("Enter")
    visitor.get_by_text("已为您转接人工服务").wait_for()

    link = staff.locator("#handoff-rows a").first
    link.wait_for()  # appeared without a reload
    assert "待回复" in staff.locator("#handoff-rows").inner_text()
    link.click()
    staff.wait_for_selector("#transcript")
    assert "转人工" in staff.locator("#transcript").inner_text()
    staff.fill("#reply-form textarea[name=text]", "您好，我是协调办小李，请讲。")
    staff.click("#reply-form button[type=submit]")
    staff.wait_for_selector(".notice")

    reply = visitor.locator(".msg.inbox", has_text="协调办小李")
    reply.wait_for()  # shown by the widget's polling, no message sent
    visitor.locator("#input").fill("我想问续贷的材料")
    visitor.locator("#input").press("Enter")
    staff.locator("#transcript", has_text="我想问续贷的材料").wait_for()  # live transcript
    visitor.wait_for_timeout(4000)  # two more polls: the reply is not shown again
    assert visitor.locator(".msg.inbox", has_text="协调办小李").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    staff.screenshot(path=str(ARTIFACTS / "handoff-inbox.png"), full_page=True)
    visitor.screenshot(path=str(ARTIFACTS / "handoff-widget.png"))
    staff.context.close()
    visitor.context.close()
