"""LLM mode through the running app: /api/chat/stream against a fake model on loopback."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from sqlalchemy import select

from core.settings import Settings
from storage.models import Message
from tests.fakes.llm_fixtures import answerer_with, llm_settings
from tests.fakes.openai_server import FakeOpenAI, Reply, streamed
from tests.helpers.web_sessions import forged_ids, issued_id
from tests.live_server import LiveServer

if TYPE_CHECKING:
    from bot.answerer import Answerer

QUESTION = "担保机构的放大倍数要求是多少？"
CLAUSE = "确保政府性融资担保放大倍数5倍以上"  # measure 9, the clause the answer rests on
GROUNDED = (
    "可以放心，政府性融资担保机构的放大倍数要确保在5倍以上[measure-9]。"
    "具体担保费率和额度资料中没有规定，由担保机构和银行根据企业情况确定。"
)
INVENTED = "可以放心，担保放大倍数5倍以上[measure-9]。贷款年利率3.85%[measure-9]。"


@pytest.fixture
def llm_app(
    app_settings: Settings, answerer: Answerer, fake_llm: FakeOpenAI
) -> Iterator[Callable[..., LiveServer]]:
    """Start the app in LLM mode against the fake model (settings overrides allowed)."""
    from server import create_app

    servers: list[LiveServer] = []

    def start(**overrides: Any) -> LiveServer:
        settings = llm_settings(app_settings, fake_llm.url, **overrides)
        llm = answerer_with(answerer, settings)
        server = LiveServer(create_app(settings, answerer=llm)).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


def stream(url: str, text: str, session_id: str) -> list[tuple[float, str, dict[str, Any]]]:
    """POST /api/chat/stream; each event with its arrival time (s after the request)."""
    events: list[tuple[float, str, dict[str, Any]]] = []
    started = time.monotonic()
    body = {"session_id": session_id, "text": text}
    with httpx.stream("POST", f"{url}/api/chat/stream", json=body, timeout=30) as response:
        assert response.status_code == 200
        name = "message"
        for line in response.iter_lines():
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                events.append((time.monotonic() - started, name, json.loads(line[5:])))
    return events


def shown_text(events: list[tuple[float, str, dict[str, Any]]], index: int = 0) -> str:
    """What the widget shows for message `index` after all deltas and replacements."""
    text = ""
    for _, name, data in events:
        if data.get("index") != index:
            continue
        if name == "delta":
            text += data["text"]
        elif name == "replace":
            text = data["text"]
    return text


def offline_text(answerer: Answerer, question: str) -> str:
    """The offline answer's text for a question."""
    return str(answerer.answer(question).answer)


def test_stream_first_delta_within_one_second_of_slow_model(llm_app: Any, fake_llm: FakeOpenAI):
    live = llm_app()
    fake_llm.reply(streamed(GROUNDED, 1.8))
    events = stream(live.url, QUESTION, issued_id(live))
    deltas = [t for t, name, _ in events if name == "delta"]
    done = next(t for t, name, _ in events if name == "done")
    assert deltas[0] < 1.0, f"first delta after {deltas[0]:.2f}s"
    assert done - deltas[0] >= 1.0  # the text really arrived while the model produced it
    assert len(deltas) >= 3
    assert "replace" not in [name for _, name, _ in events]
    text = shown_text(events)
    assert "5倍以上（第9条）" in text and "[measure-9]" not in text
    citations = next(d["citations"] for _, name, d in events if name == "citations")
    assert [c["article"] for c in citations] == [9]
    assert CLAUSE in fake_llm.prompt_text()
    buttons = next(d for _, name, d in events if name == "buttons")
    assert buttons["message_id"]


def test_stream_follow_up_sends_earlier_question_to_model(llm_app: Any, fake_llm: FakeOpenAI):
    live = llm_app()
    fake_llm.reply(Reply(["科技贷是福建省面向科技型中小微企业的政策性贷款产品[product-kejidai]。"]))
    visitor = issued_id(live)
    first = stream(live.url, "科技贷是什么？", visitor)
    assert next(d for _, n, d in first if n == "session") == {"session_id": visitor}
    stream(live.url, "那要什么条件？", visitor)
    messages = fake_llm.requests[-1]["body"]["messages"]
    earlier = [m["content"] for m in messages[1:-1]]
    assert "科技贷是什么？" in earlier
    assert messages[-1]["content"] == "科技贷要什么条件?"  # the question read in context
    assert messages[1]["role"] == "user" and messages[2]["role"] == "assistant"


@pytest.mark.parametrize(
    "reply",
    [
        streamed(INVENTED, 1.0),  # the rate comes after a grounded sentence was shown
        streamed("贷款年利率3.85%[measure-9]，担保放大倍数5倍以上[measure-9]。", 0.5),
        streamed("放大倍数5倍以上[measure-99]。", 0.3),  # cites a passage never sent
    ],
    ids=["rate-after-grounded", "rate-first", "unknown-id"],
)
def test_stream_ungrounded_reply_replaced_by_offline_answer(
    llm_app: Any, fake_llm: FakeOpenAI, answerer: Answerer, app_settings: Settings, reply: Reply
) -> None:
    live = llm_app()
    fake_llm.reply(reply)
    events = stream(live.url, QUESTION, issued_id(live))
    assert not any("3.85" in d.get("text", "") for _, name, d in events if name == "delta")
    assert shown_text(events) == offline_text(answerer, QUESTION)
    from storage.db import open_database

    db = open_database(app_settings)
    with db.session() as session:
        stored = [m.text for m in session.scalars(select(Message))]
    db.dispose()
    assert stored and not any("3.85" in text or "measure-99" in text for text in stored)


@pytest.mark.parametrize(
    ("reply", "outcome"),
    [
        (Reply(["放大倍数5倍以上[measure-9]。"], first_delay_s=2.5), "first_token_timeout"),
        (Reply(status=500), "http_error"),
        (Reply(status=429, retry_after="1"), "rate_limited"),
        (Reply([]), "empty"),
        (Reply(["担保机构要加大增信服务力度。"]), "format"),  # no passage cited at all
    ],
    ids=["slow-first-token", "http-500", "http-429", "empty", "format-ignored"],
)
def test_stream_model_failure_gives_offline_answer_in_time(
    llm_app: Any, fake_llm: FakeOpenAI, answerer: Answerer, reply: Reply, outcome: str
) -> None:
    live = llm_app()
    fake_llm.reply(reply)
    started = time.monotonic()
    events = stream(live.url, QUESTION, issued_id(live))
    assert time.monotonic() - started < 1.0 + 2.0  # first-token timeout (1 s) + margin
    assert shown_text(events) == offline_text(answerer, QUESTION)
    assert any(d["citations"] for _, name, d in events if name == "citations")
    metrics = httpx.get(f"{live.url}/metrics").text
    assert f'policybot_llm_requests_total{{outcome="{outcome}"}}' in metrics


def test_stream_model_stopped_gives_cited_offline_answer(
    llm_app: Any, fake_llm: FakeOpenAI, answerer: Answerer
) -> None:
    live = llm_app(llm_timeout_s=2.0)
    fake_llm.stop()
    started = time.monotonic()
    events = stream(live.url, QUESTION, issued_id(live))
    assert time.monotonic() - started < 2.0 + 2.0
    assert shown_text(events) == offline_text(answerer, QUESTION)
    assert any(d["citations"] for _, name, d in events if name == "citations")


def test_json_chat_in_llm_mode_returns_grounded_answer(llm_app: Any, fake_llm: FakeOpenAI):
    live = llm_app()
    fake_llm.reply(Reply([GROUNDED]))
    body = httpx.post(f"{live.url}/api/chat", json={"text": QUESTION}, timeout=30).json()
    assert body["messages"][0]["text"].startswith("可以放心，政府性融资担保机构")
    assert [c["article"] for c in body["messages"][0]["citations"]] == [9]


def test_streams_of_different_visitors_wait_for_the_model_together(
    llm_app: Any, fake_llm: FakeOpenAI
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    live = llm_app()
    fake_llm.reply(streamed(GROUNDED, 1.5))
    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda i: stream(live.url, QUESTION, issued_id(live)), range(4)))
    assert time.monotonic() - started < 2 * 1.5  # not one model answer after the other
    assert all("5倍以上（第9条）" in shown_text(events) for events in results)


def test_llm_stream_gives_forged_ids_a_new_session_and_nothing_of_theirs(
    llm_app: Any, fake_llm: FakeOpenAI
) -> None:
    """The LLM-mode stream checks the id itself (web.api.chat_stream): one it did not issue
    is a new visitor, even when rows are stored under it."""
    from bot.services import services_of
    from storage.notifications import enqueue_notification
    from tests.helpers.intake import intake_payload
    from web.intake_submit import submit_request
    from web.session_ids import session_id_issued
    from web.sse import parse_sse

    live = llm_app()
    services = services_of(live.app)
    for seed, fake in enumerate(forged_ids(issued_id(live), seed=3, count=3)):
        payload = intake_payload(seed, company_name="三明市闽运机械制造有限公司")
        submit_request(services.db, payload, key=None, session_id=fake, base_url="http://t")
        with services.db.session() as session:
            enqueue_notification(session, channel="web", user_id=fake, text="您的需求已推送银行")
        body = {"session_id": fake, "text": "进度"}
        reply = httpx.post(f"{live.url}/api/chat/stream", json=body, timeout=30).text
        new = next(d["session_id"] for n, d in parse_sse(reply) if n == "session")
        assert new != fake and session_id_issued(services.settings.session_secret, new)
        assert "闽运" not in reply and "已推送银行" not in reply and "RZ-" not in reply, fake
