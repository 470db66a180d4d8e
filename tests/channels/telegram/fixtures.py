"""Telegram test helpers: run ASGI apps on loopback, point settings at the fake Bot API."""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, cast

import httpx
from fastapi import FastAPI

from bot.channels.telegram import channel as telegram
from bot.messages import Button, Citation, OutMessage
from bot.services import Services, attach_services, services_of
from core.settings import Settings
from storage.db import open_database
from tests.channels.telegram.fake_api import FakeTelegramAPI

if TYPE_CHECKING:
    from bot.engine import Engine

LONG_VALUE = "我想了解第五条关于首贷续贷的具体申请条件和需要准备的材料有哪些"  # > 64 bytes
WEBHOOK_SECRET = "s3cret-token_ABC"
PARAGRAPH = "三明市支持民营小微企业融资，" + "相关部门按职责分工推进落实。" * 12


def telegram_settings(base: Any, api: FakeTelegramAPI, *, secret: str = "") -> Any:
    """Copy of `base` settings with the bot pointed at the fake server (webhook mode if secret)."""
    return base.model_copy(
        update={
            "telegram_bot_token": api.token,
            "telegram_base_url": api.base_url,
            "telegram_webhook_secret": secret,
            "telegram_outbox_interval_s": 0.2,
            "outbox_retry_s": 0.1,
        }
    )


_user_message_ids = itertools.count(1_000_000)
_update_ids = itertools.count(1)  # one increasing sequence, as getUpdates offsets require


def user_message(user_id: int, text: str, *, group_id: int | None = None) -> dict[str, Any]:
    """An update carrying a text message (a /command gets its bot_command entity)."""
    user = {"id": user_id, "is_bot": False, "first_name": "张", "language_code": "zh-hans"}
    chat = {"id": user_id, "type": "private", "first_name": "张"}
    if group_id is not None:
        chat = {"id": group_id, "type": "supergroup", "title": "三明企业群"}
    message: dict[str, Any] = {
        "message_id": next(_user_message_ids),
        "date": int(time.time()),
        "text": text,
        "chat": chat,
        "from": user,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": next(_update_ids), "message": message}


def button_press(api: FakeTelegramAPI, user_id: int, label: str) -> dict[str, Any]:
    """An update pressing the button labelled `label` on the latest bot message showing it."""
    for message in reversed(api.sent(user_id)):
        rows = message.get("reply_markup", {}).get("inline_keyboard", [])
        for button in itertools.chain.from_iterable(rows):
            if button["text"] == label:
                query = {
                    "id": str(next(_user_message_ids)),
                    "chat_instance": "ci",
                    "data": button["callback_data"],
                    "message": json.loads(json.dumps(message)),
                    "from": {"id": user_id, "is_bot": False, "first_name": "张"},
                }
                return {"update_id": next(_update_ids), "callback_query": query}
    raise AssertionError(f"no button {label!r} shown to {user_id}")


class ScriptedEngine:
    """Stands in for the conversation engine: fixed replies keyed by the user's text."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []
        self.lock = threading.Lock()

    def handle(self, channel: str, user_id: str, text: str) -> list[OutMessage]:
        with self.lock:
            self.calls.append((channel, user_id, text))
        if text == "长文":
            return [OutMessage(text="\n\n".join(f"{i}. {PARAGRAPH}" for i in range(60)))]
        if text == "选择":
            return [
                OutMessage(
                    text="请选择所在县区：",
                    buttons=[Button("三元区", "三元区"), Button("问第五条", LONG_VALUE)],
                )
            ]
        if text == "出错":
            raise RuntimeError("engine exploded")
        citation = Citation(
            doc_id="measure-5",
            article=5,
            title="加大首贷续贷支持",
            source="《若干措施》",
            units="人行三明市分行",
            excerpt="鼓励银行…",
        )
        return [OutMessage(text=f"收到：{text}", citations=[citation])]


def adapter_app(settings: Settings, engine: ScriptedEngine) -> FastAPI:
    """A minimal app: database, the scripted engine and the Telegram channel in a lifespan."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        services_of(app).db = open_database(settings)
        services_of(app).engine = cast("Engine", engine)  # a scripted stand-in
        await telegram.start(app, settings)
        try:
            yield
        finally:
            await telegram.stop(app)
            services_of(app).db.dispose()

    app = FastAPI(lifespan=lifespan)
    attach_services(app, Services(settings))
    app.include_router(telegram.router)
    return app


def post_update(base_url: str, update: Any, secret: str | None = WEBHOOK_SECRET) -> int:
    """POST an update to the app's webhook route; returns the HTTP status."""
    headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
    return httpx.post(
        f"{base_url}/telegram/webhook", json=update, headers=headers, timeout=30
    ).status_code
