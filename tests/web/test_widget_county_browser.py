"""The widget's financing form in headless Chromium: the county the company name names is
put into an empty county list and said under it (read by the server's one derivation, in any
script); a changed name takes it along, a county the owner chose is never touched, and a
county left empty is asked to confirm by the server (tick box), then stored."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from bot.services import services_of
from storage.models import FinancingRequest
from tests.helpers.intake import valid_credit_code
from tests.live_server import LiveServer
from tests.web.test_widget_browser import browser, fill_form, open_widget, page

pytestmark = pytest.mark.browser
__all__ = ["browser", "page"]


def open_form(page: Any) -> Any:
    frame = open_widget(page)
    frame.locator("#btn-form").click()
    frame.locator("#f-company_name").wait_for()
    return frame


def type_name(frame: Any, name: str) -> None:
    """Type the company name and leave the field (its change event)."""
    frame.locator("#f-company_name").fill(name)
    frame.locator("#f-company_name").press("Tab")


def test_the_county_follows_the_company_name_until_the_owner_chooses(page: Any) -> None:
    from playwright.sync_api import expect

    frame = open_form(page)
    county, note = frame.locator("#f-county"), frame.locator("#suggest-county")
    for name, named in [
        ("沙縣鑫源竹業有限公司", "沙县区"),
        ("鑫源竹业（尤溪）有限公司", "尤溪县"),
        ("三明市梅列区鑫源贸易商行", "三元区"),
        ("福建省三明市永安市老王机械厂", "永安市"),
    ]:
        type_name(frame, name)
        expect(county).to_have_value(named)
        expect(note).to_contain_text(named)
    type_name(frame, "沙县小吃鑫源店")  # a brand, not a division: the name's county goes
    expect(county).to_have_value("")
    expect(note).to_have_text("")
    county.select_option("建宁县")  # the owner's own answer
    type_name(frame, "大田县鑫源竹业有限公司")
    page.wait_for_timeout(600)
    expect(county).to_have_value("建宁县")
    expect(note).to_have_text("")
    assert page.errors == []


def test_a_county_left_empty_is_confirmed_from_the_name_then_stored(
    page: Any, live: LiveServer
) -> None:
    from playwright.sync_api import expect

    frame = open_form(page)
    fill_form(frame, valid_credit_code(31))  # its county (沙县区) chosen: kept over any name
    type_name(frame, "泰寧縣鑫源竹業有限公司")
    expect(frame.locator("#f-county")).to_have_value("沙县区")
    frame.locator("#f-county").select_option("")
    type_name(frame, "泰寧縣鑫源竹業有限公司 ")
    expect(frame.locator("#f-county")).to_have_value("泰宁县")
    frame.locator("#f-county").select_option("")  # the owner empties it again
    frame.locator("button.primary").click()
    box = frame.locator("#confirm-county")
    box.wait_for()
    assert "泰宁县" in frame.locator("#err-county").inner_text()
    assert "按企业名称登记为泰宁县" in frame.locator("label.confirm-box").inner_text()
    box.check()
    frame.locator("button.primary").click()
    frame.locator(".done .ref").wait_for(timeout=15_000)
    with services_of(live.app).db.session() as session:
        request = session.scalars(select(FinancingRequest)).one()
        assert (request.county, request.company_name) == ("泰宁县", "泰宁县鑫源竹业有限公司")
    assert page.errors == []
