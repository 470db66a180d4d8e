"""Exactly-once handling of callback messages: claim by key, reply in time or deliver later.

The whole passive-reply path (claiming the key, the engine, rendering, storing the reply) runs
as one task bounded by the reply budget. Past the budget the callback answers "success" and the
task goes on: its reply is sent through the customer-service API.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

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
from core.masking import pseudonym

log = logging.getLogger(__name__)

POLL_S = 0.1  # how often a retry looks for the reply stored by the worker processing it
WECHAT_ATTEMPTS = 3  # WeChat sends a message up to three times, 5 s apart


@dataclass
class Job:
    """One callback's processing; `late` is set by the route when the budget has passed."""

    channel: str
    inbound: Inbound
    deadline: float  # loop time
    late: bool = False


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
    """Seconds a callback waits for its reply, claim included.

    With customer-service credentials a late reply is sent through the API. Without them the
    callback keeps waiting: WeChat drops it after 5 s and retries (three times), and a retry
    picks up the reply stored in the meantime.
    """
    timeout = float(rt.settings.wechat_reply_timeout_s)
    return timeout if rt.wechat is not None else timeout * WECHAT_ATTEMPTS


async def passive_reply(rt: WechatRuntime, channel: str, inbound: Inbound) -> str | None:
    """Text of the passive reply, or None to answer "success" (reply sent later or elsewhere).

    The first worker to claim the key processes it; retries get the stored reply. Whatever is
    not finished within the budget (a slow claim, engine or store) ends as "success" now and
    a customer-service message later.
    """
    loop = asyncio.get_running_loop()
    job = Job(channel, inbound, loop.time() + reply_budget(rt))
    task = rt.spawn(process(rt, job))
    done, _ = await asyncio.wait({task}, timeout=max(job.deadline - loop.time(), 0.0))
    if task not in done:
        job.late = True
        log.info(
            "%s message %s past the reply budget; replying later", channel, pseudonym(inbound.key)
        )
        return None
    if task.cancelled() or task.exception() is not None:
        return BUSY  # logged by the runtime; the key was released for WeChat's retry
    return task.result()


async def process(rt: WechatRuntime, job: Job) -> str | None:
    """Claim, converse, render and store: the passive text, or None after late delivery."""
    inbound = job.inbound
    try:
        claim = await asyncio.to_thread(claim_message, rt.db, inbound.key)
    except Exception:
        log.exception("%s message %s could not be claimed", job.channel, pseudonym(inbound.key))
        if job.late:
            await send_late(rt, job, [OutMessage(text=BUSY)], record=False)
        return BUSY
    if not claim.claimed:
        log.info("%s retry of %s (%s)", job.channel, pseudonym(inbound.key), claim.status)
        return None if job.late else await wait_for_reply(rt, inbound.key, job.deadline)
    try:
        messages = await produce(rt, job.channel, inbound)
        if job.late:
            await deliver_late(rt, job, messages)
            return None
        parts = await rt.render(messages, max_parts=1)
    except Exception:
        log.exception("%s message %s failed", job.channel, pseudonym(inbound.key))
        await asyncio.to_thread(release_message, rt.db, inbound.key)
        if job.late:
            await send_late(rt, job, [OutMessage(text=BUSY)], record=False)
        return BUSY
    if job.late:
        await deliver_late(rt, job, messages)
        return None
    reply = parts[0] if parts else ""
    await asyncio.to_thread(finish_message, rt.db, inbound.key, status="done", reply=reply)
    if job.late:  # the budget passed while storing: the route already said "success"
        await deliver_late(rt, job, messages)
        return None
    return reply or None


async def deliver_late(rt: WechatRuntime, job: Job, messages: list[OutMessage]) -> None:
    """A reply ready after the budget: through the API, or stored for WeChat's retries."""
    if rt.wechat is None and job.channel == "wechat":
        parts = await rt.render(messages, max_parts=1)
        reply = parts[0] if parts else None
        await asyncio.to_thread(finish_message, rt.db, job.inbound.key, status="done", reply=reply)
        return
    await asyncio.to_thread(finish_message, rt.db, job.inbound.key, status="deferred", reply=None)
    await send_late(rt, job, messages)


async def send_late(
    rt: WechatRuntime, job: Job, messages: list[OutMessage], *, record: bool = True
) -> None:
    """Send messages through the customer-service API; record "sent" or "failed" on the key."""
    key = job.inbound.key
    try:
        await rt.send_messages(job.channel, job.inbound.user_id, messages)
    except Exception as exc:
        log.warning("%s late reply to %s not delivered: %s", job.channel, pseudonym(key), exc)
        if record:
            await asyncio.to_thread(finish_message, rt.db, key, status="failed", reply=None)
        return
    if record:  # the text is not kept: a retry needs only to know it went out
        await asyncio.to_thread(finish_message, rt.db, key, status="sent", reply=None)


async def push_reply(rt: WechatRuntime, channel: str, inbound: Inbound) -> None:
    """Process a message once and send the reply through the API (WeCom)."""
    job = Job(channel, inbound, deadline=0.0, late=True)
    claim = await asyncio.to_thread(claim_message, rt.db, inbound.key)
    if not claim.claimed:
        log.info("%s retry of %s ignored (%s)", channel, pseudonym(inbound.key), claim.status)
        return
    try:
        messages = await produce(rt, channel, inbound)
    except Exception:
        log.exception("%s message %s failed", channel, pseudonym(inbound.key))
        messages = [OutMessage(text=BUSY)]
    await send_late(rt, job, messages)
