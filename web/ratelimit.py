"""Per-client rate limits (token buckets) and the client address behind trusted proxies."""

from __future__ import annotations

import math
import re
import threading
import time
from dataclasses import dataclass

from core.client_address import TrustedProxies

__all__ = ["Rate", "RateLimiter", "TrustedProxies", "parse_rate", "retry_after_header"]

_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([a-z]+)\s*$")
_UNITS = {
    "s": 1, "sec": 1, "second": 1, "seconds": 1,
    "m": 60, "min": 60, "minute": 60, "minutes": 60,
    "h": 3600, "hour": 3600, "hours": 3600,
    "d": 86400, "day": 86400, "days": 86400,
}  # fmt: skip
MAX_TRACKED_CLIENTS = 100_000


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


class RateLimiter:
    """Token bucket per key: a burst of `count`, refilled evenly over the period."""

    def __init__(self, rate: Rate | None) -> None:
        self.rate = rate
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, updated)
        self._lock = threading.Lock()

    def hit(self, key: str, now: float | None = None) -> float:
        """Take one token for `key`; return 0 when allowed, else seconds until the next one."""
        if self.rate is None:
            return 0.0
        now = time.monotonic() if now is None else now
        capacity = float(self.rate.count)
        per_second = capacity / self.rate.seconds
        with self._lock:
            tokens, updated = self._buckets.get(key, (capacity, now))
            tokens = min(capacity, tokens + (now - updated) * per_second)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                self._prune(now, per_second, capacity)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / per_second

    def _prune(self, now: float, per_second: float, capacity: float) -> None:
        """Forget full buckets when too many clients are tracked (memory stays bounded)."""
        if len(self._buckets) <= MAX_TRACKED_CLIENTS:
            return
        full_after = capacity / per_second
        self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < full_after}


def retry_after_header(wait_seconds: float) -> str:
    """Whole seconds for the Retry-After header (at least 1)."""
    return str(max(1, math.ceil(wait_seconds)))
