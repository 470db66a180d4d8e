"""The widget's web form in headless Chromium: readings to confirm get a tick box."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sqlalchemy import select

from bot.services import services_of
from storage.models import FinancingRequest
from tests.helpers.intake import broken_credit_code
from tests.live_server import LiveServer
from tests.web.test_widget_browser import browser, fill_form, open_widget, page

pytestmark = pytest.mark.browser
__all__ = ["browser", "page"]


def test_widget_form_confirms_amount_and_licence_code_before_storing(
    page: Any, live: LiveServer
) -> None:
    frame = open_widget(page)
    frame.locator("#btn-form").click()
    frame.locator("#f-company_name").wait_for()
    code = broken_credit_code(11)
    fill_form(frame, code)
    frame.locator("#f-amount_wan").fill("1.5kw")
    frame.locator("button.primary").click()
    frame.locator("#confirm-amount_wan").wait_for()
    assert "1500 万元" in frame.locator("#err-amount_wan").inner_text()
    assert "按执照填写，确认无误" in frame.locator("label.confirm-box").nth(0).inner_text()
    frame.locator("#confirm-credit_code").check()
    frame.locator("#confirm-amount_wan").check()
    frame.locator("#f-amount_wan").fill("1.5kw ")  # changing the answer withdraws its tick
    assert not frame.locator("#confirm-amount_wan").is_checked()
    frame.locator("#confirm-amount_wan").check()
    frame.locator("button.primary").click()
    ref = frame.locator(".done .ref")
    ref.wait_for(timeout=15_000)
    assert re.fullmatch(r"RZ-\d{8}-\d{4}", ref.inner_text())
    with services_of(live.app).db.session() as session:
        request = session.scalars(select(FinancingRequest)).one()
        assert (request.amount_wan, request.credit_code) == (1500.0, code)
        assert request.credit_code_unverified is True
    assert page.errors == []
