"""Pure ASGI middleware: body size caps on every route (413) and per-route request metrics."""

from __future__ import annotations

import json
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from web.body_caps import ADMIN_PREFIX, BodyCaps
from web.errors import INTAKE_PATH
from web.intake_errors import too_large_body
from web.metrics import HTTP_LATENCY, HTTP_REQUESTS

TOO_LARGE = json.dumps({"detail": "请求内容过大"}, ensure_ascii=False).encode()
TOO_LARGE_PAGE = (
    "提交的内容太大，已被拒绝（上限 {limit}）。请返回上一页，缩短内容或换一个小一些的文件。"
)


class BodyLimitMiddleware:
    """Refuse bodies above the path's cap (`web.body_caps`) with 413: by Content-Length before
    reading anything, or while streaming (counting bytes as they arrive, the rest unread).

    APIs get `{"detail": "请求内容过大"}`; back-office pages a Chinese text.
    """

    def __init__(self, app: ASGIApp, caps: BodyCaps) -> None:
        self.app = app
        self.caps = caps

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.caps.limit_for(scope["path"])
        page = scope["path"].startswith(ADMIN_PREFIX)
        intake = scope["path"].startswith(INTAKE_PATH)
        for name, value in scope["headers"]:
            if name == b"content-length":
                if not value.isdigit() or int(value) > limit:
                    await _send_413(send, limit, page=page, intake=intake)
                    return
        received = 0
        started = refused = False

        async def limited_receive() -> Message:
            nonlocal received, refused
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit and not started:
                    refused = True
                    await _send_413(send, limit, page=page, intake=intake)
                    return {"type": "http.disconnect"}  # the route stops reading the body
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if refused:
                return  # the 413 already went out; drop the route's own reply
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, limited_receive, guarded_send)


def _size(limit: int) -> str:
    """A byte count for people: 4 KB, 256 KB, 12 MB."""
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):g} MB"
    return f"{limit / 1024:g} KB" if limit >= 1024 else f"{limit} 字节"


async def _send_413(send: Send, limit: int, *, page: bool = False, intake: bool = False) -> None:
    """Answer 413 (JSON for APIs, a Chinese text for pages) and close the connection."""
    if page:
        body = TOO_LARGE_PAGE.format(limit=_size(limit)).encode("utf-8")
        kind = b"text/plain; charset=utf-8"
    elif intake:  # the intake API's one error shape (web.intake_errors)
        body, kind = too_large_body(), b"application/json"
    else:
        body, kind = TOO_LARGE, b"application/json"
    headers = [
        (b"content-type", kind),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": 413, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class MetricsMiddleware:
    """Count requests and time them, labelled by the route template (not the raw path)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            route = _route_label(scope)
            HTTP_REQUESTS.labels(scope["method"], route, str(status)).inc()
            HTTP_LATENCY.labels(route).observe(time.perf_counter() - started)


def _route_label(scope: Scope) -> str:
    """The matched route's path template, or 'other' (keeps label cardinality bounded)."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "other"
