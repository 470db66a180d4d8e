"""Rate limits counted in a moving window, shared through Redis (or per process).

Used by every layer: the conversation engine limits questions per conversation in every
channel (`bot.conversation.limits`), the web API limits requests per session and per client
address (`web.ratelimit`), the back office throttles logins.
"""

from __future__ import annotations

import logging
import math
import re
import time
from dataclasses import dataclass
from typing import Any

from prometheus_client import Counter

from core.shared_limits import RATE_LIMIT_UNAVAILABLE, SharedLimits

__all__ = [
    "RATE_LIMITED",
    "RATE_LIMIT_UNAVAILABLE",
    "Rate",
    "RateLimiter",
    "SharedLimits",
    "parse_rate",
    "retry_after_header",
]

_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([a-z]+)\s*$")
_UNITS = {
    "s": 1,
    "sec": 1,
    "second": 1,
    "seconds": 1,
    "m": 60,
    "min": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hour": 3600,
    "hours": 3600,
    "d": 86400,
    "day": 86400,
    "days": 86400,
}
log = logging.getLogger(__name__)
RATE_LIMITED = Counter(
    "policybot_rate_limited_total", "Requests refused (429) or questions told to wait", ["scope"]
)


@dataclass(frozen=True)
class Rate:
    """`count` requests per `seconds`."""

    count: int
    seconds: float


def parse_rate(value: str) -> Rate | None:
    """Parse `20/minute`, `100/hour`, `5/10s`; `0` or empty turns the limit off (None)."""
    text = value.strip().lower()
    if text in ("", "0", "off", "none"):
        return None
    match = _RATE.match(text)
    if not match or match.group(3) not in _UNITS:
        raise ValueError(f"invalid rate limit {value!r}: expected e.g. '20/minute' or '0'")
    count = int(match.group(1))
    if count == 0:
        return None
    periods = int(match.group(2) or 1)
    return Rate(count=count, seconds=float(periods * _UNITS[match.group(3)]))


def rate_item(rate: Rate) -> Any:
    """The `limits` item for a Rate: `count` per `seconds`."""
    from limits import RateLimitItemPerSecond

    return RateLimitItemPerSecond(rate.count, max(1, int(rate.seconds)))


class RateLimiter:
    """`count` requests per client and window in a scope, counted in the shared storage."""

    def __init__(
        self, rate: Rate | None, storage: SharedLimits | None = None, scope: str = "api"
    ) -> None:
        self.rate = rate
        self.storage = storage or SharedLimits()
        self.scope = scope
        self.item = rate_item(rate) if rate is not None else None

    async def hit(self, key: str) -> float:
        """Count one request of `key`; 0 when allowed, else seconds until one is allowed again.

        Never raises for storage trouble: an unreachable Redis lets the request through.
        """
        if self.item is None:
            return 0.0
        if not self.storage.available():
            self.storage.skipped(self.scope)
            return 0.0
        limiter = self.storage.async_limiter()
        try:
            if await limiter.hit(self.item, self.scope, key):
                self.storage.storage_answered()
                return 0.0
            stats = await limiter.get_window_stats(self.item, self.scope, key)
        except Exception as exc:  # StorageError, or a connection error before the wrapper
            self.storage.storage_failed(self.scope, exc)
            return 0.0
        return max(0.001, float(stats.reset_time) - time.time())

    async def wait(self, key: str) -> float:
        """Seconds until `key` may make a request (0: it may now); counts nothing.

        Never raises for storage trouble: an unreachable Redis lets the request through.
        """
        if self.item is None or not self.storage.available():
            return 0.0
        limiter = self.storage.async_limiter()
        try:
            if await limiter.test(self.item, self.scope, key):
                return 0.0
            stats = await limiter.get_window_stats(self.item, self.scope, key)
        except Exception as exc:
            self.storage.storage_failed(self.scope, exc)
            return 0.0
        return max(0.001, float(stats.reset_time) - time.time())

    def hit_sync(self, key: str) -> float:
        """`hit` for synchronous callers (worker threads)."""
        if self.item is None:
            return 0.0
        if not self.storage.available():
            self.storage.skipped(self.scope)
            return 0.0
        limiter = self.storage.sync_limiter()
        try:
            if limiter.hit(self.item, self.scope, key):
                self.storage.storage_answered()
                return 0.0
            stats = limiter.get_window_stats(self.item, self.scope, key)
        except Exception as exc:
            self.storage.storage_failed(self.scope, exc)
            return 0.0
        return max(0.001, float(stats.reset_time) - time.time())

    def exhausted_sync(self, key: str) -> bool:
        """True when `key` has no request left in the window (does not count one)."""
        if self.item is None or not self.storage.available():
            return False
        try:
            allowed = self.storage.sync_limiter().test(self.item, self.scope, key)
        except Exception as exc:
            self.storage.storage_failed(self.scope, exc)
            return False
        self.storage.storage_answered()
        return not bool(allowed)


def retry_after_header(wait_seconds: float) -> str:
    """Whole seconds for the Retry-After header (at least 1)."""
    return str(max(1, math.ceil(wait_seconds)))
