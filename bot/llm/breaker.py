"""Circuit breaker for the model: stop calling it after N failures in a row, and after a 429."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class CircuitBreaker:
    """Closed → open after `failures` consecutive failures → half-open after `cooldown_s`.

    Half-open lets one trial request through; its success closes the breaker, its failure
    opens it again. A 429 opens it for the server's Retry-After (back-off) whatever the count.
    Thread-safe; one breaker per process (each worker learns on its own).
    """

    def __init__(
        self, failures: int, cooldown_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.failures = max(1, failures)
        self.cooldown_s = cooldown_s
        self.clock = clock
        self._lock = threading.Lock()
        self._count = 0
        self._open_until = 0.0
        self._trial = False

    def allow(self) -> bool:
        """True when a request may go to the model now."""
        with self._lock:
            now = self.clock()
            if now < self._open_until:
                return False
            if self._count >= self.failures:  # half-open: one trial at a time
                if self._trial:
                    return False
                self._trial = True
            return True

    def success(self) -> None:
        """The model answered: close the breaker."""
        with self._lock:
            self._count, self._open_until, self._trial = 0, 0.0, False

    def failure(self) -> None:
        """The model failed (error, timeout, empty or unusable output)."""
        with self._lock:
            self._count += 1
            self._trial = False
            if self._count >= self.failures:
                self._open_until = self.clock() + self.cooldown_s

    def back_off(self, seconds: float) -> None:
        """The server said 429: no calls for `seconds` (capped at the cool-down)."""
        with self._lock:
            self._trial = False
            wait = min(max(seconds, 1.0), max(self.cooldown_s, 1.0))
            self._open_until = max(self._open_until, self.clock() + wait)

    @property
    def closed(self) -> bool:
        """Whether no failure streak holds the model off or is on trial (calls that must not
        take the half-open trial, such as the question rewrite, go only now)."""
        with self._lock:
            return self._count < self.failures and self.clock() >= self._open_until

    @property
    def is_open(self) -> bool:
        """Whether calls are currently refused (for health and tests)."""
        with self._lock:
            return self.clock() < self._open_until
