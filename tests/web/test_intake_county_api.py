"""The county read from the company name over real HTTP: `GET /api/intake/county` (what the
widget's form prefills) and `POST /api/intake` with the county left empty, which asks to
confirm the name's county (422 confirmation_needed, the county in ctx `value`) and stores it
once `confirmed` names county; an answered county is never replaced. Both use the one
derivation, `bot.intake.counties.county_in_name` (so the chat form's). Generated over kinds:
every county, its name written in full or without 区/县/市, after 福建省/三明市, in brackets
after the trade name, in traditional script, and the former 梅列区."""

from __future__ import annotations

import httpx
import opencc
from sqlalchemy import select

from bot.intake.counties import county_in_name
from bot.services import services_of
from core.kinds import COUNTIES
from storage.models import FinancingRequest
from tests.helpers.intake import intake_payload
from tests.live_server import LiveServer

TRADITIONAL = opencc.OpenCC("s2t")
TRADES = ["鑫源竹业有限公司", "老王机械厂", "绿野茶叶专业合作社"]


def names(county: str, seed: int) -> list[str]:
    """Registered names holding `county`, one per kind."""
    stem = county[:-1]
    trade = TRADES[seed % len(TRADES)]
    return [
        f"{county}{trade}",
        f"三明市{stem}{trade}",
        f"福建省三明市{county}{trade}",
        f"鑫源竹业（{stem}）有限公司",
        TRADITIONAL.convert(f"{county}{trade}"),
    ]


KINDS = [(c, n) for i, c in enumerate(COUNTIES) for n in names(c, i)]
NONE = ["三明市示例机械制造有限公司", "沙县小吃鑫源店", "鑫源竹业有限公司"]


def stored_county(live: LiveServer, ref: str) -> str:
    with services_of(live.app).db.session() as session:
        query = select(FinancingRequest.county).where(FinancingRequest.ref == ref)
        return str(session.scalar(query))


def stored_count(live: LiveServer) -> int:
    with services_of(live.app).db.session() as session:
        return len(session.scalars(select(FinancingRequest.id)).all())


def test_the_suggestion_is_the_one_derivation_for_every_kind(client: httpx.Client) -> None:
    for county, name in [*KINDS, ("三元区", "三明市梅列区鑫源贸易商行")]:
        response = client.get("/api/intake/county", params={"company_name": name})
        assert response.status_code == 200, response.text
        assert response.json() == {"company_name": name, "county": county}, name
    for name in [*NONE, ""]:
        body = client.get("/api/intake/county", params={"company_name": name}).json()
        assert body["county"] is None and county_in_name(name) is None, name


def test_a_name_too_long_for_a_suggestion_is_a_precise_422(client: httpx.Client) -> None:
    response = client.get("/api/intake/county", params={"company_name": "沙" * 201})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "body_invalid" and body["items"][0]["loc"][-1] == "company_name"


def test_an_empty_county_is_asked_to_confirm_then_stored(
    client: httpx.Client, live: LiveServer
) -> None:
    for n, (county, name) in enumerate(KINDS[::3]):
        for empty in ({"county": None}, {"county": ""}, {}):
            payload = intake_payload(seed=n + 20, company_name=name) | empty
            if not empty:
                del payload["county"]
            asked = client.post("/api/intake", json=payload)
            assert asked.status_code == 422, asked.text
            body = asked.json()
            (item,) = [i for i in body["items"] if i["loc"] == ["body", "county"]]
            assert item["type"] == "confirmation_needed", name
            assert item["ctx"]["value"] == county and county in item["msg"]
            assert body["confirmable"]["county"] == item["ctx"]["confirm_label"]
            assert county in body["confirmable"]["county"]
        assert stored_count(live) == n
        payload = intake_payload(seed=n + 20, company_name=name, county=None, confirmed=["county"])
        stored = client.post("/api/intake", json=payload)
        assert stored.status_code == 201, stored.text
        assert stored_county(live, stored.json()["ref"]) == county, name


def test_a_name_naming_no_county_leaves_the_county_missing(client: httpx.Client) -> None:
    for name in NONE:
        for confirmed in ([], ["county"]):
            payload = intake_payload(company_name=name, county="", confirmed=confirmed)
            body = client.post("/api/intake", json=payload).json()
            (item,) = [i for i in body["items"] if i["loc"] == ["body", "county"]]
            assert item["type"] == "missing" and "county" not in body["confirmable"], name


def test_an_answered_county_is_never_replaced(client: httpx.Client, live: LiveServer) -> None:
    for n, (county, name) in enumerate(KINDS[1::4]):
        other = COUNTIES[(COUNTIES.index(county) + 3) % len(COUNTIES)]
        payload = intake_payload(seed=n + 40, company_name=name, county=other, confirmed=["county"])
        response = client.post("/api/intake", json=payload)
        assert response.status_code == 201, response.text
        assert stored_county(live, response.json()["ref"]) == other, name


def test_an_invalid_name_gives_no_county(client: httpx.Client) -> None:
    body = client.post("/api/intake", json=intake_payload(company_name="沙县", county="")).json()
    types = {tuple(i["loc"]): i["type"] for i in body["items"]}
    assert types[("body", "county")] == "missing"
    assert types[("body", "company_name")] != "missing"
