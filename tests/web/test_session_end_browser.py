"""The widget's 结束会话 control and idle expiry in headless Chromium (issue 20 item 2)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.helpers.intake import valid_credit_code
from tests.live_server import LiveServer
from tests.web.test_widget_browser import browser, fill_form, open_widget, page  # noqa: F401

pytestmark = pytest.mark.browser


def reply_after(frame: Any, text: str) -> str:
    """Send `text`; the bot's reply to it."""
    before = frame.locator(".msg.bot").count()
    frame.locator("#input").fill(text)
    frame.locator("#input").press("Enter")
    frame.locator(".msg.bot").nth(before).wait_for(timeout=30_000)
    frame.locator(".msg.bot .bubble[aria-busy='false']").last.wait_for(timeout=30_000)
    return str(frame.locator(".msg.bot").last.inner_text())


def file_request(frame: Any) -> str:
    """Fill and send the widget's form; the reference given."""
    frame.locator("#btn-form").click()
    frame.locator("#f-company_name").wait_for()
    fill_form(frame, valid_credit_code(41))
    frame.locator("button.primary").click()
    ref = frame.locator(".done .ref")
    ref.wait_for(timeout=15_000)
    text = str(ref.inner_text())
    frame.locator(".done button.secondary").click()
    return text


def test_end_session_leaves_nothing_for_the_next_visitor(page: Any) -> None:  # noqa: F811
    frame = open_widget(page)
    reply_after(frame, "你好")
    ref = file_request(frame)
    assert ref in reply_after(frame, "进度")
    frame.locator("#btn-form").click()
    frame.locator("#f-phone").fill("13905987777")  # an unsent edit, kept as a draft
    frame.locator("#form-back").click()
    frame.locator("#btn-end").click()
    frame.locator(".msg.notice", has_text="会话已结束").wait_for()
    log = str(frame.locator("#log").inner_text())
    assert ref not in log and "13905987777" not in log
    assert frame.locator(".msg.user").count() == 0  # nothing the last visitor typed
    stored = (
        page.frame_locator("#policybot-widget iframe")
        .locator("body")
        .evaluate(
            "() => [localStorage.getItem('policybot-session'), sessionStorage.getItem("
            "'policybot-history'), sessionStorage.getItem('policybot-draft')]"
        )
    )
    assert stored == [None, None, None]
    # the next visitor at the same computer
    progress = reply_after(frame, "进度")
    assert ref not in progress
    frame.locator("#btn-form").click()
    frame.locator("#f-phone").wait_for()
    assert frame.locator("#f-phone").input_value() == ""
    assert frame.locator("#f-company_name").input_value() == ""
    page.reload()
    frame = open_widget(page)
    assert ref not in str(frame.locator("#log").inner_text())
    assert page.errors == []


def test_idle_session_is_cleared_on_the_next_visit(page: Any, live: LiveServer) -> None:  # noqa: F811
    frame = open_widget(page)
    reply_after(frame, "续贷有什么支持？")
    assert frame.locator(".msg.user").count() == 1
    frame.locator("body").evaluate(
        "() => localStorage.setItem('policybot-active', String(Date.now() - 31 * 60000))"
    )
    page.reload()
    frame = open_widget(page)
    frame.locator(".msg.notice", has_text="长时间未操作").wait_for()
    assert frame.locator(".msg.user").count() == 0
    assert "续贷有什么支持" not in str(frame.locator("#log").inner_text())
    assert frame.locator("body").evaluate("() => localStorage.getItem('policybot-session')") is None


def test_open_widget_ends_an_idle_session_by_itself(page: Any) -> None:  # noqa: F811
    frame = open_widget(page)
    reply_after(frame, "续贷有什么支持？")
    frame.locator("body").evaluate(
        "() => localStorage.setItem('policybot-active', String(Date.now() - 31 * 60000))"
    )
    # the widget checks every 15 s while open
    frame.locator(".msg.notice", has_text="自动结束").wait_for(timeout=20_000)
    assert frame.locator(".msg.user").count() == 0
    assert re.search("续贷有什么支持", str(frame.locator("#log").inner_text())) is None
