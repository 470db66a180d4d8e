"""The /check page in headless Chromium at 390 px: filled in by tapping, the result shown,
nothing wider than the screen, and every control large enough to tap."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser import ARTIFACTS, launch_chromium
from tests.live_server import LiveServer

pytestmark = pytest.mark.browser

WIDTH = 390


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium for this module."""
    yield from launch_chromium()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A tab 390 px wide (a phone)."""
    context = browser.new_context(
        locale="zh-CN", viewport={"width": WIDTH, "height": 844}, device_scale_factor=1
    )
    tab = context.new_page()
    tab.set_default_timeout(15000)
    yield tab
    context.close()


def no_horizontal_scroll(tab: Any) -> None:
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= WIDTH, f"page is {width}px wide at {WIDTH}px"
    wide = tab.evaluate(
        f"""[...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > {WIDTH} + 1)
            .map(e => e.tagName + '.' + e.className).slice(0, 5)"""
    )
    assert not wide, wide


def test_check_page_at_390_px(phone: Any, live: LiveServer) -> None:
    tab = phone
    tab.goto(f"{live.url}/check")
    assert tab.title().startswith("政策体检")
    no_horizontal_scroll(tab)
    tab.select_option("#c-industry", "制造业")
    tab.fill("#c-trade", "竹制品加工")
    tab.select_option("#c-county", "永安市")
    tab.select_option("#c-size", "小型")
    tab.select_option("#c-purpose", "新增贷款")
    tab.get_by_label("林权").check()
    tab.fill("#c-amount", "300")
    for control in ("#c-industry", "#c-amount", "button.check-submit"):
        box = tab.locator(control).bounding_box()
        assert box and box["height"] >= 36 and box["x"] + box["width"] <= WIDTH, control
    tab.click("button.check-submit")
    tab.wait_for_selector("#result")
    pledge = tab.locator('li.check-item[data-doc="measure-7"][data-verdict="yes"]')
    assert pledge.count() >= 1 and "✓" in pledge.first.inner_text()
    assert tab.locator('li.check-item[data-doc="platform-funongelin"]').count() == 1
    no_horizontal_scroll(tab)
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "check-390.png"), full_page=True)
    tab.locator('li.check-item[data-doc="measure-7"] summary').first.click()
    assert (
        "积极探索知识产权" in tab.locator('li.check-item[data-doc="measure-7"]').first.inner_text()
    )


def test_check_result_opens_the_financing_form_prefilled(phone: Any, live: LiveServer) -> None:
    tab = phone
    tab.goto(f"{live.url}/check")
    tab.select_option("#c-industry", "制造业")
    tab.select_option("#c-county", "永安市")
    tab.select_option("#c-size", "小型")
    tab.get_by_label("林权").check()
    tab.fill("#c-amount", "三百")
    tab.click("button.check-submit")
    tab.wait_for_selector("#result")
    link = tab.get_by_role("link", name="用这些信息填写融资需求登记")
    assert link.count() == 1
    box = link.bounding_box()
    assert box and box["height"] >= 36 and box["x"] + box["width"] <= WIDTH
    link.click()
    tab.wait_for_selector("#view-form:not([hidden]) form")
    form = tab.locator("#view-form form")
    assert form.locator('[name="county"]').input_value() == "永安市"
    assert form.locator('[name="industry"]').input_value() == "制造业"
    assert float(form.locator('[name="amount_wan"]').input_value()) == 300
    assert form.locator('[name="guarantee"]').input_value() == "林权抵押"
    no_horizontal_scroll(tab)
