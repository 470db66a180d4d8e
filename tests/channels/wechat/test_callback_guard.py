"""Callback admission beyond the signature (issue 20 item 1): age, mode, replays, logs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from bot.channels.wechat.crypto import signature
from bot.channels.wechat.xml import parse_xml
from core.settings import Settings
from storage.models import Conversation, Message
from tests.channels.wechat.fake_api import serve_app
from tests.channels.wechat.fixtures import (
    WECHAT_AES_KEY,
    RunningApp,
    WechatSender,
    message_xml,
    next_msg_id,
    next_nonce,
)
from tests.channels.wechat.wecom_fixtures import WecomSender
from tests.web.test_serve_command import free_port, wait_ready

if TYPE_CHECKING:
    from bot.answerer import Answerer

# Beyond the 300 s tolerance either way, and well within it. A future timestamp comes nearer
# while the request travels and is floored to the second, so its margin is a few seconds
# (+301 was accepted once in CI: 301 - 0.9 s of flooring - the request's time <= 300).
STALE = [-172800, -600, -301, 305, 600]
FRESH = [-200, 0, 200]


def nothing_stored(running: RunningApp) -> bool:
    return running.count(Conversation) == 0 and running.count(Message) == 0


def app_with(settings: Settings, answerer: Answerer, **update: Any) -> Iterator[RunningApp]:
    from server import create_app

    changed = settings.model_copy(update=update)
    app = create_app(changed, answerer=answerer)
    with serve_app(app) as url:
        yield RunningApp(url, app, changed)


@pytest.fixture
def safe_app(wechat_settings: Settings, answerer: Answerer) -> Iterator[RunningApp]:
    """The default mode: an AES key is set, WECHAT_MESSAGE_MODE is not → safe."""
    yield from app_with(wechat_settings, answerer, wechat_message_mode="")


@pytest.fixture
def plain_app(wechat_settings: Settings, answerer: Answerer) -> Iterator[RunningApp]:
    yield from app_with(wechat_settings, answerer, wechat_message_mode="plain")


class ShiftedSender(WechatSender):
    """Signs correctly, with a timestamp `shift` seconds away from now."""

    shift = 0

    def params(self, body: str = "", *, token: str | None = None) -> dict[str, str]:
        timestamp, nonce = str(int(time.time()) + self.shift), next_nonce()
        tok = self.settings.wechat_token if token is None else token
        params = {"timestamp": timestamp, "nonce": nonce, "openid": "x"}
        params["signature"] = signature(tok, timestamp, nonce)
        if self.safe:
            params["encrypt_type"] = "aes"
            params["msg_signature"] = signature(tok, timestamp, nonce, body)
        return params


class ShiftedWecom(WecomSender):
    shift = 0

    def signed(self, encrypted: str, *, token: str | None = None) -> dict[str, str]:
        timestamp, nonce = str(int(time.time()) + self.shift), next_nonce()
        tok = self.settings.wecom_token if token is None else token
        return {
            "timestamp": timestamp,
            "nonce": nonce,
            "msg_signature": signature(tok, timestamp, nonce, encrypted),
        }


@pytest.mark.parametrize("shift", STALE)
@pytest.mark.parametrize("safe", [False, True], ids=["plaintext", "aes"])
def test_stale_wechat_callback_refused(wechat_app: RunningApp, shift: int, safe: bool) -> None:
    sender = ShiftedSender(wechat_app, safe=safe)
    sender.shift = shift
    response = sender.text("openid-victim", "进度")
    assert response.status_code == 403
    assert nothing_stored(wechat_app)


@pytest.mark.parametrize("shift", STALE)
def test_stale_wechat_url_verification_refused(wechat_app: RunningApp, shift: int) -> None:
    sender = ShiftedSender(wechat_app)
    sender.shift = shift
    response = sender.http.get(sender.url, params={**sender.params(), "echostr": "8812345"})
    assert response.status_code == 403 and "8812345" not in response.text


@pytest.mark.parametrize("shift", FRESH)
def test_fresh_wechat_callback_answered(wechat_app: RunningApp, shift: int) -> None:
    sender = ShiftedSender(wechat_app, safe=True)
    sender.shift = shift
    assert sender.reply(sender.text(f"openid-fresh{shift}", "续贷有什么支持？"))


@pytest.mark.parametrize("timestamp", ["", "abc", "1e9", "-5"])
def test_malformed_timestamp_refused(wechat_app: RunningApp, timestamp: str) -> None:
    sender = WechatSender(wechat_app)
    nonce = next_nonce()
    params = {
        "timestamp": timestamp,
        "nonce": nonce,
        "signature": signature(sender.settings.wechat_token, timestamp, nonce),
    }
    body = message_xml("openid-t", "text", Content="进度", MsgId=next_msg_id())
    assert sender.http.post(sender.url, params=params, content=body.encode()).status_code == 403


@pytest.mark.parametrize("shift", STALE)
def test_stale_wecom_callback_refused(wechat_app: RunningApp, shift: int) -> None:
    sender = ShiftedWecom(wechat_app)
    sender.shift = shift
    assert sender.text("zhangsan", "进度").status_code == 403
    assert nothing_stored(wechat_app)


def test_stale_wecom_url_verification_refused(wechat_app: RunningApp) -> None:
    sender = ShiftedWecom(wechat_app)
    sender.shift = -600
    echo = sender.crypto.encrypt("echo-123")
    response = sender.http.get(sender.url, params={**sender.signed(echo), "echostr": echo})
    assert response.status_code == 403 and "echo-123" not in response.text


def test_safe_mode_is_default_with_an_aes_key(safe_app: RunningApp) -> None:
    plain = WechatSender(safe_app)
    assert plain.text("openid-victim", "进度").status_code == 403
    assert nothing_stored(safe_app)
    assert WechatSender(safe_app, safe=True).reply(
        WechatSender(safe_app, safe=True).text("openid-owner", "续贷有什么支持？")
    )


def test_plain_mode_refuses_encrypted_callbacks(plain_app: RunningApp) -> None:
    assert WechatSender(plain_app, safe=True).text("openid-x", "进度").status_code == 403
    assert WechatSender(plain_app).reply(WechatSender(plain_app).text("openid-y", "续贷政策"))


def test_unknown_mode_refuses_everything(wechat_settings: Settings, answerer: Answerer) -> None:
    for running in app_with(wechat_settings, answerer, wechat_message_mode="sometimes"):
        for safe in (False, True):
            assert WechatSender(running, safe=safe).text("o", "进度").status_code == 403


def test_plain_mode_without_aes_key_is_default(
    wechat_settings: Settings, answerer: Answerer
) -> None:
    for running in app_with(
        wechat_settings, answerer, wechat_message_mode="", wechat_encoding_aes_key=""
    ):
        assert WechatSender(running).reply(WechatSender(running).text("openid-p", "续贷政策"))


@pytest.mark.parametrize("safe", [False, True], ids=["plaintext", "aes"])
def test_signed_url_replayed_with_another_body_refused(wechat_app: RunningApp, safe: bool) -> None:
    sender = WechatSender(wechat_app, safe=safe)
    first = sender.envelope(message_xml("openid-owner", "text", Content="续贷", MsgId="71"))
    params = sender.params(parse_xml(first)["Encrypt"] if safe else "")
    assert sender.http.post(sender.url, params=params, content=first.encode()).status_code == 200
    # WeChat's own retry of the same delivery: the same body, accepted (deduplicated later).
    again = sender.http.post(sender.url, params=params, content=first.encode())
    assert again.status_code == 200
    forged = sender.envelope(message_xml("openid-victim", "text", Content="进度", MsgId="72"))
    response = sender.http.post(sender.url, params=params, content=forged.encode())
    assert response.status_code == 403


def test_wecom_signed_url_replayed_with_another_body_refused(wechat_app: RunningApp) -> None:
    sender = WecomSender(wechat_app)
    encrypted = sender.crypto.encrypt(message_xml("zhangsan", "text", Content="续贷", MsgId="81"))
    params = sender.signed(encrypted)

    def body(enc: str) -> bytes:
        return f"<xml><ToUserName>c</ToUserName><Encrypt>{enc}</Encrypt></xml>".encode()

    assert sender.http.post(sender.url, params=params, content=body(encrypted)).status_code == 200
    # Another body under the same signature fails the msg_signature; the signed URL is used up.
    other = sender.crypto.encrypt(message_xml("lisi", "text", Content="进度", MsgId="82"))
    assert sender.http.post(sender.url, params=params, content=body(other)).status_code == 403


def test_access_log_shows_no_signature_nonce_or_openid(tmp_path: Path, index_dir: Path) -> None:
    """`policybot serve` with its INFO access log: the callback URL is logged masked."""
    port = free_port()
    env = dict(
        os.environ,
        POLICYBOT_DATA_DIR=str(tmp_path),
        POLICYBOT_INDEX_DIR=str(index_dir),
        WECHAT_TOKEN="wechat-token",
        WECHAT_ENCODING_AES_KEY=WECHAT_AES_KEY,
        WECHAT_APP_ID="wx-test",
    )
    command = [sys.executable, "-m", "policybot.cli", "serve", "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    timestamp, nonce, openid = str(int(time.time())), "918273645", "oUSERopenid0123456789abcd"
    sig = signature("wechat-token", timestamp, nonce)
    try:
        wait_ready(process, base)
        query = {"timestamp": timestamp, "nonce": nonce, "signature": sig, "openid": openid}
        assert httpx.get(f"{base}/wechat/callback", params={**query, "echostr": "e1"}).text == "e1"
        body = message_xml(openid, "text", Content="进度", MsgId=next_msg_id()).encode()
        query |= {"encrypt_type": "aes", "msg_signature": "ab" * 20}
        assert httpx.post(f"{base}/wechat/callback", params=query, content=body).status_code
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    text = output.decode()
    assert "/wechat/callback" in text  # the access log is on
    for secret in (sig, nonce, openid, "ab" * 20):
        assert secret not in text
