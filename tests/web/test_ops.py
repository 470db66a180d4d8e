"""Health, readiness, metrics and the OpenAPI document of the running app."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx
import pytest

from web.health import _index_ready

if TYPE_CHECKING:
    from bot.answerer import Answerer


def test_healthz_is_ok(client: httpx.Client) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.head("/healthz").status_code == 200


def test_readyz_reports_database_and_index(client: httpx.Client) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": True, "index": True}


class _Answerer:
    def __init__(self, ready: Any) -> None:
        self.ready = ready

    def is_ready(self) -> bool:
        if isinstance(self.ready, Exception):
            raise self.ready
        return bool(self.ready)


@pytest.mark.parametrize(
    ("answerer", "expected"),
    [
        (None, False),
        (_Answerer(False), False),
        (_Answerer(RuntimeError("x")), False),
        (_Answerer(True), True),
    ],
)
def test_index_ready_follows_answerer(answerer: Answerer, expected: bool) -> None:
    assert _index_ready(answerer) is expected


def test_metrics_count_chat_requests_by_route(client: httpx.Client) -> None:
    client.post("/api/chat", json={"text": "续贷有什么支持政策？"})
    text = client.get("/metrics").text
    assert 'policybot_http_requests_total{method="POST",route="/api/chat",status="200"}' in text
    assert "policybot_http_request_seconds_bucket" in text
    assert 'policybot_answer_cache_total{result="miss"}' in text


def test_openapi_documents_the_api(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in (
        "/api/chat",
        "/api/chat/stream",
        "/api/intake",
        "/api/intake/{ref}",
        "/api/feedback",
        "/healthz",
        "/readyz",
    ):
        assert path in paths
    intake = paths["/api/intake"]["post"]
    assert {"201", "422", "429", "413"} <= set(intake["responses"])
    assert any(p["name"] == "idempotency-key" for p in intake["parameters"])
    assert "text/event-stream" in paths["/api/chat/stream"]["post"]["responses"]["200"]["content"]
    chat_body = paths["/api/chat"]["post"]["requestBody"]["content"]["application/json"]
    assert {"session_id", "text"} <= set(chat_body["schema"]["properties"])


def test_api_docs_work_offline(client: httpx.Client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "cdn." not in page.text
    bundle = client.get("/static-offline-docs/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and "isOAS31" in bundle.text


def test_metrics_token_requires_the_bearer(serve: Any) -> None:
    live = serve(metrics_token="scrape-S3cret-token")
    with httpx.Client(base_url=live.url) as http:
        assert http.get("/metrics").status_code == 401
        assert http.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert http.get("/metrics", headers={"Authorization": "Basic x"}).status_code == 401
        good = http.get("/metrics", headers={"Authorization": "Bearer scrape-S3cret-token"})
        assert good.status_code == 200 and "http_requests" in good.text


def test_shipped_nginx_never_forwards_metrics() -> None:
    import re
    from pathlib import Path

    conf = (Path(__file__).resolve().parents[2] / "deploy" / "nginx.conf").read_text()
    block = re.search(r"location ~ \^/metrics\(/\|\$\) \{([^}]*)\}", conf)
    assert block is not None and "return 404;" in block.group(1)
    # a regex location wins over the prefix location "/" for /metrics, /metrics/ and queries
    pattern = re.compile(r"^/metrics(/|$)")
    for path in ("/metrics", "/metrics/", "/metrics/x"):
        assert pattern.search(path)
    assert not pattern.search("/api/chat")
