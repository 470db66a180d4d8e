"""A fake Telegram Bot API server (real HTTP on loopback) that records what the bot sends."""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from html import unescape
from html.parser import HTMLParser
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

BOT_ID = 7000001
ALLOWED_TAGS = set(
    "b strong i em u ins s strike del a code pre blockquote tg-spoiler span tg-emoji".split()
)
ACKNOWLEDGED = {"sendChatAction", "answerCallbackQuery"}  # recorded, nothing to do
JSON_PARAMS = {"reply_markup", "commands", "allowed_updates", "link_preview_options"}


class _TagChecker(HTMLParser):
    """Rejects what Telegram's HTML parser rejects: unknown or unbalanced tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.error = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.error = f'Unsupported start tag "{tag}"'
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.error = f'Unmatched end tag "{tag}"'


def plain_text(html: str) -> str:
    """What a user sees of an HTML message (tags removed, entities decoded)."""
    return unescape(re.sub(r"<[^>]+>", "", html))


class FakeTelegramAPI:
    """Bot API methods the adapter uses; thread-safe records and waits for the tests."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.port = 0
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.updates: list[dict[str, Any]] = []
        self.messages: dict[int, dict[str, Any]] = {}  # bot messages by message_id
        self.webhook: dict[str, Any] = {}
        self.commands: list[dict[str, str]] = []
        self.faults: dict[str, list[int]] = {}  # method -> HTTP errors to answer first (429, 500)
        self._cond = threading.Condition()
        self._ids = itertools.count(1)
        self.app = Starlette(
            routes=[Route("/bot{token}/{method}", self._endpoint, methods=["POST", "GET"])]
        )

    @property
    def base_url(self) -> str:
        """TELEGRAM_BASE_URL pointing at this server."""
        return f"http://127.0.0.1:{self.port}/bot"

    async def _endpoint(self, request: Request) -> JSONResponse:
        if request.path_params["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.path_params["method"]
        params = await _read_params(request)
        with self._cond:
            self.calls.append((method, params))
            self._cond.notify_all()
            faults = self.faults.get(method)
            code = faults.pop(0) if faults else 0
        if code == 429:
            return _error(429, "Too Many Requests: retry after 1", parameters={"retry_after": 1})
        if code:
            return _error(code, "Internal Server Error")
        if method in ACKNOWLEDGED:
            return JSONResponse({"ok": True, "result": True})
        handler = getattr(self, "_m_" + method, None)
        if handler is None:
            return _error(404, "Not Found")
        if method == "getUpdates":
            result = await handler(params)
        else:
            with self._cond:
                result = handler(params)
                self._cond.notify_all()
        if isinstance(result, JSONResponse):
            return result
        return JSONResponse({"ok": True, "result": result})

    def _m_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"id": BOT_ID, "is_bot": True, "first_name": "政策助手", "username": "sm_policy_bot"}

    async def _m_getUpdates(self, params: dict[str, Any]) -> Any:
        if self.webhook.get("url"):
            return _error(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = int(params.get("offset") or 0)
        with self._cond:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        # Long poll, capped so tests and shutdown stay quick.
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 0.5)
        while True:
            with self._cond:
                ready = list(self.updates)
            if ready or time.monotonic() >= deadline:
                return ready
            await asyncio.sleep(0.02)

    def _m_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = dict(params)
        return True

    def _m_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = {}
        return True

    def _m_setMyCommands(self, params: dict[str, Any]) -> bool:
        self.commands = params.get("commands", [])
        return True

    def _m_sendMessage(self, params: dict[str, Any]) -> Any:
        problem = _check_text(params.get("text", ""), params.get("parse_mode"))
        problem = problem or _check_markup(params.get("reply_markup"))
        if problem:
            return _error(400, problem)
        message_id = next(self._ids)
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": int(params["chat_id"]), "type": "private"},
            "from": self._m_getMe({}),
            "text": _shown(params),
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.messages[message_id] = message
        return message

    def _m_editMessageText(self, params: dict[str, Any]) -> Any:
        problem = _check_text(params.get("text", ""), params.get("parse_mode"))
        return _error(400, problem) if problem else self._m_editMessageReplyMarkup(params)

    def _m_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        message = self.messages.get(int(params.get("message_id", 0)))
        if message is None:
            return _error(400, "Bad Request: message to edit not found")
        edited = {**message, "text": _shown(params) if "text" in params else message["text"]}
        edited.pop("reply_markup", None)
        if params.get("reply_markup", {}).get("inline_keyboard"):
            edited["reply_markup"] = params["reply_markup"]
        if edited == message:
            return _error(400, "Bad Request: message is not modified")
        self.messages[message["message_id"]] = edited
        return edited

    # --- test side -------------------------------------------------------------------------
    def enqueue(self, update: dict[str, Any]) -> None:
        """Make an update available to getUpdates (polling mode)."""
        with self._cond:
            self.updates.append(update)
            self._cond.notify_all()

    def sent(self, chat_id: int) -> list[dict[str, Any]]:
        """Messages the bot successfully sent to a chat, oldest first (as currently shown)."""
        with self._cond:
            return [m for _, m in sorted(self.messages.items()) if m["chat"]["id"] == chat_id]

    def calls_of(self, method: str, chat_id: int | None = None) -> list[dict[str, Any]]:
        """Recorded parameters of every call to `method` (optionally for one chat)."""
        with self._cond:
            return [
                p
                for m, p in self.calls
                if m == method and (chat_id is None or str(p.get("chat_id")) == str(chat_id))
            ]

    def wait_until(self, predicate: Callable[[], Any], timeout: float = 30.0) -> Any:
        """Block until `predicate()` is truthy (re-checked on every API call and every 0.1 s)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = predicate()
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError("timed out waiting for the bot")
                self._cond.wait(min(remaining, 0.1))


async def _read_params(request: Request) -> dict[str, Any]:
    """Parameters from a form (PTB's encoding, values JSON-encoded) or a JSON body."""
    if request.headers.get("content-type", "").startswith("application/json"):
        body = await request.body()
        return json.loads(body) if body else {}
    form = await request.form()
    params: dict[str, Any] = {}
    for key, value in form.items():
        params[key] = json.loads(value) if key in JSON_PARAMS and isinstance(value, str) else value
    return params


def _shown(params: dict[str, Any]) -> str:
    text = str(params.get("text", ""))
    return plain_text(text) if params.get("parse_mode") == "HTML" else text


def _check_text(text: str, parse_mode: str | None) -> str:
    """Telegram's checks: entity parsing and at most 4096 characters once parsed."""
    if parse_mode == "HTML":
        checker = _TagChecker()
        checker.feed(text)
        checker.close()
        if checker.error or checker.stack:
            return "Bad Request: can't parse entities: " + (checker.error or "unclosed tag")
        text = plain_text(text)
    if not text.strip():
        return "Bad Request: message text is empty"
    if len(text.encode("utf-16-le")) // 2 > 4096:
        return "Bad Request: message is too long"
    return ""


def _check_markup(markup: Any) -> str:
    for row in (markup or {}).get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data", "")
            if not 1 <= len(data.encode("utf-8")) <= 64:
                return "Bad Request: BUTTON_DATA_INVALID"
    return ""


def _error(code: int, description: str, **extra: Any) -> JSONResponse:
    return JSONResponse(
        {"ok": False, "error_code": code, "description": description, **extra}, status_code=code
    )
