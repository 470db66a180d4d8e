"""Prometheus metrics of LLM mode (exposed by /metrics with the web layer's metrics)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

# outcome: ok | ungrounded | format | empty | first_token_timeout | timeout | http_error |
#          rate_limited | connection | circuit_open | unavailable | error
LLM_REQUESTS = Counter(
    "policybot_llm_requests_total", "LLM answer attempts by outcome", ["outcome"]
)
LLM_FIRST_TOKEN = Histogram(
    "policybot_llm_first_token_seconds",
    "Time from the request to the model's first text token",
    buckets=(0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 8.0),
)
LLM_DURATION = Histogram(
    "policybot_llm_request_seconds",
    "Time from the request to the end of the answer (or the fallback), by outcome",
    ["outcome"],
    buckets=(0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 12.0, 20.0),
)
LLM_TOKENS = Counter(
    "policybot_llm_tokens_total", "Tokens reported by the model (or counted chunks)", ["kind"]
)
LLM_AVAILABLE = Gauge(
    "policybot_llm_available",
    "1 when the LLM client is built and its server was reached at the last check, else 0",
    multiprocess_mode="livemin",
)
LLM_UNAVAILABLE = Counter(
    "policybot_llm_unavailable_total",
    "Failed LLM availability checks (start-up and retries) by reason",
    ["reason"],  # client | unreachable | refused
)
# outcome: used | same | skipped | rejected | timeout | circuit_open | http_error | rate_limited |
#          connection | error
LLM_REWRITES = Counter(
    "policybot_llm_rewrites_total",
    "History-aware question rewrites by outcome (anything but used/same/skipped: the question "
    "as read offline was used)",
    ["outcome"],
)
