"""Body caps on every route (issue 20 item 3): 413 before the body is read, by kind of route."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable

import httpx
import pytest

from core.settings import get_settings
from tests.live_server import LiveServer
from web.body_caps import BodyCaps

CAPS = BodyCaps(default=65536, login=4096, form=262144, upload=12 * 1024 * 1024)
ROUTES = [
    ("/admin/login", CAPS.login),
    ("/admin/login/", CAPS.login),
    ("/admin/users", CAPS.form),
    ("/admin/handoffs/3/reply", CAPS.form),
    ("/admin/knowledge/upload", CAPS.upload),
    ("/admin/whitelist/import", CAPS.upload),
    ("/api/chat", CAPS.default),
    ("/api/intake", CAPS.default),
    ("/telegram/webhook", CAPS.default),
    ("/wechat/callback", CAPS.default),
    ("/wecom/callback", CAPS.default),
    ("/demo", CAPS.default),
    ("/healthz", CAPS.default),
    ("/no/such/route", CAPS.default),
]


def test_defaults_match_the_settings() -> None:
    assert BodyCaps.from_settings(get_settings()) == CAPS


@pytest.mark.parametrize(("path", "limit"), ROUTES)
def test_every_route_has_a_cap(path: str, limit: int) -> None:
    assert CAPS.limit_for(path) == limit


def host_port(live: LiveServer) -> tuple[str, int]:
    host, port = live.url.removeprefix("http://").split(":")
    return host, int(port)


def head(path: str, length: int | None = None, *, chunked: bool = False) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: x", "Content-Type: application/x-www-form-urlencoded"]
    lines.append("Transfer-Encoding: chunked" if chunked else f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


@pytest.mark.parametrize(("path", "limit"), [r for r in ROUTES if not r[0].endswith("/")])
def test_declared_length_over_cap_is_413_before_any_body(
    serve: Callable[..., LiveServer], path: str, limit: int
) -> None:
    live = serve()
    with socket.create_connection(host_port(live), timeout=10) as sock:
        sock.sendall(head(path, limit + 1))  # headers only: nothing of the body is sent
        reply = sock.recv(300)
    assert reply.startswith(b"HTTP/1.1 413")


def test_login_600_mb_declared_is_refused_at_once(serve: Callable[..., LiveServer]) -> None:
    live = serve()
    started = time.monotonic()
    with socket.create_connection(host_port(live), timeout=10) as sock:
        sock.sendall(head("/admin/login", 600 * 1024 * 1024) + b"username=a&password=" + b"x" * 900)
        reply = sock.recv(1000)
    assert reply.startswith(b"HTTP/1.1 413")
    assert time.monotonic() - started < 2
    assert "提交的内容太大".encode() in reply  # a page: the message is in Chinese


def test_login_streamed_without_length_stops_at_the_cap(serve: Callable[..., LiveServer]) -> None:
    """A chunked body of (up to) 600 MB: the server answers 413 after about the cap and closes,
    having read only what the socket buffers hold."""
    live = serve()
    chunk = b"x" * 65536
    sent = 0
    with socket.create_connection(host_port(live), timeout=10) as sock:
        sock.sendall(head("/admin/login", chunked=True))
        sock.settimeout(5)
        try:
            while sent < 600 * 1024 * 1024:
                sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                sent += len(chunk)
        except OSError:  # reset or timed out: the server stopped reading
            pass
        sock.settimeout(5)
        reply = sock.recv(300)
    assert reply.startswith(b"HTTP/1.1 413")
    assert sent < 64 * 1024 * 1024, f"{sent} bytes accepted"


@pytest.mark.parametrize("path", ["/api/chat", "/admin/login"])
def test_body_under_cap_reaches_the_route(serve: Callable[..., LiveServer], path: str) -> None:
    live = serve()
    with httpx.Client(base_url=live.url) as http:
        if path == "/api/chat":
            assert http.post(path, json={"text": "你好"}).status_code == 200
        else:
            response = http.post(path, data={"username": "nobody", "password": "x" * 100})
            assert response.status_code != 413


def test_configured_login_cap_applies(serve: Callable[..., LiveServer]) -> None:
    live = serve(max_login_body_bytes=1024)
    with httpx.Client(base_url=live.url) as http:
        response = http.post("/admin/login", data={"username": "a", "password": "x" * 2000})
    assert response.status_code == 413
