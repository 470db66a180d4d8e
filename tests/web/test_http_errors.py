"""HTTP errors through the running app are said in Chinese in the shapes clients know: unknown
paths and wrong methods (`{"detail": str}`, status and `Allow` kept), a Chinese 404 page for a
browser, broken or undecodable JSON without the decoder's English, routes' own details."""

from __future__ import annotations

import json
import re

import httpx
import pytest

_CJK = re.compile(r"[\u4e00-\u9fff]")
_WORDS = re.compile(r"[A-Za-z]{2,}")
# English words a Chinese message may still carry: names of the format and of a header.
ALLOWED_WORDS = {"JSON", "UTF", "HTTP", "Idempotency", "Key", "ASCII", "errors"}
HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
JSON_TYPE = {"Content-Type": "application/json"}


def _chinese(message: str) -> None:
    """A message meant for a person: Chinese, with no English words but format names."""
    assert _CJK.search(message), message
    assert set(_WORDS.findall(message)) <= ALLOWED_WORDS, message


UNKNOWN_PATHS = ["/api/nothing", "/api/chat/extra/part", "/api/intake/RZ-1/2/3", "/nope", "/x.json"]


@pytest.mark.parametrize("method", ["GET", "POST", "DELETE"])
@pytest.mark.parametrize("path", UNKNOWN_PATHS)
def test_unknown_path_is_a_chinese_404_in_the_detail_shape(
    client: httpx.Client, method: str, path: str
) -> None:
    response = client.request(method, path, json={} if method == "POST" else None)
    assert response.status_code == 404
    body = response.json()
    assert set(body) == {"detail"} and isinstance(body["detail"], str)
    _chinese(body["detail"])


@pytest.mark.parametrize("path", ["/nope", "/widgets", "/status", "/a", "/docs/extra", "/中文页面"])
def test_unknown_page_for_a_browser_is_the_chinese_404_page(
    client: httpx.Client, path: str
) -> None:
    response = client.get(path, headers=HTML)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "未找到" in response.text and "Not Found" not in response.text


def test_an_api_path_stays_json_for_a_browser(client: httpx.Client) -> None:
    response = client.get("/api/nothing", headers=HTML)
    assert response.status_code == 404 and response.headers["content-type"].startswith(
        "application/json"
    )
    _chinese(response.json()["detail"])


WRONG_METHODS = [
    ("GET", "/api/chat"),
    ("PUT", "/api/chat"),
    ("GET", "/api/feedback"),
    ("DELETE", "/api/intake"),
    ("POST", "/api/catalog"),
    ("PATCH", "/api/check"),
    ("POST", "/healthz"),
    ("POST", "/widget"),
]


@pytest.mark.parametrize(("method", "path"), WRONG_METHODS)
def test_wrong_method_is_a_chinese_405_with_allow(
    client: httpx.Client, method: str, path: str
) -> None:
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.headers.get("allow")  # which methods the path takes, as before
    assert method not in response.headers["allow"]
    _chinese(response.json()["detail"])


BROKEN = [
    b'{"text": "x",,}',
    b'{"text": "x"',
    b'{text: "x"}',
    b'{"text": "\\q"}',
    b'{"a": 1} 2',
    b"{",
]


@pytest.mark.parametrize("route", ["/api/chat", "/api/feedback", "/api/check"])
@pytest.mark.parametrize("body", BROKEN)
def test_broken_json_is_said_in_chinese_with_its_place(
    client: httpx.Client, route: str, body: bytes
) -> None:
    response = client.post(route, content=body, headers=JSON_TYPE)
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["body"] and error["type"] == "json_invalid"
    _chinese(error["msg"])
    assert re.search(r"第 \d+ (个字符|行第 \d+ 列)处", error["msg"]), error["msg"]


@pytest.mark.parametrize("body", BROKEN)
def test_broken_json_to_intake_is_said_in_chinese(client: httpx.Client, body: bytes) -> None:
    response = client.post("/api/intake", content=body, headers=JSON_TYPE)
    assert response.status_code == 422
    payload = response.json()
    _chinese(payload["detail"])
    _chinese(payload["errors"]["body"])
    assert payload["confirmable"] == {}, payload


@pytest.mark.parametrize("body", [b'{"text": "\xff\xfe"}', b"\xc3\x28", b'{"text": "\xe4\xbd"}'])
def test_body_that_is_not_utf8_is_refused_in_chinese(client: httpx.Client, body: bytes) -> None:
    response = client.post("/api/chat", content=body, headers=JSON_TYPE)
    assert response.status_code in (400, 422)
    detail = response.json()["detail"]
    messages = [detail] if isinstance(detail, str) else [e["msg"] for e in detail]
    for message in messages:
        _chinese(message)


def test_routes_own_not_found_details_are_chinese(client: httpx.Client) -> None:
    status = client.get("/api/intake/RZ-20260101-0001", params={"token": "x" * 20})
    assert status.status_code == 404
    _chinese(status.json()["detail"])
    session = client.post("/api/chat", json={"text": "你好"}).json()["session_id"]
    feedback = client.post(
        "/api/feedback",
        content=json.dumps({"session_id": session, "message_id": 999999, "value": "up"}),
        headers=JSON_TYPE,
    )
    assert feedback.status_code == 404
    _chinese(feedback.json()["detail"])


EMPTY = [b"", b" ", b"\n", b"\r\n\t "]


@pytest.mark.parametrize("route", ["/api/chat", "/api/chat/stream", "/api/feedback", "/api/check"])
@pytest.mark.parametrize("body", EMPTY)
@pytest.mark.parametrize("typed", [True, False], ids=["json-type", "no-type"])
def test_an_empty_body_is_said_to_be_empty(
    client: httpx.Client, route: str, body: bytes, typed: bool
) -> None:
    """Nothing sent (or only blanks) is "请求内容为空", not a JSON slip or a missing field."""
    response = client.post(route, content=body, headers=JSON_TYPE if typed else {})
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"] == ["body"], error
    _chinese(re.sub(r"\{.*\}", "", error["msg"]))  # the example body names its field
    assert "请求内容为空" in error["msg"] and "JSON 对象" in error["msg"], error["msg"]
    # the example body is the chat routes' own; other routes name none
    assert ('{"text"' in error["msg"]) == route.startswith("/api/chat"), error["msg"]


@pytest.mark.parametrize("body", EMPTY)
def test_an_empty_body_to_intake_is_said_to_be_empty(client: httpx.Client, body: bytes) -> None:
    response = client.post("/api/intake", content=body, headers=JSON_TYPE)
    assert response.status_code == 422
    payload = response.json()
    _chinese(payload["detail"])
    assert "请求内容为空" in payload["errors"]["body"], payload
    assert '{"text"' not in payload["errors"]["body"], payload  # not the chat API's example
    assert payload["confirmable"] == {}, payload  # the IntakeErrors shape of every intake 422
