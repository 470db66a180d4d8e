"""Over HTTP: a web visitor asks for a person, a coordinator answers, the bot resumes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from bot.services import services_of
from core.settings import Settings
from storage.db import open_database
from storage.models import AuditEntry, Handoff, Message
from tests.helpers.staff import StaffClient
from tests.live_server import LiveServer

StaffFactory = Callable[..., StaffClient]
QUESTION = "贷款快到期了，续贷有什么支持政策？"
OUT_OF_SCOPE = ["明天三明天气怎么样？", "附近哪家火锅好吃？", "讲个段子听听"]


class Visitor:
    """One web visitor of the widget, talking to /api/chat and polling /api/chat/inbox."""

    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=60)
        self.session_id: str | None = None

    def say(self, text: str) -> list[dict[str, Any]]:
        body = {"text": text, **({"session_id": self.session_id} if self.session_id else {})}
        response = self.http.post("/api/chat", json=body)
        assert response.status_code == 200, response.text
        self.session_id = response.json()["session_id"]
        messages: list[dict[str, Any]] = response.json()["messages"]
        return messages

    def inbox(self) -> list[dict[str, Any]]:
        response = self.http.get("/api/chat/inbox", params={"session_id": self.session_id})
        assert response.status_code == 200, response.text
        messages: list[dict[str, Any]] = response.json()["messages"]
        return messages


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m["text"] for m in messages)


def rows(live: LiveServer, model: Any) -> list[Any]:
    db = open_database(services_of(live.app).settings)
    try:
        with db.session() as session:
            found = list(session.scalars(select(model).order_by(model.id)))
            session.expunge_all()
            return found
    finally:
        db.dispose()


@pytest.mark.parametrize("ask", ["转人工", "人工", "联系人工"])
def test_web_handoff_reply_delivered_once_then_bot_resumes(
    live: LiveServer, staff_client: StaffFactory, ask: str
) -> None:
    run_web_handoff(live, staff_client, ask)


def test_web_handoff_on_postgres(app_settings: Settings, postgres_url: str, start_app: Any) -> None:
    settings = app_settings.model_copy(
        update={"database_url": postgres_url, "office_hours": "每天 0:00-24:00"}
    )
    server = start_app(settings)
    run_web_handoff(server, lambda name: StaffClient(server.url, name), "转人工")


def run_web_handoff(live: LiveServer, staff_client: Callable[[str], StaffClient], ask: str) -> None:
    """转人工 → coordinator sees and replies → inbox once → quiet → close → bot answers."""
    visitor = Visitor(live.url)
    assert "依据" in texts(visitor.say(QUESTION))
    opened = texts(visitor.say(ask))
    assert "已为您转接人工服务" in opened and "结束" in opened
    coord = staff_client("coord")
    [handoff_id] = coord.handoff_ids()
    page = coord.detail(handoff_id)
    assert QUESTION in page and ask in page and "网页" in page  # whole transcript and channel

    reply = coord.post(handoff_id, "reply", text="您好，我是协调办小李，请问贵公司贷款何时到期？")
    assert reply.status_code == 303
    delivered = visitor.inbox()
    assert len(delivered) == 1 and "协调办小李" in delivered[0]["text"]
    assert set(delivered[0]) == {"text", "buttons", "citations", "message_id"}
    assert visitor.inbox() == []  # delivered once

    assert "已转给协调办工作人员" in texts(visitor.say("下个月15号到期，想续贷"))  # acknowledged
    assert visitor.say("金额300万左右") == []  # the bot stays quiet: no acknowledgement spam
    assert "下个月15号到期" in coord.detail(handoff_id)

    assert coord.post(handoff_id, "close").status_code == 303
    assert "已结束本次人工服务" in texts(visitor.inbox())
    assert "依据" in texts(visitor.say(QUESTION))  # the bot answers again
    [handoff] = rows(live, Handoff)
    assert (handoff.status, handoff.claimed_by, handoff.closed_by) == ("closed", "coord", "coord")
    assert handoff.first_reply_at is not None


@pytest.mark.parametrize("word", ["结束", "取消"])
def test_web_owner_ends_handoff_and_bot_answers(live: LiveServer, word: str) -> None:
    visitor = Visitor(live.url)
    visitor.say("转人工")
    assert "已转给协调办工作人员" in texts(visitor.say("还在吗"))
    assert visitor.say("有人吗") == []
    assert "已结束人工服务" in texts(visitor.say(word))
    assert "依据" in texts(visitor.say(QUESTION))
    assert [h.status for h in rows(live, Handoff)] == ["closed"]


def test_web_offer_after_two_declined_answers(live: LiveServer) -> None:
    visitor = Visitor(live.url)
    first = visitor.say(OUT_OF_SCOPE[0])
    assert "转人工" not in [b["value"] for m in first for b in m["buttons"]]
    second = visitor.say(OUT_OF_SCOPE[1])
    offer = [m for m in second if "需要转给协调办工作人员" in m["text"]]
    assert offer and "转人工" in [b["value"] for b in offer[0]["buttons"]]
    visitor.say("转人工")
    assert [h.reason for h in rows(live, Handoff)] == ["offer"]


def test_web_offer_after_two_thumbs_down(live: LiveServer) -> None:
    visitor = Visitor(live.url)
    ids = []
    for question in (QUESTION, "首贷有什么支持？"):
        answer = next(m for m in visitor.say(question) if m["message_id"])
        ids.append(answer["message_id"])
    for message_id in ids:
        body = {"session_id": visitor.session_id, "message_id": message_id, "value": "down"}
        assert visitor.http.post("/api/feedback", json=body).status_code == 200
    assert "需要转给协调办工作人员" in texts(visitor.inbox())


def test_web_one_thumb_down_does_not_offer(live: LiveServer) -> None:
    visitor = Visitor(live.url)
    answer = next(m for m in visitor.say(QUESTION) if m["message_id"])
    body = {"session_id": visitor.session_id, "message_id": answer["message_id"], "value": "down"}
    assert visitor.http.post("/api/feedback", json=body).status_code == 200
    assert visitor.inbox() == []


def test_claim_shows_holder_to_others_and_is_audited(
    live: LiveServer, staff_client: StaffFactory
) -> None:
    visitor = Visitor(live.url)
    visitor.say("转人工")
    coord, admin = staff_client("coord"), staff_client("admin1")
    [handoff_id] = coord.handoff_ids()
    assert "未认领" in admin.http.get("/admin/handoffs").text
    assert coord.post(handoff_id, "claim").status_code == 303
    assert "coord" in admin.http.get("/admin/handoffs/rows").text
    assert "coord" in admin.detail(handoff_id)
    admin.post(handoff_id, "claim")
    assert [h.claimed_by for h in rows(live, Handoff)] == ["coord"]  # held by the first
    coord.post(handoff_id, "reply", text="您好")
    actions = [(a.action, a.actor) for a in rows(live, AuditEntry) if a.entity == "handoff"]
    assert ("handoff_claim", "coord") in actions and ("handoff_reply", "coord") in actions


@pytest.mark.parametrize("username", ["viewer1", "officer_a"])
def test_handoffs_refused_to_other_roles(
    live: LiveServer, staff_client: StaffFactory, username: str
) -> None:
    Visitor(live.url).say("转人工")
    client = staff_client(username)
    assert client.http.get("/admin/handoffs").status_code == 403
    assert client.http.get("/admin/handoffs/1").status_code == 403


@pytest.mark.parametrize("text", ["", "   ", "字" * 2001])
def test_empty_or_long_reply_refused(
    live: LiveServer, staff_client: StaffFactory, text: str
) -> None:
    visitor = Visitor(live.url)
    visitor.say("转人工")
    coord = staff_client("coord")
    [handoff_id] = coord.handoff_ids()
    response = coord.post(handoff_id, "reply", text=text)
    assert response.headers["location"].endswith("err=empty")
    assert visitor.inbox() == []
    staff_rows = [m for m in rows(live, Message) if (m.intent or "").startswith("staff")]
    assert staff_rows == []


def test_reply_to_closed_handoff_refused(live: LiveServer, staff_client: StaffFactory) -> None:
    visitor = Visitor(live.url)
    visitor.say("转人工")
    visitor.say("结束")
    coord = staff_client("coord")
    [handoff_id] = coord.handoff_ids()
    assert coord.post(handoff_id, "reply", text="还在吗").headers["location"].endswith("err=closed")
    assert visitor.inbox() == []


def test_reply_without_csrf_refused(live: LiveServer, staff_client: StaffFactory) -> None:
    visitor = Visitor(live.url)
    visitor.say("转人工")
    coord = staff_client("coord")
    [handoff_id] = coord.handoff_ids()
    response = coord.http.post(f"/admin/handoffs/{handoff_id}/reply", data={"text": "hi"})
    assert response.status_code == 403
    assert visitor.inbox() == []


def test_dashboard_shows_first_reply_time_and_daily_count(
    live: LiveServer, staff_client: StaffFactory
) -> None:
    for _ in range(2):
        Visitor(live.url).say("转人工")
    coord = staff_client("coord")
    first = coord.handoff_ids()[0]
    coord.post(first, "reply", text="您好")
    page = coord.http.get("/admin/dashboard").text
    assert 'id="handoff-stats"' in page and "每日转人工次数" in page
    assert 'id="kpi-handoffs-open">2<' in page
    assert 'id="kpi-first-reply">—<' not in page  # one reply: a time is shown
