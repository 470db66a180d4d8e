"""Questions per conversation (RATE_LIMIT_CHAT): one rule in every channel.

Only what goes to the answerer counts: a policy question, also one asked in the middle of the
form. Form answers, button taps, commands (进度, 人工, 申请 …), feedback and satisfaction
scores never do, so an owner who has just filled the form is never told to slow down.
Counted in the shared storage of `core.ratelimit` (Redis when REDIS_URL is set), keyed by a
digest of channel and user.
"""

from __future__ import annotations

import hashlib
import math

from bot.messages import OutMessage
from core.ratelimit import RATE_LIMITED, RateLimiter, SharedLimits, parse_rate
from core.settings import Settings

SCOPE = "question"


def limited_text(wait_s: float) -> str:
    """What an owner over the limit is told (Chinese; whole seconds)."""
    seconds = max(1, math.ceil(wait_s))
    return f"您提问太频繁了，请 {seconds} 秒后再问。填写登记、查询进度不受影响。"


class QuestionLimit:
    """RATE_LIMIT_CHAT questions per conversation in a moving window (`0` = off)."""

    def __init__(self, settings: Settings) -> None:
        rate = parse_rate(str(getattr(settings, "rate_limit_chat", "0") or "0"))
        storage = SharedLimits(
            getattr(settings, "redis_url", "") or "",
            getattr(settings, "redis_key_prefix", "policybot") or "policybot",
        )
        self.limiter = RateLimiter(rate, storage, SCOPE)

    def wait_s(self, channel: str, user_id: str) -> float:
        """Count one question of this conversation; 0 when allowed, else seconds to wait."""
        key = hashlib.sha256(f"{channel}:{user_id}".encode()).hexdigest()[:24]
        wait = self.limiter.hit_sync(key)
        if wait > 0:
            RATE_LIMITED.labels(SCOPE).inc()
        return wait

    def refusal(self, wait_s: float) -> OutMessage:
        """The reply to a question over the limit."""
        return OutMessage(limited_text(wait_s))
