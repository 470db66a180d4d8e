"""A fake WeChat / WeCom HTTP API on loopback that records what the product sends."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request

from tests.live_server import serve_app

TOKEN_ERRORS = {"errcode": 40001, "errmsg": "invalid credential, access_token is invalid"}


@dataclass
class FakeWechatApi:
    """Issued tokens, recorded calls, and errors to inject into the next calls of a path."""

    app_id: str = "wx-test-app"
    app_secret: str = "wechat-secret"
    corp_id: str = "ww-test-corp"
    corp_secret: str = "wecom-secret"
    base_url: str = ""
    tokens: list[str] = field(default_factory=list)
    valid_tokens: set[str] = field(default_factory=set)
    calls: list[dict[str, Any]] = field(default_factory=list)
    fail_next: dict[str, list[int]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    delay_s: float = 0.0  # latency of each send (widens races between instances)

    def sent(self, path: str) -> list[dict[str, Any]]:
        """Bodies of the successful calls of one path (e.g. "/cgi-bin/message/custom/send")."""
        with self.lock:
            return [c["body"] for c in self.calls if c["path"] == path and c["ok"]]

    def token_requests(self, path: str) -> int:
        """How many tokens were issued by one token path."""
        with self.lock:
            return sum(1 for c in self.calls if c["path"] == path)

    def revoke_tokens(self) -> None:
        """Make every issued token invalid (as WeChat does when a new one is fetched elsewhere)."""
        with self.lock:
            self.valid_tokens.clear()

    def wait_for(self, path: str, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Wait until `count` successful calls of `path` were recorded."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            bodies = self.sent(path)
            if len(bodies) >= count:
                return bodies
            time.sleep(0.05)
        return self.sent(path)

    def issue_token(self, path: str, good: bool) -> dict[str, Any]:
        with self.lock:
            self.calls.append({"path": path, "body": None, "ok": good})
            if not good:
                return {"errcode": 40125, "errmsg": "invalid appsecret"}
            token = f"token-{len(self.tokens) + 1}"
            self.tokens.append(token)
            self.valid_tokens.add(token)
            return {"access_token": token, "expires_in": 7200}

    def record(self, path: str, token: str, body: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            if token not in self.valid_tokens:
                self.calls.append({"path": path, "body": body, "ok": False})
                return TOKEN_ERRORS
            injected = self.fail_next.get(path) or []
            if injected:
                code = injected.pop(0)
                self.calls.append({"path": path, "body": body, "ok": False})
                return {"errcode": code, "errmsg": f"injected error {code}"}
            self.calls.append({"path": path, "body": body, "ok": True})
            return {"errcode": 0, "errmsg": "ok"}


def build_app(fake: FakeWechatApi) -> FastAPI:
    """The HTTP endpoints: token, custom/send, menu/create, gettoken, message/send and
    message/subscribe/bizsend."""
    app = FastAPI()

    @app.get("/cgi-bin/token")
    def token(grant_type: str, appid: str, secret: str) -> dict[str, Any]:
        good = grant_type == "client_credential" and (appid, secret) == (
            fake.app_id,
            fake.app_secret,
        )
        return fake.issue_token("/cgi-bin/token", good)

    @app.get("/cgi-bin/gettoken")
    def gettoken(corpid: str, corpsecret: str) -> dict[str, Any]:
        good = (corpid, corpsecret) == (fake.corp_id, fake.corp_secret)
        return fake.issue_token("/cgi-bin/gettoken", good)

    async def record(request: Request) -> dict[str, Any]:
        body = json.loads((await request.body()).decode("utf-8"))
        if fake.delay_s:
            await asyncio.sleep(fake.delay_s)
        return fake.record(request.url.path, request.query_params.get("access_token", ""), body)

    paths = (
        "/cgi-bin/message/custom/send",
        "/cgi-bin/menu/create",
        "/cgi-bin/message/send",
        "/cgi-bin/message/subscribe/bizsend",
    )
    for path in paths:
        app.add_api_route(path, record, methods=["POST"])
    return app


@contextmanager
def running_fake_api() -> Iterator[FakeWechatApi]:
    """A fake WeChat / WeCom API server for the duration of the block."""
    fake = FakeWechatApi()
    with serve_app(build_app(fake)) as url:
        fake.base_url = url
        yield fake
