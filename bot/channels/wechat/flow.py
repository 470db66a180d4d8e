"""Exactly-once handling of callback messages: claim by key, reply in time or deliver later."""

from __future__ import annotations

import asyncio
import logging

from bot.channels.wechat.inbound import BUSY, Inbound
from bot.channels.wechat.runtime import WechatRuntime
from bot.channels.wechat.store import (
    Claim,
    claim_message,
    finish_message,
    read_message,
    release_message,
)
from bot.messages import OutMessage

log = logging.getLogger(__name__)

POLL_S = 0.1  # how often a retry looks for the reply stored by the worker processing it
WECHAT_ATTEMPTS = 3  # WeChat sends a message up to three times, 5 s apart


async def wait_for_reply(rt: WechatRuntime, key: str, deadline: float) -> str | None:
    """The reply stored for an already claimed message, waiting until `deadline` (loop time)."""
    loop = asyncio.get_running_loop()
    while True:
        claim: Claim | None = await asyncio.to_thread(read_message, rt.db, key)
        if claim is None or claim.status in ("deferred", "sent", "failed"):
            return None  # delivered (or being delivered) another way
        if claim.status == "done":
            return claim.reply
        if loop.time() >= deadline:
            return None
        await asyncio.sleep(POLL_S)


async def produce(rt: WechatRuntime, channel: str, inbound: Inbound) -> list[OutMessage]:
    """The engine's messages for an inbound message (or its fixed reply)."""
    if inbound.fixed_reply is not None:
        return [OutMessage(text=inbound.fixed_reply)]
    return await rt.converse(channel, inbound.user_id, inbound.text or "")


def reply_budget(rt: WechatRuntime) -> float:
    """Seconds a callback waits for its reply.

    With customer-service credentials a late reply is sent through the API. Without them the
    callback keeps waiting: WeChat drops it after 5 s and retries (three times), and a retry
    picks up the reply stored in the meantime.
    """
    timeout = float(rt.settings.wechat_reply_timeout_s)
    return timeout if rt.wechat is not None else timeout * WECHAT_ATTEMPTS


async def passive_reply(rt: WechatRuntime, channel: str, inbound: Inbound) -> str | None:
    """Text of the passive reply, or None to answer "success" (reply sent later or elsewhere).

    The first worker to claim the key processes it; retries get the stored reply. A reply
    not ready within the budget goes out through the customer-service API.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + reply_budget(rt)
    claim = await asyncio.to_thread(claim_message, rt.db, inbound.key)
    if not claim.claimed:
        log.info("wechat retry of %s (%s)", inbound.key, claim.status)
        return await wait_for_reply(rt, inbound.key, deadline)
    task = asyncio.ensure_future(produce(rt, channel, inbound))
    done, _ = await asyncio.wait({task}, timeout=max(deadline - loop.time(), 0.0))
    if task not in done:
        if rt.wechat is None:
            rt.spawn(store_passive(rt, inbound, task))
            return None
        await asyncio.to_thread(finish_message, rt.db, inbound.key, status="deferred", reply=None)
        rt.spawn(deliver_late(rt, channel, inbound, task))
        return None
    return await store_passive(rt, inbound, task)


async def store_passive(
    rt: WechatRuntime, inbound: Inbound, task: asyncio.Future[list[OutMessage]]
) -> str | None:
    """Render the engine's reply as one passive text and store it for retries."""
    try:
        parts = await rt.render(await task, max_parts=1)
    except Exception:
        log.exception("wechat message %s failed", inbound.key)
        await asyncio.to_thread(release_message, rt.db, inbound.key)
        return BUSY
    reply = parts[0] if parts else ""
    await asyncio.to_thread(finish_message, rt.db, inbound.key, status="done", reply=reply)
    return reply or None


async def deliver_late(
    rt: WechatRuntime, channel: str, inbound: Inbound, task: asyncio.Future[list[OutMessage]]
) -> None:
    """Wait for a slow reply and send it through the customer-service API."""
    try:
        messages = await task
    except Exception:
        log.exception("%s message %s failed", channel, inbound.key)
        messages = [OutMessage(text=BUSY)]
    try:
        text = await rt.send_messages(channel, inbound.user_id, messages)
    except Exception as exc:
        log.warning("%s late reply to %s not delivered: %s", channel, inbound.key, exc)
        await asyncio.to_thread(finish_message, rt.db, inbound.key, status="failed", reply=None)
        return
    await asyncio.to_thread(finish_message, rt.db, inbound.key, status="sent", reply=text)


async def push_reply(rt: WechatRuntime, channel: str, inbound: Inbound) -> None:
    """Process a message once and send the reply through the API (WeCom)."""
    claim = await asyncio.to_thread(claim_message, rt.db, inbound.key)
    if not claim.claimed:
        log.info("%s retry of %s ignored (%s)", channel, inbound.key, claim.status)
        return
    task = asyncio.ensure_future(produce(rt, channel, inbound))
    await deliver_late(rt, channel, inbound, task)
