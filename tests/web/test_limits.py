"""Rate limits (429 + Retry-After, trusted proxies) and body caps (413) on the running app."""

from __future__ import annotations

import socket
from collections.abc import Callable

import httpx
import pytest

from tests.web.conftest import LiveServer, intake_payload
from web.ratelimit import Rate, RateLimiter, TrustedProxies, parse_rate

HELLO = {"text": "你好"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20/minute", Rate(20, 60)),
        ("100/hour", Rate(100, 3600)),
        ("5/10s", Rate(5, 10)),
        (" 3 / day ", Rate(3, 86400)),
        ("0", None),
        ("", None),
    ],
)
def test_parse_rate_accepts_documented_forms(text: str, expected: Rate | None) -> None:
    assert parse_rate(text) == expected


@pytest.mark.parametrize("text", ["20", "20/fortnight", "x/minute", "-1/minute"])
def test_parse_rate_rejects_nonsense(text: str) -> None:
    with pytest.raises(ValueError, match="invalid rate limit"):
        parse_rate(text)


def test_rate_limiter_refills_over_time() -> None:
    limiter = RateLimiter(Rate(2, 60))
    assert limiter.hit("a", now=0) == 0 and limiter.hit("a", now=0) == 0
    assert limiter.hit("a", now=1) == pytest.approx(29.0)
    assert limiter.hit("b", now=1) == 0
    assert limiter.hit("a", now=31) == 0


@pytest.mark.parametrize(
    ("peer", "header", "expected"),
    [
        ("10.0.0.5", "203.0.113.9", "203.0.113.9"),
        ("10.0.0.5", "198.51.100.1, 203.0.113.9, 10.0.0.7", "203.0.113.9"),
        ("192.0.2.1", "203.0.113.9", "192.0.2.1"),
        ("10.0.0.5", None, "10.0.0.5"),
    ],
)
def test_client_address_trusts_only_listed_proxies(
    peer: str, header: str | None, expected: str
) -> None:
    assert TrustedProxies(["10.0.0.0/8"]).client_address(peer, header) == expected


def test_chat_over_limit_gets_429_with_retry_after(serve: Callable[..., LiveServer]) -> None:
    live = serve(rate_limit_chat="2/minute")
    with httpx.Client(base_url=live.url) as http:
        codes = [http.post("/api/chat", json={"text": "你好"}).status_code for _ in range(3)]
        assert codes == [200, 200, 429]
        refused = http.post("/api/chat/stream", json={"text": "你好"})
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["retry-after"]) <= 30
        assert "policybot_rate_limited_total" in http.get("/metrics").text


def test_intake_over_limit_gets_429(serve: Callable[..., LiveServer]) -> None:
    live = serve(rate_limit_intake="1/hour")
    with httpx.Client(base_url=live.url) as http:
        assert http.post("/api/intake", json=intake_payload()).status_code == 201
        refused = http.post("/api/intake", json=intake_payload(seed=2))
        assert refused.status_code == 429
        assert int(refused.headers["retry-after"]) > 60


@pytest.mark.parametrize(("trusted", "separate"), [("127.0.0.1", True), ("", False)])
def test_forwarded_for_counts_only_behind_trusted_proxy(
    serve: Callable[..., LiveServer], trusted: str, separate: bool
) -> None:
    live = serve(rate_limit_chat="1/minute", trusted_proxies=trusted)
    with httpx.Client(base_url=live.url) as http:
        first = http.post("/api/chat", json=HELLO, headers={"X-Forwarded-For": "1.2.3.4"})
        other = http.post("/api/chat", json=HELLO, headers={"X-Forwarded-For": "5.6.7.8"})
    assert first.status_code == 200
    assert other.status_code == (200 if separate else 429)


def test_limit_zero_turns_limiting_off(serve: Callable[..., LiveServer]) -> None:
    live = serve(rate_limit_chat="0")
    with httpx.Client(base_url=live.url) as http:
        codes = {http.post("/api/chat", json={"text": "你好"}).status_code for _ in range(25)}
    assert codes == {200}


@pytest.mark.parametrize("path", ["/api/chat", "/api/intake", "/api/feedback"])
def test_body_over_cap_is_413(serve: Callable[..., LiveServer], path: str) -> None:
    live = serve(max_body_bytes=1024)
    with httpx.Client(base_url=live.url) as http:
        response = http.post(path, json={"text": "问" * 2000, "note": "x"})
    assert response.status_code == 413


def test_chunked_body_over_cap_is_413(serve: Callable[..., LiveServer]) -> None:
    live = serve(max_body_bytes=1024)
    host, port = live.url.removeprefix("http://").split(":")
    chunk = b'{"text": "' + b"a" * 1500 + b'"}'
    request = (
        b"POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        + f"{len(chunk):x}\r\n".encode()
        + chunk
        + b"\r\n0\r\n\r\n"
    )
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request)
        reply = sock.recv(200)
    assert reply.startswith(b"HTTP/1.1 413")


def test_body_under_cap_is_accepted(serve: Callable[..., LiveServer]) -> None:
    live = serve(max_body_bytes=4096)
    with httpx.Client(base_url=live.url) as http:
        assert http.post("/api/chat", json={"text": "你好"}).status_code == 200


def test_trusted_proxies_setting_names_bad_entry() -> None:
    with pytest.raises(ValueError, match="TRUSTED_PROXIES: 'proxy.local'"):
        TrustedProxies(["10.0.0.0/8", "proxy.local"])
