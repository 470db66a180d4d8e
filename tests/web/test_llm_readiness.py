"""LLM mode never takes the service down: the app starts, answers offline and reports
`llm: "unavailable"` when the model cannot be built or reached, and recovers by itself."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from prometheus_client import REGISTRY

from core.settings import Settings
from tests.fakes.llm_fixtures import llm_settings
from tests.fakes.openai_server import FakeOpenAI, streamed
from tests.live_server import LiveServer
from tests.web.test_llm_stream import shown_text, stream
from tests.web.test_serve_command import free_port

if TYPE_CHECKING:
    from bot.answerer import Answerer

QUESTION = "担保机构的放大倍数要求是多少？"
GROUNDED = "政府性融资担保放大倍数要确保在5倍以上[measure-9]。"
SECRET_KEY = "sk-readiness-secret-0123456789abcdef"


def closed_port_url() -> tuple[int, str]:
    """A loopback port nobody listens on, and its OPENAI_BASE_URL."""
    port = free_port()
    return port, f"http://127.0.0.1:{port}/v1"


def chat_text(base: str) -> str:
    """POST /api/chat with QUESTION from a new visitor; the first message's text."""
    reply = httpx.post(f"{base}/api/chat", json={"text": QUESTION}, timeout=30)
    assert reply.status_code == 200, reply.text
    return str(reply.json()["messages"][0]["text"])


def readyz(base: str) -> tuple[int, dict[str, Any]]:
    response = httpx.get(f"{base}/readyz", timeout=10)
    return response.status_code, response.json()


def metric(base: str, line_start: str) -> float:
    """The value of the /metrics sample whose line starts with `line_start` (0 when absent)."""
    for line in httpx.get(f"{base}/metrics", timeout=10).text.splitlines():
        if line.startswith(line_start + " "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


@pytest.fixture
def start_app(app_settings: Settings) -> Iterator[Callable[..., LiveServer]]:
    """Start the app the production way (the lifespan loads the answerer) with LLM settings."""
    from server import create_app

    servers: list[LiveServer] = []

    def start(url: str, **overrides: Any) -> LiveServer:
        server = LiveServer(create_app(llm_settings(app_settings, url, **overrides))).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def test_readyz_reports_llm_off_without_a_model(client: httpx.Client) -> None:
    body = client.get("/readyz").json()
    assert body["llm"] == "off" and body["status"] == "ready"


def test_reachable_model_is_ok_and_answers(start_app: Any, fake_llm: FakeOpenAI) -> None:
    fake_llm.reply(streamed(GROUNDED, 0.1))
    live = start_app(fake_llm.url)
    status, body = readyz(live.url)
    assert status == 200 and body["llm"] == "ok"
    assert "5倍以上" in chat_text(live.url) and len(fake_llm.requests) == 1
    assert metric(live.url, "policybot_llm_available") == 1


def test_unreachable_model_at_start_serves_offline_then_recovers(
    start_app: Any, answerer: Answerer, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.llm.availability import forget_all

    forget_all()
    port, url = closed_port_url()
    caplog.set_level(logging.INFO)
    live = start_app(url, LLM_BREAKER_COOLDOWN_S=0.5, OPENAI_API_KEY=SECRET_KEY)
    status, body = readyz(live.url)
    assert status == 200 and body["status"] == "ready" and body["llm"] == "unavailable"
    offline = str(answerer.answer(QUESTION).answer)
    assert chat_text(live.url) == offline
    events = stream(live.url, QUESTION, "s-down-stream")  # the streaming path too
    assert shown_text(events) == offline and "done" in [name for _, name, _ in events]
    assert metric(live.url, 'policybot_llm_unavailable_total{reason="unreachable"}') >= 1
    assert metric(live.url, 'policybot_llm_requests_total{outcome="unavailable"}') >= 1
    assert metric(live.url, "policybot_llm_available") == 0
    warnings = [  # checks left running by earlier tests log about their own servers
        r
        for r in caplog.records
        if r.name.startswith("bot.llm") and r.levelno >= 30 and f":{port}" in r.getMessage()
    ]
    assert len(warnings) == 1 and f"127.0.0.1:{port}" in warnings[0].getMessage()
    assert SECRET_KEY not in caplog.text
    with FakeOpenAI(port=port) as fake:  # the model server comes up: no restart needed
        fake.reply(streamed(GROUNDED, 0.1))
        deadline = time.monotonic() + 10
        while readyz(live.url)[1]["llm"] != "ok":
            assert time.monotonic() < deadline, "LLM mode did not recover"
            time.sleep(0.1)
        assert "5倍以上" in chat_text(live.url) and len(fake.requests) == 1
        assert metric(live.url, "policybot_llm_available") == 1
    forget_all()


def test_client_constructor_raising_keeps_the_app_up(
    start_app: Any, fake_llm: FakeOpenAI, answerer: Answerer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import langchain_openai

    def incompatible(*_args: Any, **_kwargs: Any) -> Any:
        raise TypeError("Invalid timeout: expected a number, got <class 'httpx.Timeout'>")

    monkeypatch.setattr(langchain_openai, "ChatOpenAI", incompatible)
    counted = {"reason": "client"}
    before = REGISTRY.get_sample_value("policybot_llm_unavailable_total", counted) or 0.0
    live = start_app(fake_llm.url)
    status, body = readyz(live.url)
    assert status == 200 and body["llm"] == "unavailable"
    assert chat_text(live.url) == str(answerer.answer(QUESTION).answer)
    assert fake_llm.requests == []
    assert metric(live.url, 'policybot_llm_unavailable_total{reason="client"}') == before + 1


@pytest.mark.parametrize(
    "base_url",
    ["closed-port", "http://llm.invalid:8001/v1", "not a url"],
    ids=["closed-port", "unknown-host", "malformed"],
)
def test_serve_with_a_bad_base_url_is_ready_and_answers_offline(
    tmp_path: Path, index_dir: Path, answerer: Answerer, base_url: str
) -> None:
    port = free_port()
    if base_url == "closed-port":
        base_url = closed_port_url()[1]
    env = dict(
        os.environ,
        POLICYBOT_DATA_DIR=str(tmp_path),
        POLICYBOT_INDEX_DIR=str(index_dir),
        LLM_MODEL="qwen2.5:7b",
        OPENAI_BASE_URL=base_url,
        OPENAI_API_KEY=SECRET_KEY,
    )
    command = [sys.executable, "-m", "policybot.cli", "serve", "--port", str(port)]
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        body: dict[str, Any] = {}
        while not body:
            assert process.poll() is None, "serve exited"
            assert time.monotonic() - started < 90, "serve did not become ready"
            try:
                status, body = readyz(base)
            except httpx.TransportError:
                time.sleep(0.2)
        assert status == 200 and body["llm"] == "unavailable"
        assert chat_text(base) == str(answerer.answer(QUESTION).answer)
    finally:
        process.terminate()
        output = process.communicate(timeout=30)[0].decode()
    assert output.count("LLM mode unavailable") == 1, output
    assert SECRET_KEY not in output and "Traceback" not in output
