"""Signed, encrypted WeCom callbacks for the HTTP tests, and a member chatting through them."""

from __future__ import annotations

import time
from typing import Any

import httpx

from bot.channels.wechat.crypto import MessageCrypto, signature
from bot.channels.wechat.xml import cdata
from tests.channels.wechat.fake_api import FakeWechatApi
from tests.channels.wechat.fixtures import (
    WECOM_AES_KEY,
    RunningApp,
    message_xml,
    next_msg_id,
    next_nonce,
    wait_until,
)


class WecomSender:
    """Sends encrypted WeCom callbacks (CorpID as receive id)."""

    def __init__(self, running: RunningApp) -> None:
        self.settings = running.settings
        self.url = running.url + "/wecom/callback"
        self.crypto = MessageCrypto(
            self.settings.wecom_token, WECOM_AES_KEY, self.settings.wecom_corp_id
        )
        self.http = httpx.Client(timeout=30)

    def signed(self, encrypted: str, *, token: str | None = None) -> dict[str, str]:
        timestamp, nonce = str(int(time.time())), next_nonce()
        tok = self.settings.wecom_token if token is None else token
        return {
            "timestamp": timestamp,
            "nonce": nonce,
            "msg_signature": signature(tok, timestamp, nonce, encrypted),
        }

    def post(self, inner: str, *, token: str | None = None) -> httpx.Response:
        encrypted = self.crypto.encrypt(inner)
        body = (
            f"<xml><ToUserName>{cdata(self.settings.wecom_corp_id)}</ToUserName>"
            f"<AgentID>{cdata(self.settings.wecom_agent_id)}</AgentID>"
            f"<Encrypt>{cdata(encrypted)}</Encrypt></xml>"
        )
        return self.http.post(
            self.url, params=self.signed(encrypted, token=token), content=body.encode()
        )

    def text(self, user: str, content: str, msg_id: str | None = None, **kw: Any) -> httpx.Response:
        return self.post(
            message_xml(user, "text", Content=content, MsgId=msg_id or next_msg_id()), **kw
        )


class WecomChat:
    """A WeCom member chatting: each message is answered through message/send (recorded)."""

    def __init__(self, running: RunningApp, fake: FakeWechatApi, user: str) -> None:
        self.sender = WecomSender(running)
        self.fake = fake
        self.user = user

    def received(self) -> list[str]:
        bodies = self.fake.sent("/cgi-bin/message/send")
        return [b["text"]["content"] for b in bodies if b["touser"] == self.user]

    def ask(self, text: str) -> str:
        """Send a text; return the reply pushed through message/send."""
        before = len(self.received())
        response = self.sender.text(self.user, text)
        assert response.status_code == 200 and response.text == ""
        assert wait_until(lambda: len(self.received()) > before, timeout=20), "no reply pushed"
        time.sleep(0.1)  # a split reply arrives as consecutive parts
        return "\n".join(self.received()[before:])
