"""订阅 / 退订 in every channel: one engine, buttons and typed topics, opt-in stored."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import select

from bot.engine import Engine
from bot.subscriptions.flow import NO_CHANNEL, SUB_PREFIX
from core.settings import Settings
from storage.db import open_database
from storage.models import Subscription
from storage.subscriptions import active_topics

if TYPE_CHECKING:
    from bot.answerer import Answerer

CHANNELS = ["web", "telegram", "wechat", "wecom"]


@pytest.fixture
def engine(settings: Settings, answerer: Answerer) -> Iterator[Engine]:
    db = open_database(settings)
    yield Engine(db, answerer, settings)
    db.dispose()


def topics(engine: Engine, channel: str, user: str) -> list[str]:
    with engine.db.session() as s:
        return active_topics(s, channel=channel, user_id=user)


def values(replies: list[Any]) -> list[str]:
    return [b.value for r in replies for b in r.buttons]


@pytest.mark.parametrize("channel", CHANNELS)
def test_subscribe_with_suggested_button_then_unsubscribe(engine: Engine, channel: str) -> None:
    engine.handle(channel, "u1", "我们是做外贸的高新企业，有专利，想贷款200万")
    offer = engine.handle(channel, "u1", "订阅")
    assert "建议订阅" in offer[0].text and "专项贷款" in offer[0].text
    assert SUB_PREFIX + "special_loans" in values(offer) and SUB_PREFIX + "all" in values(offer)
    done = engine.handle(channel, "u1", SUB_PREFIX + "special_loans")
    assert "已订阅：专项贷款" in done[0].text
    with engine.db.session() as s:
        row = s.scalar(select(Subscription).where(Subscription.user_id == "u1"))
        assert row is not None and (row.channel, row.source) == (channel, "profile")
    engine.handle(channel, "u1", "订阅全部")
    assert topics(engine, channel, "u1") == ["special_loans", "all"]
    assert "已退订" in engine.handle(channel, "u1", "退订")[0].text
    assert topics(engine, channel, "u1") == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("订阅科技贷", ["special_loans"]),
        ("订阅 林权", ["collateral"]),
        ("/subscribe 续贷", ["cost"]),
    ],
)
def test_typed_topics(engine: Engine, typed: str, expected: list[str]) -> None:
    engine.handle("telegram", "u2", typed)
    assert topics(engine, "telegram", "u2") == expected
    engine.handle("telegram", "u2", "订阅全部")
    engine.handle(
        "telegram", "u2", "退订" + ("科技贷" if expected == ["special_loans"] else "全部")
    )
    left = topics(engine, "telegram", "u2")
    assert left == (["all"] if expected == ["special_loans"] else expected)


def test_words_that_are_not_commands_reach_the_answerer(engine: Engine) -> None:
    replies = engine.handle("web", "u3", "订阅号怎么关注")
    assert topics(engine, "web", "u3") == []
    assert replies and "已订阅" not in replies[0].text


def test_cli_cannot_receive_notices(engine: Engine) -> None:
    assert engine.handle("cli", "u4", "订阅")[0].text == NO_CHANNEL
    assert topics(engine, "cli", "u4") == []


def test_subscribing_inside_the_form_resumes_it(engine: Engine) -> None:
    engine.handle("web", "u5", "申请")
    replies = engine.handle("web", "u5", "订阅科技贷")
    assert "已订阅" in replies[0].text and len(replies) == 2  # then the form's current step
    assert topics(engine, "web", "u5") == ["special_loans"]


@pytest.mark.parametrize(
    ("typed", "engine_text"),
    [
        ("/subscribe", "/subscribe"),
        ("/subscribe 科技贷", "/subscribe 科技贷"),
        ("/unsubscribe@policy_bot", "/unsubscribe"),
        ("/start subscribe", "/subscribe"),
    ],
)
def test_telegram_commands_reach_the_flow(typed: str, engine_text: str) -> None:
    from bot.channels.telegram.commands import command_text

    assert command_text(typed) == engine_text
