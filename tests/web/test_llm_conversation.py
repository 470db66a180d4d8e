"""A conversation over the running app in LLM mode: a follow-up is answered for the question the
offline reader resolved (or its grounded rewrite), on /api/chat and /api/chat/stream alike, and
a model that fails or goes away mid-conversation never breaks the conversation."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from bot.dialogue import answer_in_context
from bot.reading import ConversationContext
from core.settings import Settings
from tests.fakes.llm_fixtures import answerer_with, llm_settings
from tests.fakes.openai_server import FakeOpenAI, Reply
from tests.helpers.answers import reply_of
from tests.helpers.web_sessions import issued_id
from tests.live_server import LiveServer

if TYPE_CHECKING:
    from bot.answerer import Answerer

FIRST = "外贸贷是什么？"
FOLLOW_UP = "要抵押吗？"
RESOLVED = "外贸贷要抵押吗?"
ABOUT = "外贸贷是福建省给做进出口的外贸企业的政策性流动资金贷款[product-waimaodai]。"
GROUNDED = "外贸贷要不要抵押，资料中没有规定，由合作银行根据企业情况确定[product-waimaodai]。"


@pytest.fixture
def llm_app(
    app_settings: Settings, answerer: Answerer, fake_llm: FakeOpenAI
) -> Iterator[Callable[..., LiveServer]]:
    """Start the app in LLM mode (with the Q&A entries) against the fake model."""
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


def chat(url: str, text: str, session_id: str) -> dict[str, Any]:
    """POST /api/chat; the first message of the reply."""
    response = httpx.post(
        f"{url}/api/chat", json={"session_id": session_id, "text": text}, timeout=30
    )
    assert response.status_code == 200
    return dict(response.json()["messages"][0])


def stream_text(url: str, text: str, session_id: str) -> str:
    """POST /api/chat/stream; what the widget shows for the first message at the end."""
    shown = ""
    body = {"session_id": session_id, "text": text}
    with httpx.stream("POST", f"{url}/api/chat/stream", json=body, timeout=30) as response:
        assert response.status_code == 200
        name = "message"
        for line in response.iter_lines():
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data = json.loads(line[5:])
                if data.get("index") != 0:
                    continue
                if name == "delta":
                    shown += data["text"]
                elif name == "replace":
                    shown = data["text"]
    return shown


def asked(fake: FakeOpenAI) -> str:
    """The question the last answer request put last."""
    return str(fake.requests[-1]["body"]["messages"][-1]["content"])


def offline_follow_up(answerer: Answerer) -> str:
    """The offline answer to the follow-up, read in the context the first question left."""
    first = answer_in_context(answerer, ConversationContext(), FIRST)
    return answer_in_context(answerer, first.context, FOLLOW_UP).answer.answer


@pytest.mark.parametrize("path", ["json", "stream"])
def test_follow_up_answers_the_resolved_question(
    llm_app: Any, fake_llm: FakeOpenAI, answerer: Answerer, path: str
) -> None:
    live = llm_app()
    sid = issued_id(live)  # the id the server issues a new visitor
    send = chat if path == "json" else (lambda *a: {"text": stream_text(*a)})
    fake_llm.reply(Reply([ABOUT]), Reply([GROUNDED]))
    send(live.url, FIRST, sid)
    assert fake_llm.rewrite_requests == []  # a first question needs no rewrite
    shown = send(live.url, FOLLOW_UP, sid)["text"]
    assert asked(fake_llm) == RESOLVED  # the fake restates the resolved question
    rewrite_prompt = json.dumps(fake_llm.rewrite_requests[-1]["body"], ensure_ascii=False)
    assert FIRST in rewrite_prompt and f"系统理解的问题：{RESOLVED}" in rewrite_prompt
    history = [m["content"] for m in fake_llm.requests[-1]["body"]["messages"][1:-1]]
    assert FIRST in history
    assert shown.startswith("外贸贷要不要抵押，资料中没有规定")
    choice = reply_of(answerer, RESOLVED).qa  # the Q&A entry the resolved question matches …
    assert choice is not None
    qa_part = fake_llm.prompt_text().split("参考问答：", 1)[1]
    assert choice.entry.lead in qa_part  # … is context of the model's answer


@pytest.mark.parametrize("path", ["json", "stream"])
def test_follow_up_with_a_grounded_rewrite_asks_the_rewrite(
    llm_app: Any, fake_llm: FakeOpenAI, path: str
) -> None:
    live = llm_app()
    sid = issued_id(live)  # the id the server issues a new visitor
    send = chat if path == "json" else (lambda *a: {"text": stream_text(*a)})
    fake_llm.reply(Reply([ABOUT]), Reply([GROUNDED]))
    fake_llm.rewrite(Reply(["外贸贷需要提供抵押物吗？"]))
    send(live.url, FIRST, sid)
    shown = send(live.url, FOLLOW_UP, sid)["text"]
    assert asked(fake_llm) == "外贸贷需要提供抵押物吗？"
    assert shown.startswith("外贸贷要不要抵押，资料中没有规定")


@pytest.mark.parametrize(
    "rewrite",
    [Reply(["科技贷要抵押吗？"]), Reply(["外贸贷需要抵押物吗？"], first_delay_s=2.0)],
    ids=["ungrounded-topic", "timeout"],
)
def test_follow_up_with_a_bad_rewrite_asks_the_resolved_question(
    llm_app: Any, fake_llm: FakeOpenAI, rewrite: Reply
) -> None:
    live = llm_app(llm_rewrite_timeout_s=0.5)
    sid = issued_id(live)  # the id the server issues a new visitor
    fake_llm.reply(Reply([ABOUT]), Reply([GROUNDED]))
    fake_llm.rewrite(rewrite)
    chat(live.url, FIRST, sid)
    message = chat(live.url, FOLLOW_UP, sid)
    assert asked(fake_llm) == RESOLVED
    assert message["text"].startswith("外贸贷要不要抵押，资料中没有规定")
    assert [c["doc_id"] for c in message["citations"]] == ["product-waimaodai"]
    metrics = httpx.get(f"{live.url}/metrics").text
    outcome = "rejected" if rewrite.first_delay_s == 0 else "timeout"
    assert f'policybot_llm_rewrites_total{{outcome="{outcome}"}}' in metrics


def test_model_gone_mid_conversation_keeps_the_conversation(
    llm_app: Any, fake_llm: FakeOpenAI, answerer: Answerer
) -> None:
    live = llm_app(llm_timeout_s=1.5)
    sid = issued_id(live)  # the id the server issues a new visitor
    fake_llm.reply(Reply([ABOUT]))
    first = chat(live.url, FIRST, sid)
    assert first["text"].startswith("外贸贷是福建省")
    fake_llm.stop()
    message = chat(live.url, FOLLOW_UP, sid)
    assert message["text"] == offline_follow_up(answerer)
    assert "product-waimaodai" in [c["doc_id"] for c in message["citations"]]
    assert httpx.get(f"{live.url}/healthz").status_code == 200
