"""What a chat turn costs in each channel, through the channel's own entry: the engine's turn is
the web API's — one SELECT, then one write (on PostgreSQL the plain turn's one statement, no
BEGIN or COMMIT) —, WeChat and WeCom add only their numbered options (one read, one upsert).
Durable turns stay durable in every channel (`SHOW synchronous_commit` before each COMMIT):
feedback, a submitted request and its consent, a handoff, WeChat's held staff replies."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.engine import Engine
from core.settings import Settings
from storage.db import Database, open_database
from storage.notifications import enqueue_notification
from tests.helpers.channel_entries import CHANNELS, Entries, newest_answer_id
from tests.helpers.engine import ANSWERS, FakeAnswerer
from tests.helpers.statements import commits, counted, round_trips

QUESTIONS = ["科技贷要什么条件", "那条件呢", "企业信用怎么修复", "明天天气怎么样"]
ENGINE_PG = ["SELECT", "WITH"]  # the start; the plain turn's one statement
OWN = {"wechat": 2, "wecom": 2}  # their options: resolved (SELECT) and remembered (an upsert)


@pytest.fixture
def entries(db_settings: Settings) -> Iterator[Entries]:
    db = open_database(db_settings)
    entries = Entries(Engine(db, FakeAnswerer(), db_settings))
    try:
        yield entries
    finally:
        entries.close()
        db.dispose()


@pytest.fixture
def pg_entries(migrated_postgres_url: str, data_dir: object) -> Iterator[Entries]:
    settings = Settings(
        _env_file=None, POLICYBOT_DATA_DIR=data_dir, DATABASE_URL=migrated_postgres_url
    )  # type: ignore[call-arg]
    db = Database(settings.resolved_database_url)
    entries = Entries(Engine(db, FakeAnswerer(), settings))
    try:
        yield entries
    finally:
        entries.close()
        db.dispose()


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("returning", [False, True], ids=["first-turn", "returning"])
def test_a_plain_turn_costs_what_the_web_turn_costs(
    entries: Entries, channel: str, returning: bool
) -> None:
    db = entries.engine.db
    for i, text in enumerate(QUESTIONS):
        costs = {}
        for each in ("web", channel):
            user = entries.user(each, f"cost-{returning}-{i}-{each}")
            if returning:
                entries.send(each, user, "你好")
            with counted(db.engine) as seen:
                entries.send(each, user, text)
            costs[each] = seen
        web, here = costs["web"], costs[channel]
        assert len(here["statements"]) == len(web["statements"]) + OWN.get(channel, 0), costs
        assert here["commits"] == web["commits"], costs  # the options' upsert: autocommit
        if not db.is_sqlite:  # every statement, BEGIN and COMMIT is a round trip
            assert web["statements"] == ENGINE_PG and round_trips(web) == 2, web
            assert round_trips(here) == 2 + OWN.get(channel, 0), here
            assert [s for s in here["statements"] if s == "WITH"] == ["WITH"], here


def durable_turns(entries: Entries, channel: str, user: str) -> None:
    """Feedback, a handoff opened and a message to staff where staff can reply, then a form
    submitted with its consent."""
    db = entries.engine.db
    entries.send(channel, user, QUESTIONS[0])
    entries.send(channel, user, f"fb:down:{newest_answer_id(db, channel, user)}")
    if channel != "cli":  # staff reach every channel but the terminal
        entries.send(channel, user, "人工")
        entries.send(channel, user, "我想问下进度")
        entries.send(channel, user, "结束")
    entries.send(channel, user, "申请")
    for _name, text in ANSWERS:
        entries.send(channel, user, text)
    entries.send(channel, user, "同意授权并提交")


@pytest.mark.parametrize("channel", CHANNELS)
def test_durable_turns_stay_durable_in_every_channel(pg_entries: Entries, channel: str) -> None:
    db = pg_entries.engine.db
    with commits(db) as seen:
        durable_turns(pg_entries, channel, pg_entries.user(channel, f"durable-{channel}"))
    written = {table for _setting, tables in seen["commits"] for table in tables}
    kinds = {"UPDATE messages", "INSERT financing_requests", "INSERT request_events"}
    if channel != "cli":
        kinds |= {"INSERT handoffs", "UPDATE handoffs"}
    assert kinds <= written, (kinds - written, written)
    assert [c for c in seen["commits"] if c[0] != "on"] == [], seen["commits"]
    # the plain turns (the question, the form's steps) wrote only state and transcript
    assert len(seen["plain"]) >= len(ANSWERS), seen["plain"]
    assert all(tables == {"conversations", "messages"} for tables in seen["plain"])


def test_held_staff_replies_are_claimed_durably_only_when_some_wait(
    pg_entries: Entries,
) -> None:
    """WeChat shows staff replies held past its 48-hour window with the next reply: the turn
    start sees whether any wait; only then does the turn claim them (a durable transaction)."""
    db = pg_entries.engine.db
    for waiting in (False, True, False):
        if waiting:
            with db.session() as session:
                enqueue_notification(session, channel="wechat:held", user_id="held", text="回复")
        with commits(db) as seen, counted(db.engine) as sent:
            pg_entries.send("wechat", "held", QUESTIONS[0])
        if waiting:
            assert [c for c in seen["commits"] if "UPDATE notifications" in c[1]], seen
            assert all(setting == "on" for setting, _tables in seen["commits"]), seen
        else:
            assert seen["commits"] == [] and len(seen["plain"]) == 1, seen
            assert round_trips(sent) == 2 + OWN["wechat"], sent
