"""The answer cache in front of the answerer, and the `serve` command's options."""

from __future__ import annotations

from typing import Any

from policybot.cli import build_parser
from policybot.commands.serve import uvicorn_options
from web.answer_cache import CachedAnswerer


class CountingAnswerer:
    """Answers with a counter; follow-ups (containing 那) use the topic."""

    def __init__(self) -> None:
        self.calls = 0

    def _with_topic(self, text: str, topic: str | None) -> str:
        return f"{topic} {text}" if topic and "那" in text else text

    def answer(self, question: str, *, topic: str | None = None) -> Any:
        self.calls += 1
        return (self._with_topic(question, topic), self.calls)

    def document(self, doc_id: str) -> str:
        return f"doc {doc_id}"


def test_cached_answerer_answers_repeats_once() -> None:
    inner = CountingAnswerer()
    cached = CachedAnswerer(inner)
    first = cached.answer("续贷有什么政策？")
    assert cached.answer(" 续贷有什么政策？ ", topic="measure-3") == first
    assert inner.calls == 1 and cached.hits == 1


def test_cached_answerer_keeps_follow_ups_apart_by_topic() -> None:
    inner = CountingAnswerer()
    cached = CachedAnswerer(inner)
    a = cached.answer("那要什么条件？", topic="product-keji")
    b = cached.answer("那要什么条件？", topic="product-waimao")
    assert a != b and inner.calls == 2


def test_cached_answerer_evicts_oldest_and_delegates() -> None:
    inner = CountingAnswerer()
    cached = CachedAnswerer(inner, size=2)
    for question in ("一", "二", "三", "一"):
        cached.answer(question)
    assert inner.calls == 4
    assert cached.document("measure-6") == "doc measure-6"


def test_serve_parses_host_port_workers() -> None:
    args = build_parser().parse_args(
        ["serve", "--host", "0.0.0.0", "--port", "9001", "--workers", "2", "--no-access-log"]
    )
    options = uvicorn_options(args)
    assert (options["host"], options["port"], args.workers) == ("0.0.0.0", 9001, 2)
    assert options["proxy_headers"] is False and options["access_log"] is False
