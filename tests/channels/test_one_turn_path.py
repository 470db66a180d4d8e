"""Every channel runs one turn path (`bot.engine.Engine.handle`: load, decide, save): the same
messages sent through the web API's, Telegram's, WeChat's, WeCom's and the terminal's entry
store the same conversation state and transcript rows, on SQLite and PostgreSQL, whether the
turn is plain (one statement on PostgreSQL) or durable (feedback, a cancelled form's
redaction, a submitted request)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from bot.engine import Engine
from core import clock
from core.settings import Settings
from storage.db import Database, open_database
from tests.helpers.channel_entries import (
    CHANNELS,
    Entries,
    newest_answer_id,
    offered_value,
    stored_turns,
)
from tests.helpers.engine import ANSWERS, FakeAnswerer

NOW = datetime(2026, 12, 7, 2, 30, tzinfo=UTC)
Step = str | Callable[[Database, str, str], str]


def rate(direction: str) -> Callable[[Database, str, str], str]:
    """The 👍/👎 press on the conversation's newest answer (its own row id)."""

    def value(db: Database, channel: str, user: str) -> str:
        return f"fb:{direction}:{newest_answer_id(db, channel, user)}"

    return value


def press(label: str) -> Callable[[Database, str, str], str]:
    """The press of the newest button labelled `label` (its value, as every channel sends)."""

    def value(db: Database, channel: str, user: str) -> str:
        return offered_value(db, channel, user, label)

    return value


TYPED = dict(ANSWERS)
# a choice step is answered by a press (typing a label is a channel's own reading: WeChat
# maps it to the button's value, the others send the text)
FORM_START: list[Step] = ["申请", TYPED["company_name"], TYPED["credit_code"], press("三元区")]
# Kinds of turns (the fake answerer's keyword classes and the engine's flows); each script
# mixes plain turns with the durable kind it names.
SCRIPTS: dict[str, list[Step]] = {
    "questions": ["科技贷要什么条件", "那条件呢", "明天天气怎么样", "帮助", "企业信用怎么修复"],
    "feedback": ["科技贷要什么条件", rate("up"), "企业信用怎么修复", rate("down")],
    "form-cancelled": [*FORM_START, "取消", "科技贷要什么条件"],
    "need-then-form": ["我们想贷款50万", *FORM_START, press("外贸")],
}


@pytest.fixture
def entries(db_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[Entries]:
    """The channels' entries on one engine, the clock pinned (a form's start is stamped)."""
    monkeypatch.setattr(clock, "now", lambda: NOW)
    db = open_database(db_settings)
    entries = Entries(Engine(db, FakeAnswerer(), db_settings))
    try:
        yield entries
    finally:
        entries.close()
        db.dispose()


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_every_channel_stores_what_the_web_stores(entries: Entries, script: str) -> None:
    db = entries.engine.db
    for channel in CHANNELS:
        user = entries.user(channel, f"same-{script}-{channel}")
        for step in SCRIPTS[script]:
            text = step if isinstance(step, str) else step(db, channel, user)
            entries.send(channel, user, text)
    web = stored_turns(db, "web", entries.user("web", f"same-{script}-web"))
    assert len(web["rows"]) > len(SCRIPTS[script])  # every message and its replies
    for channel in CHANNELS[1:]:
        assert stored_turns(db, channel, f"same-{script}-{channel}") == web, channel
