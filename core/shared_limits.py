"""The rate-limit storage every limiter of the app counts in (`SharedLimits`): Redis when
REDIS_URL is set, else memory; fail-open while Redis is unreachable. The limiters themselves
are `core.ratelimit.RateLimiter`."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from prometheus_client import Counter

log = logging.getLogger("core.ratelimit")
RATE_LIMIT_UNAVAILABLE = Counter(
    "policybot_rate_limit_unavailable_total",
    "Requests let through unchecked because the rate-limit storage (Redis) was unreachable",
    ["scope"],
)


class SharedLimits:
    """Rate-limit storage for every limiter of the app: Redis when REDIS_URL is set, else memory.

    Built on the `limits` library (moving windows). With Redis, every instance (and worker)
    counts in the same keys, prefixed with REDIS_KEY_PREFIX; in memory, each process counts
    alone. When Redis is unreachable the checks are skipped (fail open): one warning per outage,
    `policybot_rate_limit_unavailable_total` counts the unchecked requests, no error reaches the
    client; Redis is tried again after RETRY_AFTER_FAILURE_S.
    """

    RETRY_AFTER_FAILURE_S = 5.0
    TIMEOUT_S = 0.5

    def __init__(self, redis_url: str = "", key_prefix: str = "policybot") -> None:
        self.redis_url = redis_url
        self.key_prefix = key_prefix
        self._sync: Any = None
        self._aio: Any = None
        self._skip_until = 0.0
        self._warned = False
        self._lock = threading.Lock()

    @property
    def backend(self) -> str:
        """ "redis" or "memory"."""
        return "redis" if self.redis_url else "memory"

    def _options(self) -> dict[str, Any]:
        if not self.redis_url:
            return {}
        return {
            "key_prefix": self.key_prefix,
            "wrap_exceptions": True,
            "socket_timeout": self.TIMEOUT_S,
            "socket_connect_timeout": self.TIMEOUT_S,
        }

    def sync_limiter(self) -> Any:
        """A `limits` moving-window limiter over synchronous storage (for worker threads)."""
        with self._lock:
            if self._sync is None:
                from limits.storage import storage_from_string
                from limits.strategies import MovingWindowRateLimiter

                uri = self.redis_url or "memory://"
                self._sync = MovingWindowRateLimiter(storage_from_string(uri, **self._options()))
            return self._sync

    def async_limiter(self) -> Any:
        """A `limits` moving-window limiter over asyncio storage (for the event loop)."""
        if self._aio is None:
            from limits.aio.strategies import MovingWindowRateLimiter
            from limits.storage import storage_from_string

            if self.redis_url:
                storage = storage_from_string(
                    "async+" + self.redis_url, implementation="redispy", **self._options()
                )
            else:
                storage = storage_from_string("async+memory://")
            self._aio = MovingWindowRateLimiter(storage)
        return self._aio

    def available(self) -> bool:
        """False while a recent storage failure lets requests through unchecked."""
        return time.monotonic() >= self._skip_until

    def storage_failed(self, scope: str, exc: BaseException) -> None:
        """Record an unreachable storage: warn once per outage, count, retry a bit later."""
        RATE_LIMIT_UNAVAILABLE.labels(scope).inc()
        self._skip_until = time.monotonic() + self.RETRY_AFTER_FAILURE_S
        if not self._warned:
            self._warned = True
            log.warning(
                "rate-limit storage unreachable (%s); limits are not enforced until it "
                "answers again",
                type(exc).__name__,
            )

    def storage_answered(self) -> None:
        """Note that the storage works (again)."""
        if self._warned:
            self._warned = False
            log.warning("rate-limit storage reachable again; limits are enforced")

    def skipped(self, scope: str) -> None:
        """Count a request let through while the storage is considered down."""
        RATE_LIMIT_UNAVAILABLE.labels(scope).inc()
