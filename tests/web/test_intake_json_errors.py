"""Broken JSON to the API: the error names the body (not the decoder's offset) and says where."""

from __future__ import annotations

import json
import random

import httpx
import pytest

from tests.helpers.intake import intake_payload

JSON = {"Content-Type": "application/json"}


def _broken_bodies(count: int = 40) -> list[tuple[bytes, int]]:
    """A valid request body damaged at random places: (body, offset the decoder stops at)."""
    rng = random.Random(18)
    text = json.dumps(intake_payload(), ensure_ascii=False, indent=rng.choice([None, 2]))
    found: list[tuple[bytes, int]] = []
    while len(found) < count:
        at = rng.randrange(len(text))
        damage = rng.choice(["drop", "insert", "swap"])
        junk = rng.choice([",", "}", '"', ":", "x", "，", "\\"])
        if damage == "drop":
            broken = text[:at] + text[at + 1 :]
        elif damage == "insert":
            broken = text[:at] + junk + text[at:]
        else:
            broken = text[:at] + junk + text[at + 1 :]
        try:
            json.loads(broken)
        except json.JSONDecodeError as exc:
            found.append((broken.encode(), exc.pos))
    return found


@pytest.mark.parametrize(("body", "offset"), _broken_bodies())
def test_broken_json_to_intake_is_reported_on_the_body_with_its_place(
    client: httpx.Client, body: bytes, offset: int
) -> None:
    response = client.post("/api/intake", content=body, headers=JSON)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert list(errors) == ["body"]  # never the offset as if it were a field ("20")
    message = errors["body"]
    assert message.startswith("请求内容不是有效的 JSON（")
    # FastAPI decodes bytes: the offset counts characters of the UTF-8 text
    assert f"第 {offset + 1} 个字符处" in message


def test_broken_json_to_other_routes_points_at_the_body(client: httpx.Client) -> None:
    for route in ("/api/chat", "/api/feedback"):
        response = client.post(route, content=b'{"text": "x",,}', headers=JSON)
        assert response.status_code == 422
        (error,) = response.json()["detail"]
        assert error["loc"] == ["body"] and error["type"] == "json_invalid"
        assert "JSON" in error["msg"] and len(error["msg"]) > len("JSON decode error")


def test_a_body_that_is_not_an_object_is_reported_on_the_body(client: httpx.Client) -> None:
    response = client.post("/api/intake", json=[intake_payload()])
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["body"]


@pytest.mark.parametrize(
    "body",
    [b"text=%E4%BD%A0%E5%A5%BD", b"text=hello&session_id=abc", b"hello", b"a=1", "你好".encode()],
)
@pytest.mark.parametrize("route", ["/api/chat", "/api/intake"])
def test_a_body_that_is_not_json_at_all_is_told_so(
    client: httpx.Client, body: bytes, route: str
) -> None:
    """A form post or plain text is told the body must be a JSON object (starting with {), not
    a parser's complaint about a misspelt true/false/null."""
    response = client.post(route, content=body, headers=JSON)
    assert response.status_code == 422
    payload = response.json()
    message = payload["errors"]["body"] if route == "/api/intake" else payload["detail"][0]["msg"]
    assert "JSON 对象" in message and "true" not in message, message


@pytest.mark.parametrize("body", [b'{"text": tru}', b'{"text": "x", "a": nul}', b'{"text": }'])
def test_a_slip_inside_json_still_says_where(client: httpx.Client, body: bytes) -> None:
    (error,) = client.post("/api/chat", content=body, headers=JSON).json()["detail"]
    assert "JSON 对象" not in error["msg"] and "列处" in error["msg"], error["msg"]
