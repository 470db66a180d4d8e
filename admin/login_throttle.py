"""Failed logins per client address, counted across instances (guards against password spraying)."""

from __future__ import annotations

from web.ratelimit import Rate, RateLimiter, SharedLimits

IP_MAX_FAILURES = 20  # per client address and window, whatever the usernames tried
IP_WINDOW_S = 15 * 60


class LoginThrottle:
    """Failed logins per client address in a moving window (guards against password spraying).

    Counted in the app's shared limit storage: Redis when REDIS_URL is set, so every instance
    sees the same failures; fails open (with a warning) when Redis is unreachable.
    """

    def __init__(self, storage: SharedLimits | None = None) -> None:
        self.limiter = RateLimiter(Rate(IP_MAX_FAILURES, IP_WINDOW_S), storage, "admin_login")

    def blocked(self, ip: str) -> bool:
        """True when this address failed too often recently."""
        return self.limiter.exhausted_sync(ip)

    def failed(self, ip: str) -> None:
        """Count one failure."""
        self.limiter.hit_sync(ip)
