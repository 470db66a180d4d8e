"""Per-app state of the WeChat channels: API clients, engine calls, background deliveries."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from datetime import timedelta
from typing import Any

import httpx
from starlette.applications import Starlette

from bot.channels.outbox import Outbox, RetryPolicy, Send, Undeliverable, run_every
from bot.channels.wechat.client import WechatClient, WecomClient
from bot.channels.wechat.errors import WechatApiError
from bot.channels.wechat.render import MAX_PARTS, collect_buttons, render_reply
from bot.channels.wechat.store import (
    KEEP_REPLY,
    housekeeping,
    remember_options,
    resolve_choice,
    save_shared_answer,
)
from bot.messages import Citation, OutMessage
from bot.notices import notice_message
from bot.services import services_of
from bot.subscriptions.delivery import SUBSCRIBE_CHANNEL
from core.settings import Settings

log = logging.getLogger(__name__)

PURGE_AFTER = timedelta(days=2)
# API errors no retry can fix: invalid openid, unsubscribed or blocking user (WeChat); user
# unknown or outside the app's visible range (WeCom).
UNDELIVERABLE_ERRORS = frozenset({40003, 43004, 43019, 60111, 81013})
REFUSED_SUBSCRIBE = 43101  # the user has not accepted (or has used up) the subscription template


class WechatRuntime:
    """What the callback routes need at request time; created by `start`, closed by `stop`."""

    def __init__(self, app: Starlette, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.http = httpx.AsyncClient(timeout=httpx.Timeout(10.0, connect=5.0))
        self.wechat: WechatClient | None = None
        self.wecom: WecomClient | None = None
        if settings.wechat_app_id and settings.wechat_app_secret:
            self.wechat = WechatClient(
                self.http,
                settings.wechat_api_base_url,
                settings.wechat_app_id,
                settings.wechat_app_secret,
            )
        if settings.wecom_corp_id and settings.wecom_secret:
            self.wecom = WecomClient(
                self.http,
                settings.wecom_api_base_url,
                settings.wecom_corp_id,
                settings.wecom_secret,
                settings.wecom_agent_id,
            )
        self.tasks: set[asyncio.Task[Any]] = set()
        self.outbox_task: asyncio.Task[None] | None = None

    @property
    def db(self) -> Any:
        """The app's database (opened by the lifespan)."""
        return services_of(self.app).db

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run a coroutine in the background, keeping a reference until it ends."""
        task = asyncio.create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self.tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("wechat background task failed", exc_info=task.exception())

    def _converse(self, channel: str, user_id: str, text: str) -> list[OutMessage]:
        value = resolve_choice(self.db, channel, user_id, text)
        messages: list[OutMessage] = services_of(self.app).engine.handle(channel, user_id, value)
        remember_options(self.db, channel, user_id, collect_buttons(messages))
        return messages

    async def converse(self, channel: str, user_id: str, text: str) -> list[OutMessage]:
        """Map a numbered choice back to its value, ask the engine, remember new options."""
        return await asyncio.to_thread(self._converse, channel, user_id, text)

    def share_link(self, text: str, citations: list[Citation]) -> str:
        """Store a full answer and return its public web address."""
        answer_id = save_shared_answer(self.db, text, citations)
        return f"{self.settings.public_base_url.rstrip('/')}/a/{answer_id}"

    async def render(self, messages: list[OutMessage], *, max_parts: int = 1) -> list[str]:
        """Plain-text parts for WeChat (long answers stored on the web)."""
        return await asyncio.to_thread(render_reply, messages, self.share_link, max_parts=max_parts)

    async def send(self, channel: str, user_id: str, parts: list[str]) -> None:
        """Deliver texts through the customer-service API (WeChat) or message/send (WeCom)."""
        client = self.wechat if channel == "wechat" else self.wecom
        if client is None:
            raise RuntimeError(f"{channel} API credentials are not configured")
        for part in parts:
            await client.send_text(user_id, part)

    async def send_messages(self, channel: str, user_id: str, messages: list[OutMessage]) -> str:
        """Render and send engine messages as up to MAX_PARTS texts; returns the text sent."""
        parts = await self.render(messages, max_parts=MAX_PARTS)
        await self.send(channel, user_id, parts)
        return "\n\n".join(parts)

    def sender(self, channel: str) -> Send:
        """The outbox's `send(user_id, text)` for "wechat" or "wecom" (one text message).

        An unknown or unsubscribed user is `Undeliverable`; other API errors are retried.
        """

        async def send(user_id: str, text: str) -> None:
            notice = notice_message(text)  # the satisfaction question: numbered scores
            try:
                await self.send(channel, user_id, render_reply([notice], self.share_link))
                if notice.buttons:
                    await asyncio.to_thread(
                        remember_options, self.db, channel, user_id, list(notice.buttons)
                    )
            except WechatApiError as exc:
                if exc.errcode in UNDELIVERABLE_ERRORS:
                    raise Undeliverable(str(exc)) from exc
                raise

        return send

    def subscribe_sender(self) -> Send:
        """The outbox's `send` for `wechat:subscribe` (policy notices outside the 48-hour
        window): a subscription message with WECHAT_SUBSCRIBE_TEMPLATE_ID, thing1 = the
        notice's heading, thing2 = its first words (20 characters each)."""
        from bot.subscriptions.delivery import template_fields

        async def send(user_id: str, text: str) -> None:
            assert self.wechat is not None
            template = self.settings.wechat_subscribe_template_id
            try:
                await self.wechat.send_subscribe(user_id, template, template_fields(text))
            except WechatApiError as exc:
                if exc.errcode in UNDELIVERABLE_ERRORS or exc.errcode == REFUSED_SUBSCRIBE:
                    raise Undeliverable(str(exc)) from exc
                raise

        return send

    def outbox(self, interval: float) -> Outbox:
        """The outbox delivering the rows of the configured channels (WeChat, WeCom, and
        subscription messages when a template is configured)."""
        clients = (("wechat", self.wechat), ("wecom", self.wecom))
        senders = {channel: self.sender(channel) for channel, client in clients if client}
        if self.wechat is not None and self.settings.wechat_subscribe_template_id:
            senders[SUBSCRIBE_CHANNEL] = self.subscribe_sender()
        retry = RetryPolicy(self.settings.outbox_retry_s)
        return Outbox(self.db, senders, interval_s=interval, retry=retry)

    async def deliver_outbox(self) -> int:
        """One outbox round over both channels; returns how many messages were sent."""
        report = await self.outbox(self.settings.wechat_outbox_interval_s).deliver_once()
        return report.sent

    async def run_outbox(self, interval: float) -> None:
        """Until cancelled: deliver the outbox every `interval` seconds (when an API client is
        configured) and keep house about once a minute (dropping reply texts retries no longer
        need, old keys, expired shared answers)."""
        jobs = [
            run_every(
                KEEP_REPLY.total_seconds(),
                lambda: housekeeping(self.db, purge_after=PURGE_AFTER),
                "wechat housekeeping",
            )
        ]
        if self.wechat is not None or self.wecom is not None:
            jobs.append(self.outbox(interval).run())
        await asyncio.gather(*jobs)

    async def close(self) -> None:
        """Stop the outbox, let running deliveries finish briefly, close the HTTP client."""
        if self.outbox_task is not None:
            self.outbox_task.cancel()
            await asyncio.gather(self.outbox_task, return_exceptions=True)
        if self.tasks:
            _, pending = await asyncio.wait(set(self.tasks), timeout=5.0)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        await self.http.aclose()
