"""A session id the server did not issue is a dead session on every route (web/session_ids.py).

Before, any client-made id without a conversation was taken as a new visitor and used as given:
two people sending "test1" shared a conversation and its 进度 (company name, amount). Now a
forged, invented, tampered or foreign-signed id reads nothing: a chat turn (JSON or stream)
gets a new server-issued id, the inbox is empty, feedback 404, 结束会话 stores nothing and a
form sent with it is linked to no session. Data stored under such an id (an earlier version's
rows, or a seeded attacker's guess) is never shown, nor is a real visitor's.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from bot.services import services_of
from storage.models import FinancingRequest, Message, ProcessedMessage
from storage.notifications import enqueue_notification
from tests.helpers.intake import intake_payload
from tests.helpers.web_sessions import forged_ids, issued_id, secret_of
from tests.live_server import LiveServer
from web.intake_submit import submit_request
from web.session_ids import session_id_issued
from web.sessions import ENDED_PREFIX
from web.sse import parse_sse

QUESTION = "续贷有什么政策？"
ROUTES = ["chat", "stream", "inbox", "feedback", "end", "intake"]


def chat(http: httpx.Client, session_id: str | None, text: str) -> tuple[str, str]:
    body: dict[str, Any] = {"text": text} | ({"session_id": session_id} if session_id else {})
    reply = http.post("/api/chat", json=body, timeout=60)
    assert reply.status_code == 200, reply.text
    data = reply.json()
    return data["session_id"], "\n".join(m["text"] for m in data["messages"])


def company(seed: int) -> str:
    """A company name of its own per seed (< 100)."""
    names = "闽运金沙鑫源华兴泰丰"
    return f"三明市{names[seed // 10 % 10]}{names[seed % 10]}机械制造有限公司"


def secrets_of_visitor(seed: int) -> list[str]:
    """What 进度 shows of the request `seed` (company name, amount)."""
    return [company(seed), f"{100 + seed:g}万元"]


def visitor_with_request(http: httpx.Client, seed: int) -> tuple[str, str]:
    """A real widget visitor (id from the server) with a linked request: (id, ref)."""
    session_id, _ = chat(http, None, "你好")
    payload = intake_payload(seed, company_name=company(seed), amount_wan=100 + seed)
    stored = http.post("/api/intake", json=payload | {"session_id": session_id})
    assert stored.status_code == 201, stored.text
    _, progress = chat(http, session_id, "进度")
    assert stored.json()["ref"] in progress and company(seed) in progress  # the control
    return session_id, stored.json()["ref"]


def seed_under(live: LiveServer, session_id: str, seed: int, *, answer: bool = False) -> int:
    """Data stored under an id the server never issued (rows of an earlier version, a guess):
    a linked request, a queued notice and, with `answer`, a conversation with an answer.
    Returns the answer's message id (0 without)."""
    services = services_of(live.app)
    payload = intake_payload(seed, company_name=company(seed), amount_wan=100 + seed)
    status, _ = submit_request(
        services.db, payload, key=None, session_id=session_id, base_url="http://t"
    )
    assert status == 201
    with services.db.session() as session:
        enqueue_notification(session, channel="web", user_id=session_id, text=f"通知{seed}")
    if not answer:
        return 0
    replies = services.engine.handle("web", session_id, QUESTION)
    return next(r.message_id for r in replies if r.message_id)


def assert_nothing_of(text: str, seeds: list[int], refs: list[str]) -> None:
    for seed in seeds:
        for secret in [*secrets_of_visitor(seed), f"通知{seed}"]:
            assert secret not in text, (secret, text)
    for ref in refs:
        assert ref not in text


@pytest.mark.parametrize("route", ROUTES)
def test_forged_ids_see_nothing_on_any_route(live: LiveServer, route: str) -> None:
    with httpx.Client(base_url=live.url, timeout=60) as http:
        real, real_ref = visitor_with_request(http, 1)
        forged = forged_ids(real, seed=ROUTES.index(route), count=6)
        if route in ("chat", "stream", "inbox", "feedback"):
            forged = forged[:: 2 if route == "feedback" else 1]
        seeds = list(range(10, 10 + len(forged)))
        answers = [
            seed_under(live, fake, seed, answer=route == "feedback")
            for fake, seed in zip(forged, seeds, strict=True)
        ]
        for fake, seed, answer_id in zip(forged, seeds, answers, strict=True):
            shown = use_route(live, http, route, fake, answer_id)
            assert_nothing_of(shown, [1, seed], [real_ref])
        same, progress = chat(http, real, "进度")  # the real visitor is untouched
        assert same == real and real_ref in progress and company(1) in progress


def use_route(live: LiveServer, http: httpx.Client, route: str, fake: str, answer: int) -> str:
    """Use `route` with the forged id `fake` as the server answers an unknown session; returns
    what it showed."""
    secret = secret_of(live)
    if route == "chat":
        new, text = chat(http, fake, "进度")
        assert new != fake and session_id_issued(secret, new), (fake, new)
        assert "还没有提交过" in text
        return text
    if route == "stream":
        body = http.post("/api/chat/stream", json={"session_id": fake, "text": "进度"}).text
        events = parse_sse(body)
        new = next(data["session_id"] for name, data in events if name == "session")
        assert new != fake and session_id_issued(secret, new), (fake, new)
        return body
    if route == "inbox":
        inbox = http.get("/api/chat/inbox", params={"session_id": fake})
        assert inbox.status_code == 200 and inbox.json() == {"messages": []}, fake
        return inbox.text
    if route == "feedback":
        thumbs = {"session_id": fake, "message_id": answer, "value": "down"}
        refused = http.post("/api/feedback", json=thumbs)
        assert refused.status_code == 404, (fake, refused.text)
        with services_of(live.app).db.session() as session:
            assert session.get(Message, answer).feedback is None  # type: ignore[union-attr]
        return refused.text
    if route == "end":
        ended = http.post("/api/session/end", json={"session_id": fake})
        assert ended.json() == {"ended": True}  # as for any unknown session
        with services_of(live.app).db.session() as session:
            ended_rows = select(func.count()).select_from(ProcessedMessage)
            ended_rows = ended_rows.where(ProcessedMessage.key.startswith(ENDED_PREFIX))
            assert session.scalar(ended_rows) == 0
        return ended.text
    stored = http.post("/api/intake", json=intake_payload(7, session_id=fake))
    assert stored.status_code == 201, stored.text
    with services_of(live.app).db.session() as session:
        row = session.scalars(select(FinancingRequest).filter_by(ref=stored.json()["ref"])).one()
        assert row.channel_user_id is None, fake
    return stored.text


@pytest.mark.parametrize("invented", ["test1", "abc", "s1", "user-1", "0"])
def test_two_people_sending_one_invented_id_share_nothing(live: LiveServer, invented: str) -> None:
    with (
        httpx.Client(base_url=live.url, timeout=60) as first,
        httpx.Client(base_url=live.url, timeout=60) as second,
    ):
        mine, _ = chat(first, invented, "你好")
        assert mine != invented and session_id_issued(secret_of(live), mine)
        unlinked = first.post("/api/intake", json=intake_payload(2, session_id=invented))
        linked = first.post(
            "/api/intake",
            json=intake_payload(3, company_name=company(3), amount_wan=103, session_id=mine),
        )
        assert unlinked.status_code == linked.status_code == 201
        other, progress = chat(second, invented, "进度")
        assert other not in (mine, invented)
        assert_nothing_of(progress, [3], [unlinked.json()["ref"], linked.json()["ref"]])
        assert "三明市示例机械" not in progress and "还没有提交过" in progress
        _, own = chat(first, mine, "进度")
        assert linked.json()["ref"] in own and company(3) in own


def test_an_id_issued_for_a_visitor_is_used_as_given(live: LiveServer) -> None:
    """The check lets a real id through: issued ahead (tests/helpers) or by the server."""
    ahead = issued_id(live)
    with httpx.Client(base_url=live.url, timeout=60) as http:
        same, _ = chat(http, ahead, "你好")
        again, _ = chat(http, same, "你好")
    assert same == ahead == again
