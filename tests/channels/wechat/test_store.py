"""Retry deduplication, remembered options and shared answers in the database."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest

from bot.channels.wechat.store import (
    claim_message,
    finish_message,
    purge_messages,
    read_message,
    release_message,
    remember_options,
    resolve_choice,
    save_shared_answer,
)
from bot.messages import Button, Citation
from core import clock
from core.settings import Settings
from storage.db import open_database
from storage.models import ProcessedMessage, SharedAnswer


@pytest.fixture
def wechat_db(db_settings: Settings) -> Iterator[Any]:
    """A migrated database on SQLite and PostgreSQL."""
    db = open_database(db_settings)
    yield db
    db.dispose()


def test_claim_message_only_one_concurrent_winner(wechat_db: Any) -> None:
    with ThreadPoolExecutor(max_workers=6) as pool:
        claims = list(pool.map(lambda _: claim_message(wechat_db, "wechat:gh:msg:1"), range(6)))
    assert sum(c.claimed for c in claims) == 1
    assert all(c.status == "processing" for c in claims)


def test_claim_message_after_finish_returns_stored_reply(wechat_db: Any) -> None:
    assert claim_message(wechat_db, "k").claimed
    finish_message(wechat_db, "k", status="done", reply="答复")
    again = claim_message(wechat_db, "k")
    assert (again.claimed, again.status, again.reply) == (False, "done", "答复")


def test_release_message_allows_new_claim(wechat_db: Any) -> None:
    assert claim_message(wechat_db, "k").claimed
    release_message(wechat_db, "k")
    assert read_message(wechat_db, "k") is None
    assert claim_message(wechat_db, "k").claimed


def test_purge_messages_keeps_recent_and_options(wechat_db: Any) -> None:
    old, new = "wechat:gh_1:msg:1", "wechat:gh_1:msg:2"
    claim_message(wechat_db, old)
    claim_message(wechat_db, new)
    claim_message(wechat_db, "telegram-button:abc")  # another channel's row
    remember_options(wechat_db, "wechat", "u1", [Button("是", "yes"), Button("否", "no")])
    with wechat_db.session() as session:
        for key in (old, "telegram-button:abc"):
            session.get(ProcessedMessage, key).created_at = clock.now() - timedelta(days=3)
        session.get(ProcessedMessage, "options:wechat:u1").created_at = clock.now() - timedelta(
            days=9
        )
    assert purge_messages(wechat_db, older_than=timedelta(days=2)) == 1
    assert read_message(wechat_db, old) is None and read_message(wechat_db, new) is not None
    assert read_message(wechat_db, "telegram-button:abc") is not None
    assert resolve_choice(wechat_db, "wechat", "u1", "1") == "yes"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("2", "/county sanyuan"),
        ("２", "/county sanyuan"),
        (" 2。", "/county sanyuan"),
        ("沙县区", "/county shaxian"),
        ("4", "4"),
        ("0", "0"),
        ("随便问问", "随便问问"),
    ],
)
def test_resolve_choice_maps_number_or_label(wechat_db: Any, answer: str, expected: str) -> None:
    buttons = [
        Button("梅列区", "/county meilie"),
        Button("三元区", "/county sanyuan"),
        Button("沙县区", "/county shaxian"),
    ]
    remember_options(wechat_db, "wechat", "u1", buttons)
    assert resolve_choice(wechat_db, "wechat", "u1", answer) == expected


@pytest.mark.parametrize(
    "buttons",
    [
        [Button("200万元", "200")],  # an amount suggestion: "1" is an amount
        [Button("200万元", "200"), Button("不修改", "继续")],
        [Button("不修改", "继续")],
    ],
)
def test_resolve_choice_keeps_numbers_for_numeric_questions(
    wechat_db: Any, buttons: list[Button]
) -> None:
    remember_options(wechat_db, "wechat", "u1", buttons)
    assert resolve_choice(wechat_db, "wechat", "u1", "1") == "1"
    assert resolve_choice(wechat_db, "wechat", "u1", buttons[-1].label) == buttons[-1].value


def test_resolve_choice_is_per_user_and_cleared(wechat_db: Any) -> None:
    remember_options(wechat_db, "wechat", "u1", [Button("是", "yes"), Button("否", "no")])
    assert resolve_choice(wechat_db, "wechat", "u1", "1") == "yes"
    assert resolve_choice(wechat_db, "wechat", "u2", "1") == "1"
    assert resolve_choice(wechat_db, "wecom", "u1", "1") == "1"
    remember_options(wechat_db, "wechat", "u1", [])
    assert resolve_choice(wechat_db, "wechat", "u1", "1") == "1"


def test_save_shared_answer_stores_text_and_citations(wechat_db: Any) -> None:
    citation = Citation("m-5", 5, "首贷", "三明措施")
    answer_id = save_shared_answer(wechat_db, "完整回答", [citation])
    with wechat_db.session() as session:
        row = session.get(SharedAnswer, answer_id)
        assert row is not None and row.text == "完整回答"
        assert row.citations[0]["article"] == 5
