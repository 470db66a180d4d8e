"""Every 4xx of the intake API has one shape (web.intake_errors): `detail` (a Chinese line),
`code` (for machines), `errors` (field -> Chinese message), `confirmable`, and `items` in
FastAPI's loc/msg/type. Per field, missing and invalid values give an item at
["body", field] whose `type` says what is wrong (choices listed in `ctx`), in API wording, not
the chat's ("可回复序号"). Generated over the form's fields and kinds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from bot.intake.fields import FIELDS
from tests.helpers.intake import intake_payload
from tests.live_server import LiveServer

SHAPE = {"detail", "code", "errors", "confirmable", "items"}
CHAT_WORDING = ("回复", "可回复序号")
# One invalid value per kind, and the item type it gets.
INVALID: dict[str, tuple[Any, str]] = {
    "text": ("!!", "company_name_not_chinese"),
    "credit_code": ("123", "credit_code_invalid"),
    "choice": ("火星", "choice_unknown"),
    "person": ("制造业", "person_invalid"),
    "phone": ("123", "phone_invalid"),
    "amount": ("abc", "amount_invalid"),
    "term": (999, "term_invalid"),
    "yes_no": ("maybe", "yes_no_invalid"),
    "note": ("长" * 1001, "note_invalid"),
    "consent": (False, "consent_required"),
}
REQUIRED = [f for f in FIELDS if not f.optional]


def assert_shape(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The one shape, with this status and code; every item a loc/msg/type."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == SHAPE, body
    assert body["code"] == code and isinstance(body["detail"], str) and body["detail"]
    assert isinstance(body["errors"], dict) and isinstance(body["confirmable"], dict)
    assert body["items"], body
    for item in body["items"]:
        assert {"loc", "msg", "type"} <= set(item) and isinstance(item["loc"], list)
        assert item["msg"] and item["type"]
    return body


def the_item(body: dict[str, Any], name: str) -> dict[str, Any]:
    (item,) = [i for i in body["items"] if i["loc"] == ["body", name]]
    return item


@pytest.mark.parametrize("field", REQUIRED, ids=lambda f: f.name)
def test_a_missing_field_is_an_item_of_its_own(client: httpx.Client, field: Any) -> None:
    payload = intake_payload()
    del payload[field.name]
    body = assert_shape(client.post("/api/intake", json=payload), 422, "invalid_fields")
    item = the_item(body, field.name)
    expected = "consent_required" if field.kind == "consent" else "missing"
    assert item["type"] == expected and item["msg"] == body["errors"][field.name]
    assert set(body["errors"]) == {field.name}


@pytest.mark.parametrize("field", FIELDS, ids=lambda f: f.name)
def test_an_invalid_field_says_what_is_wrong_for_machines(client: httpx.Client, field: Any) -> None:
    value, kind = INVALID[field.kind]
    body = assert_shape(
        client.post("/api/intake", json=intake_payload(**{field.name: value})),
        422,
        "invalid_fields",
    )
    item = the_item(body, field.name)
    assert item["type"] == kind, item
    assert not any(w in item["msg"] for w in CHAT_WORDING), item["msg"]
    if kind == "choice_unknown":
        assert item["ctx"] == {"choices": list(field.choices)}
        assert all(c in item["msg"] for c in field.choices)


def test_goods_that_may_mean_several_industries_list_the_candidates(
    client: httpx.Client,
) -> None:
    body = assert_shape(
        client.post("/api/intake", json=intake_payload(industry="做茶叶的")), 422, "invalid_fields"
    )
    item = the_item(body, "industry")
    assert item["type"] == "choice_unclear" and len(item["ctx"]["candidates"]) >= 2


def test_a_reading_to_confirm_names_its_confirmation(client: httpx.Client) -> None:
    body = assert_shape(
        client.post("/api/intake", json=intake_payload(amount_wan="1.5kw")), 422, "invalid_fields"
    )
    item = the_item(body, "amount_wan")
    assert item["type"] == "confirmation_needed"
    assert item["ctx"]["confirm_label"] == body["confirmable"]["amount_wan"]


@pytest.mark.parametrize(
    ("content", "headers"),
    [(b"", {}), (b"{broken", {}), (b"[1, 2]", {}), (b'{"session_id": 5}', {})],
    ids=["empty", "broken-json", "not-an-object", "wrong-type"],
)
def test_a_body_that_is_not_the_request_is_body_invalid(
    client: httpx.Client, content: bytes, headers: dict[str, str]
) -> None:
    response = client.post(
        "/api/intake", content=content, headers={"Content-Type": "application/json", **headers}
    )
    assert_shape(response, 422, "body_invalid")


def test_errors_outside_fields_share_the_shape(client: httpx.Client) -> None:
    bad_key = client.post(
        "/api/intake", json=intake_payload(), headers={"Idempotency-Key": "x" * 129}
    )
    item = assert_shape(bad_key, 400, "idempotency_key_invalid")["items"][0]
    assert item["loc"] == ["header", "Idempotency-Key"]
    key = {"Idempotency-Key": "shape-1"}
    assert client.post("/api/intake", json=intake_payload(), headers=key).status_code == 201
    reused = client.post("/api/intake", json=intake_payload(phone="13905981111"), headers=key)
    assert_shape(reused, 409, "idempotency_key_reused")
    assert_shape(client.get("/api/intake/RZ-20990101-0001?token=x"), 404, "not_found")
    wrong_method = client.put("/api/intake", json=intake_payload())
    assert_shape(wrong_method, 405, "method_not_allowed")
    assert "POST" in wrong_method.headers["allow"]


def test_limits_share_the_shape(serve: Callable[..., LiveServer]) -> None:
    live = serve(rate_limit_intake="1/hour", max_body_bytes=2048)
    with httpx.Client(base_url=live.url) as http:
        assert http.post("/api/intake", json=intake_payload()).status_code == 201
        limited = http.post("/api/intake", json=intake_payload(seed=2))
        assert_shape(limited, 429, "rate_limited")
        assert int(limited.headers["retry-after"]) > 0
        big = http.post("/api/intake", json=intake_payload(note="长" * 3000))
        assert_shape(big, 413, "body_too_large")
