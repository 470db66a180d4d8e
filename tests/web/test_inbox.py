"""GET /api/chat/inbox: messages queued for a web visitor, each delivered exactly once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from bot.services import services_of
from storage.notifications import enqueue_notification
from tests.helpers.web_sessions import issued_id
from tests.live_server import LiveServer


def queue(live: LiveServer, user_id: str, *texts: str, channel: str = "web") -> None:
    with services_of(live.app).db.session() as session:
        for text in texts:
            enqueue_notification(session, channel=channel, user_id=user_id, text=text)


def inbox(client: httpx.Client, session_id: str) -> list[str]:
    response = client.get("/api/chat/inbox", params={"session_id": session_id})
    assert response.status_code == 200, response.text
    return [m["text"] for m in response.json()["messages"]]


def test_inbox_delivers_in_order_once(live: LiveServer, client: httpx.Client) -> None:
    visitor = issued_id(live)
    queue(live, visitor, "第一条", "第二条")
    response = client.get("/api/chat/inbox", params={"session_id": visitor})
    messages = response.json()["messages"]
    assert [m["text"] for m in messages] == ["第一条", "第二条"]
    assert messages[0] == {"text": "第一条", "buttons": [], "citations": [], "message_id": None}
    assert inbox(client, visitor) == []


@pytest.mark.parametrize("channel", ["web", "telegram"], ids=["user", "channel"])
def test_inbox_keeps_others_messages(live: LiveServer, client: httpx.Client, channel: str) -> None:
    visitor = issued_id(live)
    owner = issued_id(live) if channel == "web" else visitor  # another visitor, or channel
    queue(live, owner, "别人的消息", channel=channel)
    assert inbox(client, visitor) == []
    with services_of(live.app).db.session() as session:
        from storage.notifications import take_user_notifications

        assert take_user_notifications(session, channel=channel, user_id=owner) == ["别人的消息"]


def test_inbox_concurrent_polls_never_duplicate(live: LiveServer, client: httpx.Client) -> None:
    texts = [f"消息{i}" for i in range(30)]
    visitor = issued_id(live)
    queue(live, visitor, *texts)
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda _: inbox(client, visitor), range(12)))
    delivered = [text for batch in results for text in batch]
    assert sorted(delivered) == sorted(texts)


def test_inbox_message_not_repeated_by_chat(live: LiveServer, client: httpx.Client) -> None:
    visitor = issued_id(live)
    queue(live, visitor, "状态已更新")
    assert inbox(client, visitor) == ["状态已更新"]
    reply = client.post("/api/chat", json={"session_id": visitor, "text": "你好"})
    assert "状态已更新" not in [m["text"] for m in reply.json()["messages"]]


@pytest.mark.parametrize("session_id", ["", "has space", "x" * 65, "semi;colon"])
def test_inbox_refuses_bad_session_id(client: httpx.Client, session_id: str) -> None:
    response = client.get("/api/chat/inbox", params={"session_id": session_id})
    assert response.status_code == 422


def test_inbox_needs_session_id(client: httpx.Client) -> None:
    assert client.get("/api/chat/inbox").status_code == 422


def test_inbox_documented_in_openapi(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert "get" in spec["paths"]["/api/chat/inbox"]
