"""The one delivery loop of the outbox: each channel adapter supplies only a `send`.

    outbox = Outbox(db, {"wechat": send_wechat}, interval_s=5.0, retry=RetryPolicy(30.0))
    task = asyncio.create_task(outbox.run())

A `send(user_id, text)` coroutine delivers one message and raises on failure: `Undeliverable`
for a refusal retrying cannot fix (the user blocked the bot, an unknown id), any other exception
for a failure worth retrying (network, rate limit, server error). Every round claims the due rows
of each channel (`storage.notifications.claim_notifications`, so two instances never send the
same row), sends them one by one and records each outcome: sent; failed, due again after the
policy's back-off (first_s, then doubling up to max_s; given up after MAX_ATTEMPTS); or given up.
Cancelling `run` (shutdown) hands the rows not yet sent back at once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta

from storage.db import Database
from storage.notifications import (
    CLAIM_LEASE,
    MAX_ATTEMPTS,
    ClaimedNotification,
    claim_notifications,
    finish_notification,
    release_notifications,
)

log = logging.getLogger(__name__)

Send = Callable[[str, str], Awaitable[None]]  # (user_id, text); raises when not delivered


class Undeliverable(Exception):
    """Raised by a `send` when retrying cannot help: the message is given up at once."""


@dataclass(frozen=True)
class RetryPolicy:
    """Back-off after a failed attempt: `first_s`, doubled per attempt, at most `max_s`."""

    first_s: float = 30.0
    max_s: float = 3600.0

    def delay(self, attempts: int) -> timedelta:
        """The wait after the `attempts`-th failed attempt (1 for the first)."""
        return timedelta(seconds=min(self.max_s, self.first_s * 2 ** max(0, attempts - 1)))


@dataclass
class RoundReport:
    """What one round did: sent, failed (to be retried) and given-up messages."""

    sent: int = 0
    failed: int = 0
    given_up: int = 0
    channels: dict[str, int] = field(default_factory=dict)  # sent per channel


class Outbox:
    """Delivers the outbox rows of the channels in `senders` every `interval_s` seconds."""

    def __init__(
        self,
        db: Database,
        senders: Mapping[str, Send],
        *,
        interval_s: float,
        retry: RetryPolicy | None = None,
        batch: int = 20,
        lease: timedelta = CLAIM_LEASE,
    ) -> None:
        self.db = db
        self.senders = dict(senders)
        self.interval_s = interval_s
        self.retry = retry or RetryPolicy()
        self.batch = batch
        self.lease = lease

    def _claim(self, channel: str) -> list[ClaimedNotification]:
        with self.db.session() as session:
            return claim_notifications(session, channel=channel, limit=self.batch, lease=self.lease)

    def _finish(self, claim: ClaimedNotification, *, sent: bool, retry: bool) -> None:
        retry_in = self.retry.delay(claim.attempts + 1) if retry else None
        with self.db.session() as session:
            if not finish_notification(session, claim, sent=sent, retry_in=retry_in):
                log.warning("outbox: %s notification %s was claimed again", claim.channel, claim.id)

    def _release(self, claims: list[ClaimedNotification]) -> None:
        with self.db.session() as session:
            release_notifications(session, claims)

    async def _deliver(self, send: Send, claim: ClaimedNotification, report: RoundReport) -> None:
        """One claimed message: send it and record the outcome."""
        sent, retry = False, False
        try:
            await send(claim.user_id, claim.text)
            sent = True
        except Undeliverable as exc:
            log.warning("%s notification %s given up: %s", claim.channel, claim.id, exc)
        except Exception as exc:  # network or API refusal: retried after the back-off
            retry = claim.attempts + 1 < MAX_ATTEMPTS
            log.warning(
                "%s notification %s not delivered (attempt %d%s): %s",
                claim.channel,
                claim.id,
                claim.attempts + 1,
                "" if retry else ", given up",
                exc,
            )
        await asyncio.to_thread(self._finish, claim, sent=sent, retry=retry)
        if sent:
            report.sent += 1
            report.channels[claim.channel] = report.channels.get(claim.channel, 0) + 1
        elif retry:
            report.failed += 1
        else:
            report.given_up += 1

    async def deliver_once(self) -> RoundReport:
        """One round over every channel; returns what was done."""
        report = RoundReport()
        for channel, send in self.senders.items():
            claims = await asyncio.to_thread(self._claim, channel)
            for position, claim in enumerate(claims):
                try:
                    await self._deliver(send, claim, report)
                except asyncio.CancelledError:
                    # Shutting down: whatever this round has not finished goes back at once
                    # (a message cut off mid-send may then be sent again by another instance).
                    self._release(claims[position:])
                    raise
        return report

    async def run(self) -> None:
        """Rounds every `interval_s` seconds until cancelled; a failed round is logged."""
        while True:
            try:
                await self.deliver_once()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # a database outage: one line per round, no traceback
                log.warning("outbox round failed (%s): %s", ", ".join(self.senders), exc)
            await asyncio.sleep(self.interval_s)


async def run_every(interval_s: float, job: Callable[[], object], what: str) -> None:
    """Run the blocking `job` in a worker thread every `interval_s` seconds until cancelled
    (housekeeping beside the outbox); a failure is logged and the next run goes ahead."""
    while True:
        try:
            await asyncio.to_thread(job)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("%s failed: %s", what, exc)
        await asyncio.sleep(interval_s)
