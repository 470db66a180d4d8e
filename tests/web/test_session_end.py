"""Widget sessions end (issue 20 item 2): by the owner (结束会话) or idle past the limit, the
next visitor of the same browser sees nothing of the previous one."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import update

from bot.services import services_of
from core import clock
from storage.models import Conversation, Message
from tests.helpers.intake import intake_payload
from tests.live_server import LiveServer


def chat(http: httpx.Client, session_id: str | None, text: str) -> tuple[str, str]:
    body: dict[str, Any] = {"text": text}
    if session_id:
        body["session_id"] = session_id
    reply = http.post("/api/chat", json=body, timeout=60)
    assert reply.status_code == 200, reply.text
    data = reply.json()
    return data["session_id"], "\n".join(m["text"] for m in data["messages"])


def owner_with_request(http: httpx.Client, seed: int) -> tuple[str, str]:
    """A visitor who chatted and filed a request from the widget: (session_id, reference)."""
    session_id, _ = chat(http, None, "你好")
    stored = http.post("/api/intake", json=intake_payload(seed, session_id=session_id))
    assert stored.status_code == 201, stored.text
    ref = stored.json()["ref"]
    _, progress = chat(http, session_id, "进度")
    assert ref in progress  # the owner's own 进度 lists it while the session lives
    return session_id, ref


def backdate(live: LiveServer, session_id: str, minutes: int) -> None:
    """Move the session's last activity `minutes` into the past."""
    past = clock.now() - timedelta(minutes=minutes)
    db = services_of(live.app).db
    with db.session() as session:
        conversation = session.query(Conversation).filter_by(user_id=session_id).one()
        rows = update(Message).where(Message.conversation_id == conversation.id)
        session.execute(rows.values(created_at=past))


@pytest.mark.parametrize("how", ["ended", "idle"])
def test_next_visitor_sees_nothing_of_the_previous(live: LiveServer, how: str) -> None:
    with httpx.Client(base_url=live.url, timeout=60) as http:
        old, ref = owner_with_request(http, 31 if how == "ended" else 32)
        if how == "ended":
            assert http.post("/api/session/end", json={"session_id": old}).json() == {"ended": True}
        else:
            backdate(live, old, 31)  # WEB_SESSION_IDLE_MINUTES defaults to 30
        new, progress = chat(http, old, "进度")  # the browser still sends the old id
        assert new != old
        assert ref not in progress and "三明市示例机械" not in progress
        inbox = http.get("/api/chat/inbox", params={"session_id": old})
        assert inbox.json() == {"messages": []}
        # the old id stays dead: asking with it again gets yet another session
        again, _ = chat(http, old, "进度")
        assert again not in (old, new)


def test_session_within_idle_limit_lives(live: LiveServer) -> None:
    with httpx.Client(base_url=live.url, timeout=60) as http:
        old, ref = owner_with_request(http, 33)
        backdate(live, old, 29)
        same, progress = chat(http, old, "进度")
        assert same == old and ref in progress


def test_configured_idle_limit_applies(serve: Any) -> None:
    live = serve(web_session_idle_minutes=5)
    with httpx.Client(base_url=live.url, timeout=60) as http:
        old, ref = owner_with_request(http, 34)
        backdate(live, old, 6)
        new, progress = chat(http, old, "进度")
        assert new != old and ref not in progress


def test_form_sent_from_an_ended_session_is_not_linked_to_it(live: LiveServer) -> None:
    with httpx.Client(base_url=live.url, timeout=60) as http:
        old, _ = chat(http, None, "你好")
        http.post("/api/session/end", json={"session_id": old})
        stored = http.post("/api/intake", json=intake_payload(35, session_id=old))
        assert stored.status_code == 201
        with services_of(live.app).db.session() as session:
            from storage.models import FinancingRequest

            row = session.query(FinancingRequest).filter_by(ref=stored.json()["ref"]).one()
            assert row.channel_user_id in (None, "")


def test_end_rejects_malformed_session_ids(live: LiveServer) -> None:
    with httpx.Client(base_url=live.url) as http:
        assert http.post("/api/session/end", json={"session_id": "a b"}).status_code == 422


@pytest.mark.parametrize(
    ("name", "value", "hidden"),
    [
        ("phone", "13912345678", "1234"),
        ("phone", "18600001111", "0000"),
        ("phone", "0598-8123456", "812"),
        ("credit_code", "91350400MA2YB1234X", "350400MA2YB1"),
        ("credit_code", "92350402L12345678Q", "350402L12345"),
    ],
)
def test_edit_prompt_masks_stored_personal_data(name: str, value: str, hidden: str) -> None:
    from bot.conversation.form.messages import shown_current

    shown = shown_current(name, value)
    assert hidden not in shown and shown[:2] == value[:2] and shown[-4:] == value[-4:]
