"""LLM mode against a fake OpenAI-compatible server on loopback; fallbacks to offline answers."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from bot.answer_grounding import ungrounded_numbers
from bot.answerer import Answerer
from core.settings import Settings


@dataclass
class Script:
    """What the fake server answers next, and what it received."""

    content: str = ""
    status: int = 200
    delay: float = 0.0
    requests: list[dict] = field(default_factory=list)


@pytest.fixture
def fake_llm() -> Iterator[tuple[str, Script]]:
    """A fake /v1/chat/completions server on a free loopback port."""
    script = Script()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server naming)
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            script.requests.append({"path": self.path, "body": body})
            time.sleep(script.delay)
            payload = {
                "id": "chatcmpl-test", "object": "chat.completion", "created": 0,
                "model": body["model"],
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": script.content}}],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            }
            data = json.dumps(payload if script.status == 200 else {"error": "boom"}).encode()
            self.send_response(script.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                self.wfile.write(data)
            except OSError:
                pass  # the client gave up (timeout test)

        def log_message(self, *args: Any) -> None:
            """Keep test output quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1", script
    server.shutdown()
    server.server_close()


@pytest.fixture
def llm_answerer(answerer: Any, fake_llm: tuple[str, Script]) -> Answerer:
    """An answerer sharing the session index, in LLM mode against the fake server."""
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, LLM_MODEL="fake-model", OPENAI_BASE_URL=fake_llm[0],
        OPENAI_API_KEY="test-key", LLM_TIMEOUT_S=1.0,
    )
    return Answerer(answerer.retriever, answerer.documents, settings)


QUESTION = "担保机构的放大倍数要求是多少？"


def test_llm_rewrite_is_used_when_grounded(llm_answerer: Answerer, fake_llm: Any) -> None:
    _, script = fake_llm
    script.content = "政府性融资担保的放大倍数要确保在5倍以上。"
    answer = llm_answerer.answer(QUESTION)
    assert answer.answer.startswith(script.content)
    assert "第9条" in answer.answer  # the citation footer is kept
    assert not ungrounded_numbers(answer.answer, answer.citations)
    sent = script.requests[0]["body"]
    assert script.requests[0]["path"] == "/v1/chat/completions"
    assert sent["model"] == "fake-model"
    assert "放大倍数5倍以上" in sent["messages"][1]["content"]


def test_llm_rewrite_with_invented_number_falls_back(llm_answerer: Answerer, fake_llm: Any):
    _, script = fake_llm
    script.content = "放大倍数要达到8倍，年利率3.5%。"
    answer = llm_answerer.answer(QUESTION)
    assert "8倍" not in answer.answer and "放大倍数5倍以上" in answer.answer


def test_llm_server_error_falls_back(llm_answerer: Answerer, fake_llm: Any) -> None:
    _, script = fake_llm
    script.status = 500
    answer = llm_answerer.answer(QUESTION)
    assert "放大倍数5倍以上" in answer.answer and answer.citations


def test_llm_timeout_falls_back(llm_answerer: Answerer, fake_llm: Any) -> None:
    _, script = fake_llm
    script.content, script.delay = "政府性融资担保放大倍数5倍以上。", 2.5
    started = time.monotonic()
    answer = llm_answerer.answer(QUESTION)
    assert time.monotonic() - started < 2.4
    assert "放大倍数5倍以上" in answer.answer


def test_llm_not_called_for_refusals(llm_answerer: Answerer, fake_llm: Any) -> None:
    _, script = fake_llm
    assert not llm_answerer.answer("明天会下雨吗？").in_scope
    assert script.requests == []
