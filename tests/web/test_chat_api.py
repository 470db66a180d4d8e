"""Chat API through the running app: JSON replies, streamed replies (SSE) and feedback."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from bot.services import services_of
from storage.models import Message
from tests.helpers.web_sessions import issued_id, secret_of
from tests.live_server import LiveServer
from web.session_ids import session_id_issued
from web.sse import parse_sse

QUESTION = "贷款快到期了还想继续用，可以无还本续贷吗？"


def test_chat_without_session_issues_one(client: httpx.Client, live: LiveServer) -> None:
    response = client.post("/api/chat", json={"text": QUESTION})
    assert response.status_code == 200
    body = response.json()
    assert len(body["session_id"]) >= 16
    assert session_id_issued(secret_of(live), body["session_id"])
    assert body["messages"] and body["messages"][0]["text"]


@pytest.mark.parametrize("session_id", ["", None])
def test_chat_blank_session_gets_new_distinct_ids(
    client: httpx.Client, session_id: str | None
) -> None:
    first = client.post("/api/chat", json={"session_id": session_id, "text": "你好"}).json()
    second = client.post("/api/chat", json={"session_id": session_id, "text": "你好"}).json()
    assert first["session_id"] and second["session_id"]
    assert first["session_id"] != second["session_id"]


def test_chat_policy_question_cites_measure(client: httpx.Client, live: LiveServer) -> None:
    session_id = issued_id(live)
    body = client.post("/api/chat", json={"session_id": session_id, "text": QUESTION}).json()
    assert body["session_id"] == session_id
    citations = [c for m in body["messages"] for c in m["citations"]]
    assert any(c["article"] == 6 for c in citations)
    assert all({"doc_id", "article", "title", "source", "units"} <= set(c) for c in citations)


@pytest.mark.parametrize(
    "payload",
    [
        {"text": ""},
        {"text": "   "},
        {"session_id": "bad id!", "text": "你好"},
        {"text": "字" * 2001},
    ],
)
def test_chat_invalid_input_is_422(client: httpx.Client, payload: dict[str, str]) -> None:
    assert client.post("/api/chat", json=payload).status_code == 422


def test_chat_stream_sends_deltas_then_citations_buttons_done(
    client: httpx.Client, live: LiveServer
) -> None:
    body = {"session_id": issued_id(live), "text": QUESTION}
    response = client.post("/api/chat/stream", json=body)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = parse_sse(response.text)
    names = [name for name, _ in events]
    assert names[0] == "session" and names[-1] == "done"
    assert events[0][1]["session_id"] == body["session_id"]  # the issued id continues
    first_delta = names.index("delta")
    assert names.count("delta") == names.count("message")  # offline: each text sent at once
    assert names.index("citations") > first_delta
    assert names.index("buttons") > names.index("citations")
    text = "".join(data["text"] for name, data in events if name == "delta" and data["index"] == 0)
    reference = client.post("/api/chat", json={"text": QUESTION}).json()
    assert text == reference["messages"][0]["text"]
    citations = next(data["citations"] for name, data in events if name == "citations")
    assert any(c["article"] == 6 for c in citations)


def _answer_with_id(client: httpx.Client, session_id: str) -> int:
    """Ask a question and return the id of a bot answer."""
    body = client.post("/api/chat", json={"session_id": session_id, "text": QUESTION}).json()
    ids = [m["message_id"] for m in body["messages"] if m["message_id"] is not None]
    assert ids, "the engine should give bot answers a message_id"
    return int(ids[0])


@pytest.mark.parametrize(("value", "score"), [("up", 1), ("down", -1)])
def test_feedback_on_own_answer_is_stored(
    client: httpx.Client, live: LiveServer, value: str, score: int
) -> None:
    session_id = issued_id(live)
    message_id = _answer_with_id(client, session_id)
    payload = {"session_id": session_id, "message_id": message_id, "value": value}
    response = client.post("/api/feedback", json=payload)
    assert response.status_code == 200
    with services_of(live.app).db.session() as session:
        stored = session.scalar(select(Message.feedback).where(Message.id == message_id))
    assert stored == score


def test_feedback_from_another_session_is_404(client: httpx.Client, live: LiveServer) -> None:
    message_id = _answer_with_id(client, issued_id(live))
    payload = {"session_id": issued_id(live), "message_id": message_id, "value": "down"}
    assert client.post("/api/feedback", json=payload).status_code == 404
    with services_of(live.app).db.session() as session:
        stored = session.scalar(select(Message.feedback).where(Message.id == message_id))
    assert stored is None


def test_chat_shows_queued_status_change_once(client: httpx.Client, live: LiveServer) -> None:
    from storage.notifications import enqueue_notification

    note, other_id = issued_id(live), issued_id(live)
    with services_of(live.app).db.session() as session:
        enqueue_notification(session, channel="web", user_id=note, text="您的融资需求已推送银行")
    first = client.post("/api/chat", json={"session_id": note, "text": "你好"}).json()
    assert first["messages"][0]["text"] == "您的融资需求已推送银行"
    second = client.post("/api/chat", json={"session_id": note, "text": "你好"}).json()
    assert all("已推送银行" not in m["text"] for m in second["messages"])
    other = client.post("/api/chat", json={"session_id": other_id, "text": "你好"}).json()
    assert all("已推送银行" not in m["text"] for m in other["messages"])
