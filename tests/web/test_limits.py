"""Rate limits (429 + Retry-After, trusted proxies) and body caps (413) on the running app."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable

import httpx
import pytest

from tests.helpers.intake import intake_payload
from tests.live_server import LiveServer
from web.metrics import RATE_LIMIT_UNAVAILABLE
from web.ratelimit import Rate, RateLimiter, SharedLimits, TrustedProxies, parse_rate

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


def test_memory_limiter_refuses_over_count_per_client() -> None:
    limiter = RateLimiter(Rate(2, 60), SharedLimits(), "chat")
    assert limiter.hit_sync("a") == 0 and limiter.hit_sync("a") == 0
    assert 0 < limiter.hit_sync("a") <= 60
    assert limiter.hit_sync("b") == 0
    assert limiter.exhausted_sync("a") and not limiter.exhausted_sync("b")


def test_limiters_on_one_redis_share_the_count(redis_settings: dict[str, str]) -> None:
    def instance() -> RateLimiter:
        storage = SharedLimits(redis_settings["redis_url"], redis_settings["redis_key_prefix"])
        return RateLimiter(Rate(3, 60), storage, "chat")

    first, second = instance(), instance()

    async def hits() -> list[float]:
        return [await limiter.hit("203.0.113.9") for limiter in (first, second, first, second)]

    waits = asyncio.run(hits())
    assert waits[:3] == [0, 0, 0] and 0 < waits[3] <= 60
    assert second.hit_sync("203.0.113.9") > 0  # the synchronous path sees the same window
    assert first.hit_sync("198.51.100.1") == 0


@pytest.mark.parametrize("mode", ["async", "sync"])
def test_unreachable_redis_fails_open_with_one_warning(
    mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    storage = SharedLimits(f"redis://127.0.0.1:{closed_port()}/0", "pbtest")
    storage.RETRY_AFTER_FAILURE_S = 0.0  # try the storage on every request
    limiter = RateLimiter(Rate(1, 60), storage, f"chat-{mode}")
    before = RATE_LIMIT_UNAVAILABLE.labels(f"chat-{mode}")._value.get()
    with caplog.at_level(logging.WARNING, logger="web.ratelimit"):
        for _ in range(4):
            wait = asyncio.run(limiter.hit("a")) if mode == "async" else limiter.hit_sync("a")
            assert wait == 0
    warnings = [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert len(warnings) == 1
    assert RATE_LIMIT_UNAVAILABLE.labels(f"chat-{mode}")._value.get() - before == 4


def test_chat_with_redis_down_is_served_not_5xx(serve: Callable[..., LiveServer]) -> None:
    live = serve(
        rate_limit_chat="2/minute",
        rate_limit_address="2/minute",
        redis_url=f"redis://127.0.0.1:{closed_port()}/0",
    )
    with httpx.Client(base_url=live.url, timeout=30) as http:
        codes = [http.post("/api/chat", json=HELLO).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 200]
        assert "policybot_rate_limit_unavailable_total" in http.get("/metrics").text


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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
    live = serve(rate_limit_address="2/minute")
    with httpx.Client(base_url=live.url) as http:
        codes = [http.post("/api/chat", json={"text": "你好"}).status_code for _ in range(3)]
        assert codes == [200, 200, 429]
        refused = http.post("/api/chat/stream", json={"text": "你好"})
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["retry-after"]) <= 60
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
    live = serve(rate_limit_address="1/minute", trusted_proxies=trusted)
    with httpx.Client(base_url=live.url) as http:
        first = http.post("/api/chat", json=HELLO, headers={"X-Forwarded-For": "1.2.3.4"})
        other = http.post("/api/chat", json=HELLO, headers={"X-Forwarded-For": "5.6.7.8"})
    assert first.status_code == 200
    assert other.status_code == (200 if separate else 429)


def test_limit_zero_turns_limiting_off(serve: Callable[..., LiveServer]) -> None:
    live = serve(rate_limit_chat="0", rate_limit_session="0", rate_limit_address="0")
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
