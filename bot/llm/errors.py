"""Model failures as outcomes: what went wrong, in one word, for metrics, logs and back-off."""

from __future__ import annotations

DEFAULT_RETRY_AFTER_S = 5.0


def classify_error(exc: BaseException) -> tuple[str, str, float]:
    """(outcome, reason, retry-after seconds) of an exception raised by the model client.

    Outcomes: rate_limited (HTTP 429), http_error (other statuses), timeout, connection, error.
    """
    import openai

    if isinstance(exc, openai.RateLimitError):
        return "rate_limited", "HTTP 429", _retry_after(exc)
    if isinstance(exc, openai.APITimeoutError):
        return "timeout", "request timed out", 0.0
    if isinstance(exc, openai.APIConnectionError):
        return "connection", "model server unreachable", 0.0
    if isinstance(exc, openai.APIStatusError):
        return "http_error", f"HTTP {exc.status_code}", 0.0
    return "error", type(exc).__name__, 0.0


def _retry_after(exc: BaseException) -> float:
    """Seconds from the Retry-After header (default 5 s when absent or a date)."""
    response = getattr(exc, "response", None)
    value = response.headers.get("retry-after", "") if response is not None else ""
    try:
        return float(value)
    except ValueError:
        return DEFAULT_RETRY_AFTER_S
