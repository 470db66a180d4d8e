"""The widget's input past the server's limit (MAX_TEXT_CHARS) in headless Chromium: nothing is
cut silently; a visible Chinese counter near the limit, a notice past it, and no send."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.test_widget_browser import browser, open_widget, page  # noqa: F401
from web.schemas import MAX_TEXT_CHARS

pytestmark = pytest.mark.browser


def counter(frame: Any) -> Any:
    return frame.locator("#input-count")


@pytest.mark.parametrize("over", [1, 37, MAX_TEXT_CHARS])
def test_pasted_text_over_the_limit_is_kept_whole_with_a_notice(page: Any, over: int) -> None:  # noqa: F811
    frame = open_widget(page)
    text = ("续贷问题" * MAX_TEXT_CHARS)[: MAX_TEXT_CHARS + over]
    frame.locator("#input").fill(text)
    assert frame.locator("#input").input_value() == text  # never truncated
    notice = counter(frame)
    assert notice.is_visible()
    shown = str(notice.inner_text())
    assert (
        "内容过长" in shown and f"最多 {MAX_TEXT_CHARS} 字" in shown and f"超出 {over} 字" in shown
    )
    assert frame.locator("#send").is_disabled()
    users = frame.locator(".msg.user").count()
    frame.locator("#input").press("Enter")
    page.wait_for_timeout(300)
    assert frame.locator(".msg.user").count() == users  # nothing sent
    assert frame.locator("#input").input_value() == text  # nothing lost
    frame.locator("#input").fill(text[:MAX_TEXT_CHARS])
    assert "内容过长" not in str(notice.inner_text()) and not frame.locator("#send").is_disabled()
    assert f"{MAX_TEXT_CHARS}/{MAX_TEXT_CHARS}" in str(notice.inner_text())


@pytest.mark.parametrize("length", [1, 50, MAX_TEXT_CHARS // 2])
def test_short_text_shows_no_counter(page: Any, length: int) -> None:  # noqa: F811
    frame = open_widget(page)
    frame.locator("#input").fill("问" * length)
    assert not counter(frame).is_visible()
    assert not frame.locator("#send").is_disabled()
