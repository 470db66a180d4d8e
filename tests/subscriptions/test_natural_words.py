"""订阅 / 退订 asked in the owner's own words, topic read when named (issue 23 item 4 trial)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from bot.engine import Engine
from bot.subscriptions.flow import natural_command
from core.settings import Settings
from storage.db import open_database
from storage.subscriptions import active_topics

if TYPE_CHECKING:
    from bot.answerer import Answerer

TOPIC_WORDS = {
    "续贷": "cost",
    "科技贷": "special_loans",
    "林权": "collateral",
    "信用修复": "credit",
}
SUBSCRIBE = [
    f"{lead}{verb}{topic}{about}{notice}"
    for lead in ["我想", "帮我", "请帮我", "我要"]
    for verb in ["订阅", "订一下", "订阅一下"]
    for topic in TOPIC_WORDS
    for about in ["", "方面的", "相关的", "的"]
    for notice in ["通知", "消息", "提醒", "推送"]
]
SUBSCRIBE_ANY = [
    f"{lead}订阅{tail}" for lead in ["我想", "帮我", "请帮我"] for tail in ["", "一下"]
]
UNSUBSCRIBE = [
    f"{lead}{neg}{again}{me}{verb}{end}"
    for lead in ["", "以后", "请"]
    for neg in ["不要", "别"]
    for again in ["", "再"]
    for me in ["", "给我"]
    for verb in ["发", "推送", "发消息", "推"]
    for end in ["了", "", "了！"]
] + ["不想再收到通知了", "停止推送", "关掉提醒", "取消推送", "别再发科技贷的消息了"]
NOT_COMMANDS = [
    "订阅号怎么关注",
    "订阅有什么用？",
    "不要推送给银行",
    "我不想贷款了",
    "发个消息",
    "别急",
    "不要抵押可以贷吗",
    "关注公众号",
]


@pytest.mark.parametrize("text", SUBSCRIBE)
def test_subscribe_words_name_their_topic(text: str) -> None:
    command = natural_command(text) or text  # "我要订阅…" is read by the command itself
    assert "订阅" in command and not command.startswith("退订")
    assert any(word in command for word in TOPIC_WORDS), command


@pytest.mark.parametrize("text", SUBSCRIBE_ANY)
def test_subscribe_without_topic_offers_topics(text: str) -> None:
    assert natural_command(text) == "订阅"


@pytest.mark.parametrize("text", UNSUBSCRIBE)
def test_unsubscribe_words(text: str) -> None:
    command = natural_command(text)
    assert command is not None and command.startswith("退订"), text


@pytest.mark.parametrize("text", NOT_COMMANDS)
def test_other_words_are_not_commands(text: str) -> None:
    assert natural_command(text) is None


@pytest.fixture
def engine(settings: Settings, answerer: Answerer) -> Iterator[Engine]:
    db = open_database(settings)
    yield Engine(db, answerer, settings)
    db.dispose()


def topics(engine: Engine, user: str) -> list[str]:
    with engine.db.session() as s:
        return active_topics(s, channel="web", user_id=user)


@pytest.mark.parametrize(
    ("words", "expected"),
    [("我想订阅续贷方面的通知", ["cost"]), ("帮我订一下科技贷的消息", ["special_loans"])],
)
def test_engine_subscribes_then_stops_in_words(
    engine: Engine, words: str, expected: list[str]
) -> None:
    user = f"nw-{expected[0]}"
    replies = engine.handle("web", user, words)
    assert "已订阅" in replies[0].text and topics(engine, user) == expected
    for stop in ["不要再给我发了", "别推送了"]:
        engine.handle("web", user, "订阅全部")
        assert "已退订" in engine.handle("web", user, stop)[0].text
        assert topics(engine, user) == []
