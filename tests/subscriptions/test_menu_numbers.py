"""At the 订阅 menu an option's number, typed in digits or words, is that option's button."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from bot.engine import Engine
from bot.intake.choices import option_number
from bot.subscriptions.flow import SUB_PREFIX
from bot.subscriptions.topics import BY_KEY
from core.settings import Settings
from storage.db import open_database
from storage.subscriptions import active_topics

if TYPE_CHECKING:
    from bot.answerer import Answerer

_DIGITS = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六"}
# (how the number is put) x (which option): "2", "第二个", "选3", "就第一个吧", "４".
WORDINGS = [
    (form.format(d=n, c=_DIGITS[n]), n)
    for n in range(1, 7)
    for form in ["{d}", "第{c}个", "选{d}", "就第{c}个吧", "第{d}项", "{c}", "我选第{c}个", "{d}号"]
] + [("２", 2), ("第 3 个", 3), ("选择第二项", 2)]


@pytest.fixture
def engine(settings: Settings, answerer: Answerer) -> Iterator[Engine]:
    db = open_database(settings)
    yield Engine(db, answerer, settings)
    db.dispose()


@pytest.mark.parametrize(("typed", "number"), WORDINGS)
def test_option_number_reads_digits_and_words(typed: str, number: int) -> None:
    assert option_number(typed) == number


@pytest.mark.parametrize("typed", ["科技贷", "二手设备", "第一次贷款", "1000万", "订阅号", ""])
def test_option_number_is_none_for_other_text(typed: str) -> None:
    assert option_number(typed) is None


@pytest.mark.parametrize("channel", ["web", "telegram", "wecom"])
@pytest.mark.parametrize(("typed", "number"), [("1", 1), ("第二个", 2), ("选3", 3), ("四", 4)])
def test_a_number_at_the_menu_subscribes_like_the_button(
    engine: Engine, channel: str, typed: str, number: int
) -> None:
    user = f"menu-{channel}-{number}"
    offer = engine.handle(channel, user, "订阅")
    value = offer[0].buttons[number - 1].value
    done = engine.handle(channel, user, typed)
    key = value.removeprefix(SUB_PREFIX)
    assert "已订阅" in done[0].text and BY_KEY[key].label.split("（")[0] in done[0].text
    with engine.db.session() as s:
        assert active_topics(s, channel=channel, user_id=user) == [key]


def test_a_number_after_another_turn_is_not_taken_from_an_old_menu(engine: Engine) -> None:
    engine.handle("web", "menu-old", "订阅")
    engine.handle("web", "menu-old", "科技贷是什么")
    engine.handle("web", "menu-old", "1")
    with engine.db.session() as s:
        assert active_topics(s, channel="web", user_id="menu-old") == []


def test_a_number_beyond_the_menu_subscribes_nothing(engine: Engine) -> None:
    offer = engine.handle("web", "menu-far", "订阅")
    engine.handle("web", "menu-far", str(len(offer[0].buttons) + 1))
    with engine.db.session() as s:
        assert active_topics(s, channel="web", user_id="menu-far") == []
