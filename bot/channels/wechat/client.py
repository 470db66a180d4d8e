"""Async clients of the WeChat and WeCom HTTP APIs with a cached, refreshed access token."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

import httpx

from bot.channels.wechat.errors import WechatApiError
from core.masking import register_secret

log = logging.getLogger(__name__)

TOKEN_ERRORS = frozenset({40001, 40014, 42001})  # invalid / expired access_token: refresh once
QUOTA_ERRORS = frozenset({45009, 45015, 45047, 45011, 45033})  # limits and 48-hour window
TOKEN_MARGIN_S = 300  # refresh a little before WeChat's expiry


class TokenClient:
    """Shared logic: fetch and cache an access token, call JSON APIs with it."""

    name = "api"

    def __init__(self, http: httpx.AsyncClient, base_url: str) -> None:
        self.http = http
        self.base_url = base_url.rstrip("/")
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def _fetch_token(self) -> dict[str, Any]:
        raise NotImplementedError

    async def access_token(self, *, force: bool = False) -> str:
        """The cached token, fetched again when missing, expiring or `force`d."""
        async with self._lock:
            if force or self._token is None or time.monotonic() >= self._expires_at:
                data = await self._fetch_token()
                self._token = str(data["access_token"])
                register_secret(self._token)  # never shown in a log line or an error
                ttl = int(data.get("expires_in", 7200))
                self._expires_at = time.monotonic() + max(ttl - TOKEN_MARGIN_S, ttl // 2)
                log.info("%s access token refreshed (expires in %ss)", self.name, ttl)
            return self._token

    async def _get(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        response = await self.http.get(self.base_url + path, params=params)
        response.raise_for_status()
        data: dict[str, Any] = response.json()
        if data.get("errcode", 0):
            raise WechatApiError(int(data["errcode"]), str(data.get("errmsg", "")))
        return data

    async def post_json(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        """POST `payload` with the access token; a rejected token is refreshed once."""
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json; charset=utf-8"}
        for attempt in range(2):
            token = await self.access_token(force=attempt > 0)
            response = await self.http.post(
                self.base_url + path, params={"access_token": token}, content=body, headers=headers
            )
            response.raise_for_status()
            data: dict[str, Any] = response.json()
            errcode = int(data.get("errcode", 0))
            if errcode in TOKEN_ERRORS and attempt == 0:
                log.info("%s access token rejected (%s), refreshing", self.name, errcode)
                continue
            if errcode in QUOTA_ERRORS:
                log.warning(
                    "%s quota or window error %s on %s: %s",
                    self.name,
                    errcode,
                    path,
                    data.get("errmsg", ""),
                )
            if errcode:
                raise WechatApiError(errcode, str(data.get("errmsg", "")))
            return data
        raise WechatApiError(40001, "access token rejected twice")


class WechatClient(TokenClient):
    """Official Account API: token, customer-service messages, custom menu."""

    name = "wechat"

    def __init__(self, http: httpx.AsyncClient, base_url: str, app_id: str, secret: str) -> None:
        super().__init__(http, base_url)
        self.app_id, self.secret = app_id, secret
        register_secret(secret)

    async def _fetch_token(self) -> dict[str, Any]:
        params = {"grant_type": "client_credential", "appid": self.app_id, "secret": self.secret}
        return await self._get("/cgi-bin/token", params)

    async def send_text(self, openid: str, content: str) -> None:
        """Send a customer-service text message (within 48 hours of the user's last message)."""
        payload = {"touser": openid, "msgtype": "text", "text": {"content": content}}
        await self.post_json("/cgi-bin/message/custom/send", payload)

    async def send_subscribe(self, openid: str, template_id: str, data: dict[str, str]) -> None:
        """Send a subscription message (bizsend: outside the 48-hour window, to a user who
        accepted the template); data maps the template's field names to values."""
        payload = {
            "touser": openid,
            "template_id": template_id,
            "data": {name: {"value": value} for name, value in data.items()},
        }
        await self.post_json("/cgi-bin/message/subscribe/bizsend", payload)

    async def create_menu(self, menu: dict[str, Any]) -> None:
        """Publish the custom menu."""
        await self.post_json("/cgi-bin/menu/create", menu)


class WecomClient(TokenClient):
    """WeCom self-built app API: gettoken and message/send."""

    name = "wecom"

    def __init__(
        self, http: httpx.AsyncClient, base_url: str, corp_id: str, secret: str, agent_id: str
    ) -> None:
        super().__init__(http, base_url)
        self.corp_id, self.secret, self.agent_id = corp_id, secret, agent_id
        register_secret(secret)

    async def _fetch_token(self) -> dict[str, Any]:
        return await self._get(
            "/cgi-bin/gettoken", {"corpid": self.corp_id, "corpsecret": self.secret}
        )

    async def send_text(self, userid: str, content: str) -> None:
        """Send an application text message to one member."""
        agent: int | str = int(self.agent_id) if self.agent_id.isdigit() else self.agent_id
        payload = {
            "touser": userid,
            "msgtype": "text",
            "agentid": agent,
            "text": {"content": content},
        }
        await self.post_json("/cgi-bin/message/send", payload)
