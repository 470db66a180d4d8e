"""Notices to subscribers: what a publication changed, who hears of it, once a day, where."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, timedelta
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import select

from bot.subscriptions.changes import changed_items
from bot.subscriptions.delivery import HELD_CHANNEL, SUBSCRIBE_CHANNEL, template_fields
from bot.subscriptions.notices import queue_expiry_notices, queue_update_notices
from bot.subscriptions.topics import TOPICS, matching_keys, suggest, topics_named
from core import clock
from core.settings import Settings
from knowledge.documents import Document
from storage.conversations import add_message, get_or_create_conversation
from storage.db import open_database
from storage.models import Message, Notification, Subscription
from storage.subscriptions import (
    active_topics,
    queue_notice,
    subscribe,
    subscription_stats,
    unsubscribe,
)
from web.inbox import take_inbox

if TYPE_CHECKING:
    from bot.answerer import Answerer


def answerer_of(docs: list[Document], qa: list[Any] | None = None) -> Any:
    return SimpleNamespace(
        documents={d.doc_id: d for d in docs},
        qa=SimpleNamespace(entries={e.id: e for e in qa or []}),
    )


def staff(stem: str, title: str, *chunks: str, until: str = "") -> list[Document]:
    return [
        Document(f"staff-{stem}-{i + 1}", None, title, text, kind="staff", valid_until=until)
        for i, text in enumerate(chunks)
    ]


@pytest.fixture
def db(db_settings: Settings) -> Any:
    database = open_database(db_settings)
    yield database
    database.dispose()


def test_changed_items_new_changed_and_unchanged(answerer: Answerer) -> None:
    before = answerer_of(list(answerer.documents.values()), list(answerer.qa.entries.values()))
    docs = dict(answerer.documents)
    docs["measure-7"] = replace(docs["measure-7"], text=docs["measure-7"].text + "新增一句。")
    entry = next(iter(answerer.qa.entries.values()))
    entries = {**answerer.qa.entries, entry.id: replace(entry, lead=entry.lead + "（已更新）")}
    added = staff("notice", "林权贷款通知", "林权可以抵押。", "第二段。")
    after = answerer_of([*docs.values(), *added], list(entries.values()))
    changed = {i.key: i for i in changed_items(before, after)}
    assert set(changed) == {"measure-7", f"qa:{entry.id}", "staff-notice"}  # chunks: one item
    assert changed["measure-7"].change == "更新" and changed["staff-notice"].change == "新增"
    assert changed_items(after, after) == []


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.key)
def test_every_topic_can_be_named_and_matched(topic: Any) -> None:
    if topic.key != "all":
        assert topic in topics_named("订阅" + topic.label.split("（")[0])
        word = topic.words[0]
        assert topic.key in matching_keys((), f"关于{word}的通知", "")
        assert topic.key in matching_keys(topic.articles[:1], "无关标题", "")
    assert "all" in matching_keys((), "无关", "")
    assert matching_keys((), "无关标题", "无关内容") == {"all"}


def test_suggestions_come_from_the_conversation(answerer: Answerer) -> None:
    facts = SimpleNamespace(
        tech=True, export=False, collateral=("林权",), credit_issues=(), first_loan=False
    )
    assert {t.key for t in suggest(facts)} == {"special_loans", "collateral"}
    assert {t.key for t in suggest(None, answerer.documents["product-kejidai"])} >= {
        "special_loans"
    }
    assert suggest(SimpleNamespace()) == []


def test_subscribe_records_opt_in_and_unsubscribe_cancels(db: Any) -> None:
    with db.session() as s:
        assert subscribe(s, channel="telegram", user_id="1", topic="cost", source="profile")
        assert not subscribe(s, channel="telegram", user_id="1", topic="cost", source="chosen")
        row = s.scalar(select(Subscription))
        assert row is not None and row.channel == "telegram" and row.source == "profile"
        assert abs(row.created_at - clock.now()) < timedelta(minutes=1)
        assert unsubscribe(s, channel="telegram", user_id="1") == 1
        assert active_topics(s, channel="telegram", user_id="1") == []
        assert subscribe(s, channel="telegram", user_id="1", topic="cost", source="chosen")


def _notice(s: Any, user: str, day: date, key: str) -> Any:
    return queue_notice(
        s,
        channel="telegram",
        user_id=user,
        day=day,
        kind="update",
        key=key,
        outbox_channel="telegram",
        text="t",
    )


def test_one_notice_per_person_and_day(db: Any) -> None:
    day = date(2027, 3, 1)
    with db.session() as s:
        assert _notice(s, "1", day, "a") is not None
        assert _notice(s, "1", day, "b") is None
        assert _notice(s, "2", day, "b") is not None
        assert _notice(s, "1", day + timedelta(days=1), "c") is not None
        assert len(list(s.scalars(select(Notification)))) == 3


def test_concurrent_instances_queue_one_notice(db: Any) -> None:
    day, results = date(2027, 3, 2), []
    barrier = threading.Barrier(4)

    def race(i: int) -> None:
        barrier.wait()
        try:
            with db.session() as s:
                results.append(_notice(s, "9", day, f"k{i}") is not None)
        except Exception:  # SQLite's write lock or PostgreSQL's unique key: the loser
            results.append(False)

    threads = [threading.Thread(target=race, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with db.session() as s:
        assert len(list(s.scalars(select(Notification).where(Notification.user_id == "9")))) == 1
    assert results.count(True) == 1


def _wechat_user(s: Any, user: str, hours_ago: float) -> None:
    conversation = get_or_create_conversation(s, channel="wechat", user_id=user)
    message = add_message(s, conversation_id=conversation.id, direction="in", text="你好")
    message.created_at = clock.now() - timedelta(hours=hours_ago)
    s.flush()


@pytest.mark.parametrize("template", ["", "tmpl-1"])
def test_update_notices_match_topics_and_route_channels(
    db: Any, db_settings: Settings, template: str
) -> None:
    settings = db_settings.model_copy(update={"wechat_subscribe_template_id": template})
    items = changed_items(
        answerer_of([]), answerer_of(staff("x", "科技贷贴息通知", "按季度申报。"))
    )
    with db.session() as s:
        for channel, user, topic in [
            ("telegram", "t1", "special_loans"),
            ("telegram", "t2", "collateral"),  # another topic: nothing
            ("web", "w1", "all"),
            ("cli", "c1", "all"),  # cannot be reached
            ("wechat", "recent", "all"),
            ("wechat", "old", "all"),
        ]:
            subscribe(s, channel=channel, user_id=user, topic=topic, source="chosen")
        subscribe(s, channel="telegram", user_id="gone", topic="all", source="chosen")
        unsubscribe(s, channel="telegram", user_id="gone")
        _wechat_user(s, "recent", 2)
        _wechat_user(s, "old", 72)
        assert queue_update_notices(s, items, settings, key="v1") == 4
        rows = {n.user_id: n for n in s.scalars(select(Notification))}
    assert set(rows) == {"t1", "w1", "recent", "old"}
    assert rows["recent"].channel == "wechat"
    assert rows["old"].channel == (SUBSCRIBE_CHANNEL if template else HELD_CHANNEL)
    assert "科技贷贴息通知" in rows["t1"].text and "退订" in rows["t1"].text
    assert [m.text for m in take_inbox(db, "w1")] == [rows["w1"].text]  # the widget's inbox
    with db.session() as s:
        assert queue_update_notices(s, items, settings, key="v2") == 0  # same day: none
        stats = subscription_stats(s)
    assert stats.people == 6 and stats.cancelled == 1
    assert stats.states["sent"] == 1  # the inbox took the web one
    assert stats.states["held"] == (0 if template else 1)


@pytest.mark.parametrize(("days_before", "queued"), [(31, 0), (30, 1), (5, 1), (0, 1), (-1, 0)])
def test_expiry_notice_once_thirty_days_before(
    db: Any, db_settings: Settings, answerer: Answerer, days_before: int, queued: int
) -> None:
    until = date(2028, 4, 28)
    day = until - timedelta(days=days_before)
    settings = db_settings.model_copy(update={"today": day})
    docs = list(answerer.documents.values())
    with db.session() as s:
        subscribe(s, channel="telegram", user_id="t1", topic="cost", source="chosen")
        assert queue_expiry_notices(s, docs, settings) == queued
        later = settings.model_copy(update={"today": day + timedelta(days=1)})
        # once per document and end date (31 days before: the next day is the first)
        assert queue_expiry_notices(s, docs, later) == (1 if days_before == 31 else 0)
        texts = [n.text for n in s.scalars(select(Notification))]
    if queued:
        assert "2028年4月28日到期" in texts[0]


def test_expiry_notice_waits_for_a_free_day(
    db: Any, db_settings: Settings, answerer: Answerer
) -> None:
    day = date(2028, 4, 1)
    settings = db_settings.model_copy(update={"today": day})
    docs = list(answerer.documents.values())
    with db.session() as s:
        subscribe(s, channel="telegram", user_id="t1", topic="all", source="chosen")
        assert _notice(s, "t1", day, "update:v1") is not None  # already told today
        assert queue_expiry_notices(s, docs, settings) == 0
        tomorrow = settings.model_copy(update={"today": day + timedelta(days=1)})
        assert queue_expiry_notices(s, docs, tomorrow) == 1


def test_template_fields_fit_the_subscription_message() -> None:
    fields = template_fields("【政策更新】您订阅的“专项贷款”有更新（新增：科技贷贴息申报通知）。")
    assert fields["thing1"] == "政策更新" and len(fields["thing2"]) <= 20
    assert template_fields("无标题")["thing1"] == "政策提醒"


def test_messages_table_untouched_by_routing(db: Any, db_settings: Settings) -> None:
    with db.session() as s:
        _wechat_user(s, "u", 1)
        assert len(list(s.scalars(select(Message)))) == 1
