"""Idempotency-Key reused with another body (issue 20 item 5): 409, never the first request's
reference or status token; the same body still gets the first result."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from storage.requests import REQUEST_FIELDS
from tests.helpers.intake import intake_payload, valid_credit_code
from tests.live_server import LiveServer

# One changed field per case: a different but valid value of every field of the request.
CHANGED: dict[str, Any] = {
    "company_name": "三明市另一家竹业有限公司",
    "credit_code": valid_credit_code(999),
    "county": "永安市",
    "industry": "农林牧渔",
    "contact_name": "王女士",
    "phone": "13800001111",
    "amount_wan": 201,
    "purpose": "设备购置",
    "term_months": 24,
    "guarantee": "抵押",
    "product": "不确定" if intake_payload()["product"] != "不确定" else "外贸贷",
    "renewal_due": False,
    "first_loan": True,
    "note": "补充说明",
}
REUSED = {"detail": "该 Idempotency-Key 已用于另一个不同的请求"}


def test_every_request_field_is_compared() -> None:
    assert set(CHANGED) == set(REQUEST_FIELDS) - {"consent"}


def post(http: httpx.Client, key: str, **overrides: Any) -> httpx.Response:
    return http.post(
        "/api/intake", json=intake_payload(7, **overrides), headers={"Idempotency-Key": key}
    )


@pytest.mark.parametrize("field", sorted(CHANGED))
def test_reused_key_with_one_field_changed_is_409(client: httpx.Client, field: str) -> None:
    key = f"reuse-{field}"
    first = post(client, key)
    assert first.status_code == 201, first.text
    other = post(client, key, **{field: CHANGED[field]})
    assert other.status_code == 409, other.text
    body = other.json()
    assert body["detail"] == REUSED["detail"] and body["code"] == "idempotency_key_reused"
    for secret in (first.json()["ref"], first.json()["token"]):
        assert secret not in other.text
    again = post(client, key)  # the original body still gets its result
    assert again.status_code == 201
    assert (again.json()["ref"], again.json()["token"]) == (
        first.json()["ref"],
        first.json()["token"],
    )


def test_reused_key_with_an_invalid_body_is_409(client: httpx.Client) -> None:
    first = post(client, "reuse-invalid")
    other = post(client, "reuse-invalid", phone="12")
    assert other.status_code == 409 and first.json()["token"] not in other.text


def test_reused_key_from_another_session_is_409(client: httpx.Client) -> None:
    mine = client.post("/api/chat", json={"text": "你好"}).json()["session_id"]
    theirs = client.post("/api/chat", json={"text": "你好"}).json()["session_id"]
    first = post(client, "reuse-session", session_id=mine)
    assert first.status_code == 201
    assert post(client, "reuse-session", session_id=theirs).status_code == 409
    assert post(client, "reuse-session", session_id=mine).json()["ref"] == first.json()["ref"]


def test_concurrent_different_bodies_under_one_key(live: LiveServer) -> None:
    bodies = [{}, {"company_name": CHANGED["company_name"]}] * 4

    def send(overrides: dict[str, Any]) -> httpx.Response:
        with httpx.Client(base_url=live.url, timeout=30) as http:
            return post(http, "reuse-race", **overrides)

    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(send, bodies))
    created = [r for r in responses if r.status_code == 201]
    refused = [r for r in responses if r.status_code == 409]
    assert len(created) + len(refused) == len(responses)
    assert len({r.json()["ref"] for r in created}) == 1
    winner = created[0].json()["ref"]
    won_by_first = any(
        r.status_code == 201 and not b for r, b in zip(responses, bodies, strict=True)
    )
    for response, overrides in zip(responses, bodies, strict=True):
        if response.status_code == 409:
            assert winner not in response.text
            assert bool(overrides) == won_by_first  # only the other body is refused
