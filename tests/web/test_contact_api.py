"""The trial's flow over HTTP (channel web, where staff reply): contact questions get the same
text as every channel's contact reply (one source), with and without OFFICE_PHONE; asking
for a person opens a handoff, and what follows reaches staff instead of being refused."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from bot.catalog import REFUSAL_OPENER
from bot.conversation.replies import contact_message
from core.settings import Settings
from tests.helpers.web_sessions import issued_id
from tests.live_server import LiveServer

PHONE = "0598-0000000"  # a placeholder, not a real number


@pytest.mark.parametrize("phone", ["", PHONE])
def test_contact_questions_then_a_person_over_http(
    serve: Callable[..., LiveServer], app_settings: Settings, phone: str
) -> None:
    live = serve(office_phone=phone)
    settings = app_settings.model_copy(update={"office_phone": phone})
    expected = contact_message(settings, staff=True, person=False).text
    with httpx.Client(base_url=live.url, timeout=60) as http:
        session = issued_id(live)
        for ask in ("电话多少", "怎么联系你们", "有没有电话"):
            body = http.post("/api/chat", json={"session_id": session, "text": ask}).json()
            text = "\n".join(m["text"] for m in body["messages"])
            assert text == expected and REFUSAL_OPENER not in text
            assert (PHONE in text) == bool(phone)
        opened = http.post("/api/chat", json={"session_id": session, "text": "我要找真人"}).json()
        assert "已为您转接人工服务" in opened["messages"][0]["text"]
        after = http.post("/api/chat", json={"session_id": session, "text": "电话多少"}).json()
        assert REFUSAL_OPENER not in after["messages"][0]["text"]
