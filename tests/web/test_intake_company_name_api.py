"""The intake API (and so the widget's web form, which posts to it) applies the company-name
rule of bot.intake.company_names: junk is a 422 whose item at ["body", "company_name"] gives
the precise `type` (company_name_not_chinese, …) and a Chinese `msg`; a name without an
organisation form is `confirmable`, stored once listed in `confirmed`. Generated over kinds."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from bot.services import services_of
from storage.models import FinancingRequest
from tests.helpers.company_names import GOOD, JUNK_KINDS, SHORT
from tests.helpers.intake import intake_payload
from tests.live_server import LiveServer


def stored_name(live: LiveServer, ref: str) -> str:
    with services_of(live.app).db.session() as session:
        query = select(FinancingRequest.company_name).where(FinancingRequest.ref == ref)
        return str(session.scalar(query))


def test_every_kind_of_junk_is_a_precise_422(client: httpx.Client) -> None:
    for names, code in JUNK_KINDS:
        for name in names[::2]:
            response = client.post("/api/intake", json=intake_payload(company_name=name))
            assert response.status_code == 422, (name, response.text)
            body = response.json()
            (item,) = [i for i in body["items"] if i["loc"] == ["body", "company_name"]]
            assert item["type"] == code, (name, item)
            assert item["msg"] == body["errors"]["company_name"]
            assert "企业" in item["msg"] or "名称" in item["msg"]
            assert "company_name" not in body["confirmable"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_registered_names_are_stored(client: httpx.Client, live: LiveServer, seed: int) -> None:
    name = GOOD[seed * 7]
    payload = intake_payload(seed=seed, company_name=name)
    response = client.post("/api/intake", json=payload)
    assert response.status_code == 201, response.text
    assert stored_name(live, response.json()["ref"]) == name


def test_a_short_name_is_confirmable_then_stored(client: httpx.Client, live: LiveServer) -> None:
    name = SHORT[0]
    asked = client.post("/api/intake", json=intake_payload(seed=9, company_name=name))
    assert asked.status_code == 422
    body = asked.json()
    assert "company_name" in body["confirmable"] and "简称" in body["errors"]["company_name"]
    (item,) = [i for i in body["items"] if i["loc"] == ["body", "company_name"]]
    assert item["type"] == "confirmation_needed"
    payload = intake_payload(seed=9, company_name=name, confirmed=["company_name"])
    response = client.post("/api/intake", json=payload)
    assert response.status_code == 201, response.text
    assert stored_name(live, response.json()["ref"]) == name
