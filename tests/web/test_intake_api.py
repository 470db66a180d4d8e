"""Financing-request API through the running app: 201, 422 per field, idempotency, status."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import func, select

from bot.services import services_of
from storage.models import FinancingRequest
from tests.helpers.intake import broken_credit_code, intake_payload
from tests.helpers.web_sessions import issued_id
from tests.live_server import LiveServer


def count_requests(live: LiveServer) -> int:
    """Number of stored financing requests."""
    with services_of(live.app).db.session() as session:
        return int(session.scalar(select(func.count(FinancingRequest.id))) or 0)


def test_submit_intake_valid_returns_ref_token_and_recommendations(
    client: httpx.Client, live: LiveServer
) -> None:
    response = client.post("/api/intake", json=intake_payload())
    assert response.status_code == 201
    body = response.json()
    assert body["ref"].startswith("RZ-")
    assert len(body["token"]) >= 24
    assert body["status"] == "submitted"
    assert body["status_label"] == "新提交"
    assert any(rec["title"] == "无还本续贷" for rec in body["recommendations"])
    assert body["status_url"].endswith(f"/status/{body['ref']}?token={body['token']}")
    assert count_requests(live) == 1


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("credit_code", "BROKEN", "校验位"),
        ("credit_code", "91350400", "18位"),
        ("phone", "1390598", "11位"),
        ("amount_wan", 0, "大于0"),
        ("term_months", 999, "1到360"),
        ("county", "福州市", "须为以下之一"),
        ("consent", False, "同意"),
        ("company_name", "", "缺少企业名称"),
    ],
)
def test_submit_intake_invalid_field_returns_chinese_message(
    client: httpx.Client, live: LiveServer, field: str, value: object, expected: str
) -> None:
    if value == "BROKEN":
        value = broken_credit_code(3)
    payload = intake_payload()
    payload[field] = value
    response = client.post("/api/intake", json=payload)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {field}
    assert expected in errors[field]
    assert count_requests(live) == 0


def test_submit_intake_empty_body_lists_every_required_field(client: httpx.Client) -> None:
    response = client.post("/api/intake", json={})
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert {"company_name", "credit_code", "phone", "consent"} <= set(errors)
    assert "note" not in errors


def test_submit_intake_retry_with_same_key_returns_same_record(
    client: httpx.Client, live: LiveServer
) -> None:
    headers = {"Idempotency-Key": "retry-key-0001"}
    first = client.post("/api/intake", json=intake_payload(), headers=headers)
    second = client.post("/api/intake", json=intake_payload(), headers=headers)
    assert first.status_code == second.status_code == 201
    assert second.json()["ref"] == first.json()["ref"]
    assert second.json()["token"] == first.json()["token"]
    assert count_requests(live) == 1


def test_submit_intake_fixed_after_422_with_same_key_is_stored_once(
    client: httpx.Client, live: LiveServer
) -> None:
    headers = {"Idempotency-Key": "fix-then-send"}
    bad = client.post("/api/intake", json=intake_payload(phone="12"), headers=headers)
    assert bad.status_code == 422
    good = client.post("/api/intake", json=intake_payload(), headers=headers)
    again = client.post("/api/intake", json=intake_payload(), headers=headers)
    assert good.status_code == 201
    assert again.json()["ref"] == good.json()["ref"]
    assert count_requests(live) == 1


def test_submit_intake_new_key_same_company_links_duplicate(
    client: httpx.Client, live: LiveServer
) -> None:
    first = client.post("/api/intake", json=intake_payload(), headers={"Idempotency-Key": "a1"})
    second = client.post("/api/intake", json=intake_payload(), headers={"Idempotency-Key": "b2"})
    assert second.status_code == 201
    assert second.json()["ref"] != first.json()["ref"]
    assert second.json()["duplicate_of"] == first.json()["ref"]
    assert count_requests(live) == 2


def test_submit_intake_malformed_key_is_refused(client: httpx.Client) -> None:
    response = client.post(
        "/api/intake", json=intake_payload(), headers={"Idempotency-Key": "x" * 129}
    )
    assert response.status_code == 400


def test_intake_status_with_token_shows_status(client: httpx.Client) -> None:
    created = client.post("/api/intake", json=intake_payload()).json()
    response = client.get(f"/api/intake/{created['ref']}", params={"token": created["token"]})
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "submitted"
    assert body["history"][0]["label"] == "新提交"


@pytest.mark.parametrize("token", ["", "wrong-token", "x" * 32])
def test_intake_status_wrong_token_is_404(client: httpx.Client, token: str) -> None:
    created = client.post("/api/intake", json=intake_payload()).json()
    response = client.get(f"/api/intake/{created['ref']}", params={"token": token})
    assert response.status_code == 404
    page = client.get(f"/status/{created['ref']}", params={"token": token})
    assert page.status_code == 404
    assert created["ref"] not in page.text


def test_status_page_with_token_renders_steps(client: httpx.Client) -> None:
    created = client.post("/api/intake", json=intake_payload()).json()
    page = client.get(f"/status/{created['ref']}", params={"token": created["token"]})
    assert page.status_code == 200
    assert created["ref"] in page.text
    assert 'aria-current="step"' in page.text
    assert "无还本续贷" in page.text
    assert "frame-ancestors 'self'" in page.headers["content-security-policy"]


def test_intake_schema_lists_fields_and_choices(client: httpx.Client) -> None:
    schema = client.get("/api/intake/schema").json()
    fields = {f["name"]: f for f in schema["fields"]}
    assert "三元区" in fields["county"]["choices"]
    assert fields["note"]["optional"] is True
    assert "协调" in schema["consent_text"]


def test_chat_status_lists_request_submitted_by_widget_session(
    client: httpx.Client, live: LiveServer
) -> None:
    widget = issued_id(live)
    created = client.post("/api/intake", json=intake_payload(session_id=widget)).json()
    reply = client.post("/api/chat", json={"session_id": widget, "text": "进度"}).json()
    assert created["ref"] in " ".join(m["text"] for m in reply["messages"])


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_submit_intake_concurrent_retries_store_one_record(
    serve: Callable[..., LiveServer], request: pytest.FixtureRequest, backend: str
) -> None:
    overrides = {}
    if backend == "postgres":
        overrides["database_url"] = request.getfixturevalue("postgres_url")
    live = serve(**overrides)
    headers = {"Idempotency-Key": "double-click-0001"}

    def submit(_: int) -> httpx.Response:
        with httpx.Client(base_url=live.url, timeout=30) as http:
            return http.post("/api/intake", json=intake_payload(), headers=headers)

    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(pool.map(submit, range(8)))
    assert {r.status_code for r in responses} == {201}
    assert len({r.json()["ref"] for r in responses}) == 1
    assert count_requests(live) == 1


@pytest.mark.parametrize("source", ["form-schema", "api-sample"])
def test_the_example_credit_code_shown_is_refused_when_posted(
    client: httpx.Client, source: str
) -> None:
    if source == "form-schema":  # the hint the widget's form shows (web/static/form.js)
        fields = client.get("/api/intake/schema").json()["fields"]
        example = next(f["example"] for f in fields if f["name"] == "credit_code")
    else:  # the request body sample of /docs
        spec = client.get("/openapi.json").json()
        example = spec["components"]["schemas"]["IntakeIn"]["example"]["credit_code"]
    refused = client.post("/api/intake", json=intake_payload(credit_code=example))
    assert refused.status_code == 422, refused.text
    body = refused.json()
    assert "示例" in body["errors"]["credit_code"]
    assert [i["type"] for i in body["items"]] == ["credit_code_example"]
