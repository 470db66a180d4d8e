"""The self-check's county over real HTTP (`POST /api/check`, the `/check` page) is read as
the chat step and the financing form read it (`bot.checkup.county.read_check_county`):
every spelling the form accepts gives the option, anything else is a 422 naming the field
with the Chinese reason. Generated over kinds (full, without 区/县/市, traditional script,
said in a sentence, a company name, the former 梅列)."""

from __future__ import annotations

import html
import re
from urllib.parse import unquote

import httpx

from bot.intake import validate_field
from core.kinds import COUNTIES
from tests.bot.test_checkup_county import BAD, FORMER, KINDS, UNCLEAR
from tests.web.test_check_api import PROFILE


def test_api_check_reads_every_spelling_the_form_reads(client: httpx.Client) -> None:
    for county, text in [*KINDS[::3], *(("三元区", t) for t in FORMER)]:
        response = client.post("/api/check", json={**PROFILE, "county": text})
        assert response.status_code == 200, (text, response.text)
        body = response.json()
        assert body["profile"]["county"] == county == validate_field("county", text), text
        assert body["form_prefill"]["county"] == county and county in body["summary"]


def test_api_check_refuses_what_names_no_county_or_two(client: httpx.Client) -> None:
    for text in [*BAD, *UNCLEAR]:
        response = client.post("/api/check", json={**PROFILE, "county": text})
        assert response.status_code == 422, text
        (error,) = response.json()["detail"]
        assert error["loc"] == ["body", "county"], error
        assert "三明市" in error["msg"] or "还是" in error["msg"], error
    for blank_text in (
        "",
        " ",
    ):  # no county typed: an error naming the field (leave it out instead)
        blank = client.post("/api/check", json={**PROFILE, "county": blank_text})
        assert blank.status_code == 422 and blank.json()["detail"][0]["loc"] == ["body", "county"]


def test_check_page_reads_a_spelling_and_shows_the_option_chosen(client: httpx.Client) -> None:
    for text, county in [("沙縣", "沙县区"), ("我在永安", "永安市"), ("梅列", "三元区")]:
        page = client.get("/check", params=[("county", text), ("industry", "制造业"), ("go", "1")])
        assert page.status_code == 200, text
        chosen = re.findall(r'<option value="([^"]+)" selected>', page.text)
        assert county in chosen, (text, chosen)
        assert f"county={county}" in unquote(html.unescape(page.text))  # the form link's answer
    bad = client.get("/check", params=[("county", "北京"), ("go", "1")])
    assert bad.status_code == 422
    assert "没能看出“北京”是三明市哪个县" in html.unescape(bad.text)
    assert all(c in bad.text for c in COUNTIES)


def test_the_check_page_shows_the_owners_words_without_the_apis_field_prefix(
    client: httpx.Client,
) -> None:
    page = client.get("/check", params=[("county", "北京"), ("go", "1")])
    shown = html.unescape(page.text)
    assert page.status_code == 422 and "没能看出“北京”是三明市哪个县" in shown
    assert "county 的值" not in shown
