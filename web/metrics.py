"""Prometheus metrics of the web layer, and the /metrics exposition (multi-process aware)."""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)

from core.ratelimit import RATE_LIMIT_UNAVAILABLE, RATE_LIMITED  # re-exported

__all__ = ["RATE_LIMITED", "RATE_LIMIT_UNAVAILABLE", "render_metrics"]

HTTP_REQUESTS = Counter(
    "policybot_http_requests_total", "HTTP requests handled", ["method", "route", "status"]
)
HTTP_LATENCY = Histogram(
    "policybot_http_request_seconds",
    "HTTP request latency",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)
CHAT_MESSAGES = Counter("policybot_chat_messages_total", "Chat messages answered", ["mode"])
INTAKE_RESULTS = Counter(
    "policybot_intake_total", "Financing requests posted to the API", ["result"]
)
ANSWER_CACHE = Counter(
    "policybot_answer_cache_total", "Answer cache look-ups in front of the answerer", ["result"]
)
FEEDBACK = Counter("policybot_feedback_total", "Thumbs up/down on answers", ["value"])


def render_metrics() -> tuple[bytes, str]:
    """The exposition text; merges every worker when PROMETHEUS_MULTIPROC_DIR is set."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
