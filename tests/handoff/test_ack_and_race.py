"""During a handoff the owner hears their message arrived (once, then every few minutes), and a
message sent while staff close the handoff is never lost: it reaches staff (the close is
refused) or the bot answers it after the close (issue 20, item 12)."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.engine import Engine
from bot.handoff.delivery import OwnerWroteMeanwhile, close_by_staff
from bot.handoff.flow import ACK_EVERY
from core.settings import Settings
from storage.db import Database, open_database
from storage.models import Handoff, Message
from tests.bot.engine_support import FakeAnswerer
from tests.helpers.staff import StaffClient
from tests.helpers.web_sessions import issued_id
from tests.live_server import LiveServer

ACK = "已转给协调办工作人员"
ANSWERED = "依据第2条"  # the fake answerer's reply to a 信用修复 question
QUESTION = "信用修复怎么办？"


@pytest.fixture
def database(db_settings: Settings) -> Iterator[Database]:
    db = open_database(db_settings)
    yield db
    db.dispose()


@pytest.fixture
def owner_engine(database: Database, db_settings: Settings) -> Engine:
    settings = db_settings.model_copy(update={"office_hours": "每天 0:00-24:00"})
    return Engine(database, FakeAnswerer(), settings)


def texts(replies: list[Any]) -> str:
    return "\n".join(r.text for r in replies)


def open_handoff_id(db: Database, user: str) -> int | None:
    with db.session() as session:
        query = select(Handoff.id).where(Handoff.user_id == user, Handoff.status == "open")
        return session.scalar(query)


def last_message_id(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(Message.id).order_by(Message.id.desc()).limit(1)) or 0)


@pytest.mark.parametrize("seed", range(3))
def test_acknowledged_first_then_every_few_minutes(owner_engine: Engine, seed: int) -> None:
    clock = [datetime(2026, 3, 2, 9, 0, tzinfo=UTC)]
    owner_engine.handoff.clock = lambda: clock[0]
    user = f"ack-{seed}"
    owner_engine.handle("web", user, "转人工")
    rng = random.Random(seed)
    last_ack: datetime | None = None
    for step in range(25):
        clock[0] += timedelta(seconds=rng.choice([5, 40, 90, 170, 299, 301, 420]))
        replies = owner_engine.handle("web", user, f"补充说明第{step}条")
        due = last_ack is None or clock[0] - last_ack >= ACK_EVERY
        assert (ACK in texts(replies)) == due, (step, clock[0], last_ack)
        assert len(replies) == (1 if due else 0)
        if due:
            last_ack = clock[0]


def test_acknowledgement_outside_office_hours_says_when(
    database: Database, db_settings: Settings
) -> None:
    settings = db_settings.model_copy(update={"office_hours": "工作日 8:00-12:00"})
    engine = Engine(database, FakeAnswerer(), settings)
    engine.handoff.clock = lambda: datetime(2026, 3, 7, 12, 0, tzinfo=UTC)  # Saturday 20:00
    engine.handle("web", "ack-night", "转人工")
    ack = texts(engine.handle("web", "ack-night", "在吗"))
    assert ACK in ack and "非办公时间" in ack and "周一" in ack


def test_close_between_reading_and_writing_the_turn_lets_the_bot_answer(
    owner_engine: Engine, database: Database
) -> None:
    """Staff close right after the engine decided the message goes to them."""
    user = "race-close"
    owner_engine.handle("web", user, "转人工")
    decide = owner_engine.handoff.decide

    def decide_then_staff_close(turn: Any, *args: Any) -> bool:
        handled = decide(turn, *args)
        handoff_id = open_handoff_id(database, user)
        if handoff_id is not None:
            with database.session() as session:
                handoff = session.get(Handoff, handoff_id)
                assert handoff is not None
                assert close_by_staff(session, handoff=handoff, actor="coord")
        return handled

    owner_engine.handoff.decide = decide_then_staff_close  # type: ignore[method-assign, assignment]
    replies = owner_engine.handle("web", user, QUESTION)
    assert ANSWERED in texts(replies)  # answered by the bot after the close, not lost
    with database.session() as session:
        row = session.scalars(select(Message).where(Message.text == QUESTION)).one()
        assert row.intent != "handoff"


def race_round(engine: Engine, database: Database, user: str, text: str) -> dict[str, Any]:
    """The owner's message and a staff close (of what was on screen) at the same moment."""
    handoff_id = open_handoff_id(database, user)
    seen = last_message_id(database)  # what the staff member has on screen
    start = threading.Barrier(2)
    outcome: dict[str, Any] = {"handoff_id": handoff_id}

    def owner() -> None:
        start.wait()
        outcome["reply"] = texts(engine.handle("web", user, text))

    def staff() -> None:
        start.wait()
        try:
            with database.session() as session:
                handoff = session.get(Handoff, handoff_id)
                assert handoff is not None
                outcome["closed"] = close_by_staff(
                    session, handoff=handoff, actor="coord", seen_message_id=seen
                )
        except OwnerWroteMeanwhile:
            outcome["closed"] = False

    threads = [threading.Thread(target=owner), threading.Thread(target=staff)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcome


def test_concurrent_close_and_message_never_lose_the_message(
    owner_engine: Engine, database: Database
) -> None:
    user = "race-many"
    for round_ in range(12):
        if open_handoff_id(database, user) is None:
            owner_engine.handle("web", user, "转人工")
        text = f"第{round_}轮：{QUESTION}"
        outcome = race_round(owner_engine, database, user, text)
        with database.session() as session:
            row = session.scalars(select(Message).where(Message.text == text)).one()
            handoff = session.get(Handoff, outcome["handoff_id"])
            assert handoff is not None
            status = handoff.status
        if outcome["closed"]:
            assert status == "closed" and ANSWERED in outcome["reply"], (round_, outcome)
        else:  # the message reached staff: the handoff stays open for them to read it
            assert status == "open" and row.intent == "handoff", (round_, outcome)


def test_staff_close_after_an_unseen_message_is_refused_and_shows_it(
    live: LiveServer, staff_client: Callable[[str], StaffClient]
) -> None:
    import httpx

    session = issued_id(live)

    def say(text: str) -> Any:
        body = {"session_id": session, "text": text}
        return httpx.post(f"{live.url}/api/chat", json=body, timeout=30).json()["messages"]

    say("转人工")
    coord = staff_client("coord")
    [handoff_id] = coord.handoff_ids()
    page = coord.detail(handoff_id)
    seen = page.split('name="seen" value="', 1)[1].split('"', 1)[0]
    say("刚想起来，还有一笔贷款下周到期")  # arrives after the page was shown
    refused = coord.post(handoff_id, "close", seen=seen)
    assert refused.status_code == 303 and "err=new_message" in refused.headers["location"]
    page = coord.detail(handoff_id)
    assert "还有一笔贷款下周到期" in page and "进行中" in page
    fresh = page.split('name="seen" value="', 1)[1].split('"', 1)[0]
    assert coord.post(handoff_id, "close", seen=fresh).headers["location"].endswith("msg=closed")
    assert "依据" in "\n".join(m["text"] for m in say("贷款快到期了，可以续贷吗？"))
