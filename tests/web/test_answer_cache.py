"""The answer cache in front of the answerer, and the `serve` command's options."""

from __future__ import annotations

from typing import Any

import pytest

from policybot.cli import build_parser
from policybot.commands.serve import uvicorn_options
from web.answer_cache import CachedAnswerer


class CountingAnswerer:
    """Answers with a counter; `respond` joins the answers of the asks (as Answerer does)."""

    def __init__(self) -> None:
        self.calls = 0

    def answer(self, question: str, *, topic: str | None = None, ask: str | None = None) -> Any:
        self.calls += 1
        return (question, topic, ask, self.calls)

    def respond(self, asks: Any, *, topic: str | None = None) -> Any:
        return [self.answer(a.text, topic=topic, ask=a.type) for a in asks]

    def document(self, doc_id: str) -> Any:  # a string standing for the document
        return f"doc {doc_id}"


def test_cached_answerer_answers_repeats_once() -> None:
    inner = CountingAnswerer()
    cached = CachedAnswerer(inner)
    first = cached.answer("续贷有什么政策？")
    assert cached.answer(" 续贷有什么政策？ ") == first
    assert inner.calls == 1 and cached.hits == 1


def test_cached_answerer_keeps_topics_and_ask_types_apart() -> None:
    inner = CountingAnswerer()
    cached = CachedAnswerer(inner)
    a = cached.answer("外贸贷要什么条件？", topic="product-keji")
    b = cached.answer("外贸贷要什么条件？", topic="product-waimao")
    c = cached.answer("外贸贷要什么条件？", topic="product-waimao", ask="conditions")
    assert len({a, b, c}) == 3 and inner.calls == 3


def test_cached_answerer_responds_through_the_cache() -> None:
    """A message of several asks is cached whole: its repeat is one hit (not one per ask),
    and nothing of it is answered again; each ask alone is still a miss of its own."""
    from bot.messages import Ask

    inner = CountingAnswerer()
    cached = CachedAnswerer(inner)
    asks = [Ask("yesno", "林权能贷款吗"), Ask("how_much", "林权贷款利息多少")]
    first = cached.respond(asks, topic="measure-7")
    assert (inner.calls, cached.hits, cached.misses) == (2, 0, 3)  # the message, its 2 asks
    assert cached.respond(asks, topic="measure-7") == first
    assert (inner.calls, cached.hits, cached.misses) == (2, 1, 3)
    assert cached.respond(asks[::-1], topic="measure-7") != first  # another message
    assert cached.respond(asks, topic="measure-8") != first  # another topic
    assert cached.respond(asks[:1], topic="measure-7") == [first[0]]  # one ask: its answer


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


def test_the_real_answerer_responds_through_the_cache(answerer: Any) -> None:
    """`Answerer.respond` called for the cache answers each ask through the cache's `answer`
    (a refactor once sent it to the inner answerer's, and every cached turn was recomputed)."""
    from bot.messages import Ask

    cached = CachedAnswerer(answerer)
    for asks in ([Ask("yesno", "续贷要先还本金吗")], [Ask("how_much", "林权贷款利息多少")]):
        first = cached.respond(asks)
        hits = cached.hits
        assert cached.respond(asks) == first
        assert cached.hits == hits + len(asks), asks


def test_a_repeated_message_of_several_asks_runs_no_embedding(
    answerer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real answerer: the first time a message of several questions embeds its texts (one
    batch), its repeat is answered from the cache without embedding anything."""
    from bot.messages import Ask

    batches: list[list[str]] = []
    embed = answerer.retriever.embedder.embed

    def counted(texts: list[str]) -> Any:
        batches.append(list(texts))
        return embed(texts)

    monkeypatch.setattr(answerer.retriever.embedder, "embed", counted)
    cached = CachedAnswerer(answerer)
    asks = [Ask("how_much", "科技贷最高能贷多少"), Ask("how_long", "外贸贷期限多长")]
    first = cached.respond(asks)
    assert batches  # computed: the asks' texts were embedded
    batches.clear()
    assert cached.respond(asks) == first
    assert batches == [] and cached.hits == 1
