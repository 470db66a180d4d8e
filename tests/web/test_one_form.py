"""One entry point, one financing form in the widget whatever words are used, and thumbs only
under answers (issue 20, item 14), through the real HTTP API."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from bot.services import services_of
from storage.models import Message
from tests.helpers.web_sessions import issued_id
from tests.live_server import LiveServer
from web.sse import parse_sse

APPLY_WORDS = ["申请", "登记", "我想申请融资", "填表", "我要登记", "融资对接", "/apply", "申請"]


@pytest.mark.parametrize("words", APPLY_WORDS)
def test_every_way_to_apply_opens_the_widget_form(
    client: httpx.Client, live: LiveServer, words: str
) -> None:
    session = issued_id(live)
    body = {"session_id": session, "text": words, "web_form": True}
    messages = client.post("/api/chat", json=body).json()["messages"]
    assert [m.get("action") for m in messages] == ["open_form"], messages
    follow_up = client.post(
        "/api/chat",
        json={"session_id": session, "text": "三明市测试机械有限公司", "web_form": True},
    ).json()["messages"]
    assert not any("统一社会信用代码" in m["text"] for m in follow_up)  # no chat form open


def test_stream_carries_the_open_form_action(client: httpx.Client, live: LiveServer) -> None:
    body = {"session_id": issued_id(live), "text": "我想申请融资", "web_form": True}
    events = parse_sse(client.post("/api/chat/stream", json=body).text)
    buttons = [data for name, data in events if name == "buttons"]
    assert [b.get("action") for b in buttons] == ["open_form"]


def test_clients_without_their_own_form_keep_the_chat_form(client: httpx.Client) -> None:
    messages = client.post("/api/chat", json={"text": "申请"}).json()
    assert "action" not in messages["messages"][0]
    assert "企业全称" in messages["messages"][0]["text"]


def test_feedback_only_on_answers(client: httpx.Client, live: LiveServer) -> None:
    session = issued_id(live)
    for text in ["你好", "进度", "申请"]:
        reply = client.post("/api/chat", json={"session_id": session, "text": text}).json()
        assert all(m["message_id"] is None for m in reply["messages"]), text
    with services_of(live.app).db.session() as db_session:
        prompt_id = db_session.scalar(
            select(Message.id).where(Message.direction == "out").order_by(Message.id.desc())
        )
    refused = client.post(
        "/api/feedback", json={"session_id": session, "message_id": prompt_id, "value": "up"}
    )
    assert refused.status_code == 404
