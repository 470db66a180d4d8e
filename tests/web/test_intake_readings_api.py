"""POST /api/intake with answers as owners write them: parsed as meant, or a precise 422."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from bot.services import services_of
from storage.models import FinancingRequest
from tests.helpers.intake import broken_credit_code, intake_payload
from tests.live_server import LiveServer


def stored(live: LiveServer, ref: str) -> FinancingRequest:
    with services_of(live.app).db.session() as session:
        return session.scalars(select(FinancingRequest).where(FinancingRequest.ref == ref)).one()


def count(live: LiveServer) -> int:
    with services_of(live.app).db.session() as session:
        return len(list(session.scalars(select(FinancingRequest.id))))


@pytest.mark.parametrize(
    ("field", "value", "meant"),
    [
        ("amount_wan", "三万五", 3.5),
        ("amount_wan", "300000元", 30.0),
        ("amount_wan", "200万", 200.0),
        ("amount_wan", "五百万", 500.0),
        ("term_months", "2年6个月", 30),
        ("term_months", "一年半", 18),
        ("phone", "13912345678。", "13912345678"),
        ("company_name", "三明市闽运机械有限公司。", "三明市闽运机械有限公司"),
    ],
)
def test_text_answers_are_stored_as_meant(
    client: httpx.Client, live: LiveServer, field: str, value: str, meant: Any
) -> None:
    payload = intake_payload()
    payload[field] = value
    response = client.post("/api/intake", json=payload)
    assert response.status_code == 201, response.text
    assert getattr(stored(live, response.json()["ref"]), field) == meant


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("1.5kw", "1500 万元"),
        ("2个亿", "20000 万元"),
        ("1500元", "0.15 万元"),
        (0.5, "0.5 万元"),
        ("500w", "500 万元"),
    ],
)
def test_amount_to_confirm_is_a_precise_422_never_stored(
    client: httpx.Client, live: LiveServer, value: Any, fragment: str
) -> None:
    response = client.post("/api/intake", json=intake_payload(amount_wan=value))
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"detail", "code", "errors", "confirmable", "items"}
    assert set(body["errors"]) == {"amount_wan"} and fragment in body["errors"]["amount_wan"]
    assert body["confirmable"] == {"amount_wan": "确认无误"}
    assert count(live) == 0


def test_confirmed_amount_is_stored_as_read(client: httpx.Client, live: LiveServer) -> None:
    payload = intake_payload(amount_wan="1.5kw", confirmed=["amount_wan"])
    response = client.post("/api/intake", json=payload)
    assert response.status_code == 201, response.text
    assert stored(live, response.json()["ref"]).amount_wan == 1500.0


@pytest.mark.parametrize("value", ["200万美元", "$300000", "50万港币", "USD 1000000"])
def test_foreign_currency_is_refused_and_cannot_be_confirmed(
    client: httpx.Client, live: LiveServer, value: str
) -> None:
    payload = intake_payload(amount_wan=value, confirmed=["amount_wan"])
    response = client.post("/api/intake", json=payload)
    assert response.status_code == 422
    body = response.json()
    assert "人民币" in body["errors"]["amount_wan"] and body["confirmable"] == {}
    assert count(live) == 0


def test_legacy_credit_code_needs_confirmation_then_is_flagged(
    client: httpx.Client, live: LiveServer
) -> None:
    code = broken_credit_code(5)
    refused = client.post("/api/intake", json=intake_payload(credit_code=code))
    assert refused.status_code == 422
    assert refused.json()["confirmable"] == {"credit_code": "按执照填写，确认无误"}
    payload = intake_payload(credit_code=code, confirmed=["credit_code"])
    response = client.post("/api/intake", json=payload)
    assert response.status_code == 201, response.text
    request = stored(live, response.json()["ref"])
    assert request.credit_code == code and request.credit_code_unverified is True


def test_malformed_credit_code_cannot_be_confirmed(client: httpx.Client) -> None:
    payload = intake_payload(credit_code="91350400", confirmed=["credit_code"])
    response = client.post("/api/intake", json=payload)
    assert response.status_code == 422 and "18位" in response.json()["errors"]["credit_code"]


@pytest.mark.parametrize("value", ["[表情]", "【收到不支持的消息类型，暂无法显示】", "/::)", "😀"])
def test_placeholder_company_name_is_refused(client: httpx.Client, value: str) -> None:
    response = client.post("/api/intake", json=intake_payload(company_name=value))
    assert response.status_code == 422 and "表情" in response.json()["errors"]["company_name"]


def test_openapi_documents_confirmations(client: httpx.Client) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert "confirmed" in schemas["IntakeIn"]["properties"]
    assert "confirmable" in schemas["IntakeErrors"]["properties"]


@pytest.mark.parametrize("confirmed", ["amount_wan", [1, 2], {"amount_wan": True}])
def test_malformed_confirmed_list_is_a_422_in_the_documented_shape(
    client: httpx.Client, live: LiveServer, confirmed: Any
) -> None:
    payload = intake_payload(amount_wan="1.5kw", confirmed=confirmed)
    response = client.post("/api/intake", json=payload)
    assert response.status_code == 422
    body = response.json()
    assert set(body["errors"]) == {"amount_wan", "confirmed"}
    assert "列表" in body["errors"]["confirmed"]
    assert count(live) == 0
