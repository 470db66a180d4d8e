"""A chat turn's database round trips have a ceiling: one read (session alive, messages waiting,
the conversation) and one write transaction (state or new conversation, every transcript row).
On PostgreSQL a plain turn's write is one statement and no transaction (`storage.turn_write`).
A change that adds a statement or a transaction to the turn fails here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import httpx
import pytest

from bot.engine import Engine
from bot.services import services_of
from core.settings import Settings
from storage.db import open_database
from tests.helpers.statements import counted
from tests.helpers.web_sessions import issued_id
from tests.live_server import LiveServer

if TYPE_CHECKING:
    from bot.answerer import Answerer

# Own wordings of the kinds a turn meets: a question, a follow-up, small talk, a need, out of
# scope, a button value (these only exercise the turn; their answers are not checked here).
MESSAGES = [
    "科技型企业能申请哪些贷款？",
    "那要抵押吗",
    "谢谢你",
    "我们厂想贷款50万周转",
    "明天去厦门的动车几点",
    "查看条款原文",
]
MAX_STATEMENTS = 3  # SELECT the start; UPDATE (or INSERT) the conversation; INSERT the rows
MAX_TRANSACTIONS = 2  # the read, then the write; no transaction is held while answering


def assert_within_ceiling(seen: dict[str, list[str]]) -> None:
    statements = seen["statements"]
    assert len(statements) <= MAX_STATEMENTS, statements
    assert len(seen["transactions"]) <= MAX_TRANSACTIONS, seen
    assert len(seen["commits"]) <= MAX_TRANSACTIONS, seen
    assert statements[0] == "SELECT" and "SELECT" not in statements[1:], statements


@pytest.fixture
def quiet(serve: Callable[..., LiveServer]) -> LiveServer:
    """The app without the index watcher (its poll every INDEX_POLL_S is not part of a turn and
    would be counted when it falls inside one)."""
    return serve(index_poll_s=0)


@pytest.mark.parametrize("returning", [False, True], ids=["new-visitor", "returning-visitor"])
def test_web_chat_turn_round_trips(quiet: LiveServer, returning: bool) -> None:
    live = quiet
    db = services_of(live.app).db
    with httpx.Client(base_url=live.url, timeout=30) as client:
        for text in MESSAGES:
            session = issued_id(live)  # a new visitor's id, as the server issues it
            if returning:
                client.post("/api/chat", json={"session_id": session, "text": "你好"})
            with counted(db.engine) as seen:
                response = client.post("/api/chat", json={"session_id": session, "text": text})
            assert response.status_code == 200 and response.json()["messages"], text
            assert_within_ceiling(seen)
            assert len(seen["commits"]) == 1, seen  # the read commits nothing: only the write


def test_web_chat_turn_with_waiting_notice_adds_only_its_claim(quiet: LiveServer) -> None:
    """A queued status change costs its claim (a transaction of its own), nothing more."""
    live = quiet
    from storage.notifications import enqueue_notification

    db = services_of(live.app).db
    with httpx.Client(base_url=live.url, timeout=30) as client:
        visitor = client.post("/api/chat", json={"text": "你好"}).json()["session_id"]
        with db.session() as session:
            enqueue_notification(session, channel="web", user_id=visitor, text="状态已更新")
        with counted(db.engine) as seen:
            body = client.post(
                "/api/chat", json={"session_id": visitor, "text": MESSAGES[0]}
            ).json()
        assert "状态已更新" in body["messages"][0]["text"]
        with counted(db.engine) as plain:
            client.post("/api/chat", json={"session_id": visitor, "text": MESSAGES[1]})
        assert_within_ceiling(plain)  # delivered once: nothing waits now
        # the claim is one transaction more than a turn without waiting messages
        assert len(seen["transactions"]) == len(plain["transactions"]) + 1, (seen, plain)


def test_engine_turn_round_trips_on_each_database(
    db_settings: Settings, answerer: Answerer
) -> None:
    """Other channels call `Engine.handle` without a start: it reads the start itself, the
    same read (`Engine.start`) the web API makes before it: on PostgreSQL no transaction."""
    db = open_database(db_settings)
    try:
        engine = Engine(db, answerer, db_settings)
        for returning in (False, True):
            for i, text in enumerate(MESSAGES):
                user = f"rt-{returning}-{i}"
                if returning:
                    engine.handle("cli", user, "你好")
                with counted(db.engine) as seen:
                    assert engine.handle("cli", user, text)
                assert_within_ceiling(seen)
                if not db.is_sqlite:  # the start's SELECT, then the write's one statement
                    assert seen["statements"] == ["SELECT", "WITH"], seen
                    assert seen["transactions"] == seen["commits"] == [], seen
    finally:
        db.dispose()
