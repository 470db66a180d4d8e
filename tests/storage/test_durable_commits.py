"""On PostgreSQL only a plain chat turn (state and transcript rows) commits without waiting for
the WAL flush (`storage.turn_write`); every transaction that stores a financing request and its
consent, a status change, an outbox notification or its claim, an audit entry, feedback or a
handoff keeps the durable default. Checked with `SHOW synchronous_commit` inside each
transaction, just before its COMMIT, on the real server."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from admin.loan_details import LoanDetails
from admin.workflow.moves import move_request
from bot.engine import Engine
from core.settings import Settings
from storage.audit import record_audit
from storage.db import Database
from storage.models import FinancingRequest
from storage.notifications import enqueue_notification, take_user_notifications
from tests.helpers.engine import FakeAnswerer, button_values, submit
from tests.helpers.statements import commits


@pytest.fixture
def pg(migrated_postgres_url: str, data_dir: Any) -> Iterator[tuple[Database, Settings]]:
    """A migrated PostgreSQL database of its own (no SQLite run: the setting is PostgreSQL's)."""
    settings = Settings(
        _env_file=None, POLICYBOT_DATA_DIR=data_dir, DATABASE_URL=migrated_postgres_url
    )  # type: ignore[call-arg]
    db = Database(settings.resolved_database_url)
    yield db, settings
    db.dispose()


def test_only_plain_turns_commit_asynchronously(pg: tuple[Database, Settings]) -> None:
    db, settings = pg
    engine = Engine(db, FakeAnswerer(), settings)
    with commits(db) as seen:
        # plain turns: a question, a follow-up, small talk
        replies = engine.handle("web", "owner-1", "科技贷要什么条件")
        engine.handle("web", "owner-1", "那利率呢")
        thumbs = [v for v in button_values(replies) if v.startswith("fb:up:")]
        engine.handle("web", "owner-1", thumbs[0])  # feedback
        engine.handle("web", "owner-2", "人工")  # a handoff opened
        engine.handle("web", "owner-2", "我想问下进度")  # a message to staff
        engine.handle("web", "owner-2", "结束")  # closed by the owner
        ref = submit(engine, "owner-3", channel="web")  # the financing request and its consent
        with db.session() as session:  # a status change, its event and the owner's notice
            request = session.scalars(
                select(FinancingRequest).where(FinancingRequest.ref == ref)
            ).one()
            for target in ("reviewing", "declined"):  # declined: a notice and a survey
                move_request(
                    session,
                    request,
                    target=target,
                    note="",
                    actor="staff",
                    office_phone="",
                    details=LoanDetails(category="其他", reason="测试"),
                )
            record_audit(session, actor="staff", action="status", entity="request", entity_id=1)
        with db.session() as session:  # the web channel's claim of waiting notices
            assert take_user_notifications(session, channel="web", user_id="owner-3")
        engine.handle("web", "owner-3", "5")  # the satisfaction survey's score
        with db.session() as session:
            enqueue_notification(session, channel="wechat:held", user_id="owner-4", text="回复")
        engine.handle("wechat", "owner-4", "科技贷要什么条件")  # claims held staff replies
    written = {table for _setting, tables in seen["commits"] for table in tables}
    for kind in (
        "INSERT financing_requests",
        "UPDATE financing_requests",
        "INSERT request_events",
        "INSERT notifications",
        "UPDATE notifications",
        "INSERT audit_log",
        "INSERT handoffs",
        "UPDATE handoffs",
        "UPDATE messages",  # feedback
        "UPDATE satisfaction_surveys",
    ):
        assert kind in written, (kind, written)
    assert [c for c in seen["commits"] if c[0] != "on"] == [], seen["commits"]
    # the plain turns (the questions, the form's steps) wrote only state and transcript
    assert len(seen["plain"]) >= 10, seen["plain"]
    assert all(tables == {"conversations", "messages"} for tables in seen["plain"])


def test_the_setting_ends_with_the_plain_statement(pg: tuple[Database, Settings]) -> None:
    """Inside the statement's transaction the commit is asynchronous; the same pooled
    connection's next transaction is back at the durable default."""
    from storage.turn_write import write_plain_turn

    db, _settings = pg
    row = {"direction": "in", "text": "你好"}
    with db.statement() as connection:
        pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        found = write_plain_turn(
            connection,
            conversation_id=None,
            expected_version=0,
            channel="web",
            user_id="owner-5",
            state={},
            rows=[row],
        )
        assert found is not None
        assert connection.exec_driver_sql("SHOW synchronous_commit").scalar() == "on"
    with db.engine.begin() as connection:  # the pool's only connection: the same backend
        assert connection.exec_driver_sql("SELECT pg_backend_pid()").scalar() == pid
        assert connection.exec_driver_sql("SHOW synchronous_commit").scalar() == "on"
        written = write_plain_turn(
            connection,
            conversation_id=found[0],
            expected_version=1,
            channel="web",
            user_id="owner-5",
            state={"n": 1},
            rows=[row],
        )
        assert written is not None
        assert connection.exec_driver_sql("SHOW synchronous_commit").scalar() == "off"
    with db.engine.begin() as connection:
        assert connection.exec_driver_sql("SHOW synchronous_commit").scalar() == "on"
