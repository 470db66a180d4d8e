"""Fixtures and a signed-callback client for the WeChat / WeCom HTTP tests (imported by them)."""

from __future__ import annotations

import base64
import itertools
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import httpx
import pytest
from sqlalchemy import func, select

from bot.channels.wechat.crypto import MessageCrypto, signature
from bot.channels.wechat.xml import cdata, parse_xml
from bot.services import services_of
from core.settings import Settings
from tests.channels.wechat.fake_api import FakeWechatApi, running_fake_api, serve_app

if TYPE_CHECKING:
    from bot.answerer import Answerer
    from bot.engine import Engine

WECHAT_AES_KEY = base64.b64encode(b"wechat-test-key-0123456789abcdef").decode()[:-1]
WECOM_AES_KEY = base64.b64encode(b"wecom-test-key-0123456789abcdefg").decode()[:-1]
ACCOUNT = "gh_sanming_test"
_ids = itertools.count(int(time.time() * 1000))


def next_msg_id() -> str:
    """A fresh MsgId."""
    return str(next(_ids))


def next_nonce() -> str:
    """A fresh nonce."""
    return str(next(_ids) % 10**9)


@dataclass
class RunningApp:
    """The product app served by uvicorn on loopback."""

    url: str
    app: Any
    settings: Settings

    def count(self, model: Any) -> int:
        """Rows of one table."""
        with services_of(self.app).db.session() as session:
            return int(session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
def wechat_fake_api() -> Iterator[FakeWechatApi]:
    """A fake WeChat / WeCom API server on a free loopback port."""
    with running_fake_api() as fake:
        yield fake


@pytest.fixture
def wechat_settings(app_settings: Settings, wechat_fake_api: FakeWechatApi) -> Settings:
    """App settings with both channels configured against the fake API."""
    return app_settings.model_copy(
        update={
            "wechat_token": "wechat-token",
            "wechat_app_id": wechat_fake_api.app_id,
            "wechat_app_secret": wechat_fake_api.app_secret,
            "wechat_encoding_aes_key": WECHAT_AES_KEY,
            # Both kinds of callback are exercised; safe-only is tested in test_callback_guard.
            "wechat_message_mode": "compat",
            "wechat_api_base_url": wechat_fake_api.base_url,
            "wecom_corp_id": wechat_fake_api.corp_id,
            "wecom_secret": wechat_fake_api.corp_secret,
            "wecom_agent_id": "1000002",
            "wecom_token": "wecom-token",
            "wecom_encoding_aes_key": WECOM_AES_KEY,
            "wecom_api_base_url": wechat_fake_api.base_url,
            "public_base_url": "https://policybot.test",
            "wechat_outbox_interval_s": 0.2,
            "outbox_retry_s": 0.1,
            # Generous under a loaded CI machine; the fallback tests shorten it.
            "wechat_reply_timeout_s": 10.0,
            "max_body_bytes": 16384,
        }
    )


@pytest.fixture
def wechat_app(wechat_settings: Settings, answerer: Answerer) -> Iterator[RunningApp]:
    """The full app (real engine and answerer) served on a free loopback port."""
    from server import create_app

    app = create_app(wechat_settings, answerer=answerer)
    with serve_app(app) as url:
        yield RunningApp(url, app, wechat_settings)


class WechatSender:
    """Sends signed Official Account callbacks, in plaintext or safe (aes) mode."""

    def __init__(self, running: RunningApp, *, safe: bool = False) -> None:
        self.settings = running.settings
        self.url = running.url + "/wechat/callback"
        self.safe = safe
        self.crypto = MessageCrypto(
            self.settings.wechat_token, WECHAT_AES_KEY, self.settings.wechat_app_id
        )
        self.http = httpx.Client(timeout=30)

    def params(self, body: str = "", *, token: str | None = None) -> dict[str, str]:
        timestamp, nonce = str(int(time.time())), next_nonce()
        tok = self.settings.wechat_token if token is None else token
        params = {
            "timestamp": timestamp,
            "nonce": nonce,
            "openid": "x",
            "signature": signature(tok, timestamp, nonce),
        }
        if self.safe:
            params["encrypt_type"] = "aes"
            params["msg_signature"] = signature(tok, timestamp, nonce, body)
        return params

    def envelope(self, inner: str) -> str:
        """The body WeChat posts: the message itself, or its encrypted envelope."""
        if not self.safe:
            return inner
        return (
            f"<xml><ToUserName>{cdata(ACCOUNT)}</ToUserName>"
            f"<Encrypt>{cdata(self.crypto.encrypt(inner))}</Encrypt></xml>"
        )

    def post(self, inner: str, *, token: str | None = None) -> httpx.Response:
        body = self.envelope(inner)
        encrypted = parse_xml(body)["Encrypt"] if self.safe else ""
        return self.http.post(
            self.url, params=self.params(encrypted, token=token), content=body.encode("utf-8")
        )

    def text(self, user: str, content: str, msg_id: str | None = None, **kw: Any) -> httpx.Response:
        return self.post(
            message_xml(user, "text", Content=content, MsgId=msg_id or next_msg_id()), **kw
        )

    def event(
        self, user: str, event: str, key: str = "", created: int | None = None
    ) -> httpx.Response:
        return self.post(message_xml(user, "event", Event=event, EventKey=key, created=created))

    def reply(self, response: httpx.Response) -> str | None:
        """The Content of a passive reply (decrypted in safe mode), None for "success"."""
        assert response.status_code == 200, response.text
        if response.text == "success":
            return None
        fields = parse_xml(response.content)
        if self.safe:
            expected = signature(
                self.settings.wechat_token, fields["TimeStamp"], fields["Nonce"], fields["Encrypt"]
            )
            assert fields["MsgSignature"] == expected
            fields = parse_xml(self.crypto.decrypt(fields["Encrypt"]))
        assert fields["MsgType"] == "text" and fields["FromUserName"] == ACCOUNT
        return fields["Content"]

    def ask(self, user: str, content: str) -> str:
        """Send a text and return the passive reply, which must exist."""
        answer = self.reply(self.text(user, content))
        assert answer, f"no passive reply to {content!r}"
        return answer


def message_xml(user: str, kind: str, *, created: int | None = None, **fields: str) -> str:
    """A callback message as WeChat sends it."""
    parts = [
        f"<ToUserName>{cdata(ACCOUNT)}</ToUserName>",
        f"<FromUserName>{cdata(user)}</FromUserName>",
        f"<CreateTime>{created or int(time.time())}</CreateTime>",
        f"<MsgType>{cdata(kind)}</MsgType>",
    ]
    parts += [f"<{name}>{cdata(value)}</{name}>" for name, value in fields.items() if value]
    return "<xml>" + "".join(parts) + "</xml>"


class CountingEngine:
    """Wraps the app's real engine: counts the texts it handles, optionally slowed down."""

    def __init__(self, inner: Any, delay: float = 0.0) -> None:
        self.inner = inner
        self.delay = delay
        self.calls: list[tuple[str, str, str]] = []
        self.lock = threading.Lock()

    def handle(self, channel: str, user_id: str, text: str) -> Any:
        with self.lock:
            self.calls.append((channel, user_id, text))
        time.sleep(self.delay)
        return self.inner.handle(channel, user_id, text)


def count_engine(running: RunningApp, delay: float = 0.0) -> CountingEngine:
    """Put a counting wrapper around the running app's engine."""
    counting = CountingEngine(services_of(running.app).engine, delay)
    services_of(running.app).engine = cast("Engine", counting)
    return counting


def wait_until(predicate: Any, timeout: float = 10.0) -> bool:
    """Poll `predicate` until it is true or `timeout` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return bool(predicate())


def is_cited(reply: str | None) -> bool:
    """True when a reply names a measure article (第N条) of a 《document》 in plain text."""
    return bool(reply) and re.search(r"《[^》]+》.{0,40}?第\d+条", reply or "") is not None
