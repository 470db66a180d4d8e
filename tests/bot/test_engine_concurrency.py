"""Concurrency of the engine on PostgreSQL: many users at once, and one user writing twice."""

from __future__ import annotations

import random
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from bot.engine import Engine
from core.settings import Settings
from storage.conversations import get_conversation
from storage.db import Database, open_database
from storage.models import Conversation, FinancingRequest, Message
from tests.helpers.engine import ANSWERS, FakeAnswerer, texts
from tests.storage.factories import make_credit_code

USERS = 50


@pytest.fixture
def pg_db(postgres_url: str, data_dir: object) -> Iterator[tuple[Database, Settings]]:
    """A fresh PostgreSQL database and its settings."""
    settings = Settings(_env_file=None, POLICYBOT_DATA_DIR=data_dir, DATABASE_URL=postgres_url)  # type: ignore[call-arg]
    database = open_database(settings)
    yield database, settings
    database.dispose()


def converse(engine: Engine, user: int, code: str) -> str:
    """One user's whole form, with a side question; returns the receipt text."""
    name = f"u{user}"
    personal = {
        "company_name": f"三明市并发测试{user}号有限公司",
        "credit_code": code,
        "phone": f"139{user:08d}",
        "amount_wan": str(100 + user),
    }
    engine.handle("telegram", name, "申请")
    for field, text in ANSWERS:
        if field == "county" and user % 5 == 0:
            engine.handle("telegram", name, "科技贷要什么条件？")
        replies = engine.handle("telegram", name, personal.get(field, text))
        assert "⚠️" not in texts(replies), texts(replies)
    return texts(engine.handle("telegram", name, "同意授权并提交"))


def test_engine_50_simultaneous_conversations_keep_state_apart(
    pg_db: tuple[Database, Settings],
) -> None:
    database, settings = pg_db
    engine = Engine(database, FakeAnswerer(), settings)
    rng = random.Random(50)
    codes = [make_credit_code(rng) for _ in range(USERS)]
    with ThreadPoolExecutor(max_workers=USERS) as pool:
        receipts = list(pool.map(converse, [engine] * USERS, range(USERS), codes))
    assert all("登记编号：RZ-" in r for r in receipts)
    with database.session() as session:
        requests = list(session.scalars(select(FinancingRequest)))
        assert len(requests) == USERS
        assert len({r.ref for r in requests}) == USERS
        for request in requests:
            user = int(request.channel_user_id.removeprefix("u"))  # type: ignore[union-attr]
            assert request.company_name == f"三明市并发测试{user}号有限公司"
            assert request.credit_code == codes[user] and request.phone == f"139{user:08d}"
            assert request.amount_wan == 100 + user and request.ref in receipts[user]
            assert request.duplicate_of_id is None
        states = list(session.scalars(select(Conversation)))
        assert len(states) == USERS and all(c.state.get("form") is None for c in states)


def test_engine_same_user_concurrent_messages_lose_no_update(
    pg_db: tuple[Database, Settings],
) -> None:
    database, settings = pg_db
    engine = Engine(database, FakeAnswerer(), settings)
    engine.handle("cli", "same", "申请")
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: engine.handle("cli", "same", "进度"), range(16)))
    assert all("还没有提交过" in texts(r) for r in results)
    with database.session() as session:
        conversation = get_conversation(session, channel="cli", user_id="same")
        assert conversation is not None and conversation.version == 17
        incoming = session.scalar(
            select(func.count()).select_from(Message).where(Message.direction == "in")
        )
        assert incoming == 17
