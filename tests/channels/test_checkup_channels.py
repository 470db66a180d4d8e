"""政策体检 in every channel: Telegram (fake Bot API, /check), WeChat (fake callback, menu key
CHECKUP), the terminal (`policybot chat`'s loop); the bar profile in each.

The HTTP chat (/api/chat) is covered in tests/web/test_check_api.py.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from bot.channels.telegram.app import bot_commands
from bot.channels.wechat.inbound import DEFAULT_MENU, MENU_TOPICS
from bot.engine import Engine
from core.settings import Settings
from policybot.commands.chat import chat_loop
from server import create_app
from storage.db import open_database
from tests.bot.engine_support import FakeAnswerer
from tests.bot.test_checkup import BAR
from tests.channels.telegram.fake_api import FakeTelegramAPI
from tests.channels.telegram.fixtures import telegram_settings
from tests.channels.telegram.test_e2e import Bot
from tests.channels.wechat.fixtures import RunningApp, WechatSender
from tests.channels.wechat.test_intake_http import options
from tests.live_server import serve_app

if TYPE_CHECKING:
    from bot.answerer import Answerer

RIGHTS = "✓ 第7条 林权、知识产权等权利质押融资"
FOREST = "✓ 第8条 福农e林"


def applying_part(text: str) -> str:
    """The lines of items that apply (✓), from the short result text."""
    return "\n".join(line for line in text.splitlines() if line.startswith("✓ 第"))


@pytest.fixture
def polling_bot(
    app_settings: Settings, answerer: Answerer, telegram_api: FakeTelegramAPI
) -> Iterator[Bot]:
    """The full app polling the fake Bot API."""
    configured = telegram_settings(app_settings, telegram_api)
    with serve_app(create_app(configured, answerer=answerer)):
        yield Bot(telegram_api, telegram_api.enqueue, configured)


def test_telegram_check_command_runs_the_bar(polling_bot: Bot) -> None:
    assert "check" in [c.command for c in bot_commands()]
    bot = polling_bot
    assert "企业所属行业" in bot.say("/check", expect="企业所属行业")
    assert "企业规模" in bot.say(BAR, expect="企业规模")
    bot.press("小型", expect="外贸")
    result = bot.press("都没有", expect="项不适用")
    applies = applying_part(result)
    assert RIGHTS in applies and FOREST in applies
    form = bot.press("用这些信息填写融资需求登记", expect="已填好")
    assert "永安市" in form and "制造业" in form and "300 万元" in form


def test_wechat_menu_key_runs_the_bar(wechat_app: RunningApp) -> None:
    assert MENU_TOPICS["CHECKUP"] == "政策体检"
    keys = [b.get("key") for group in DEFAULT_MENU["button"] for b in group.get("sub_button", [])]
    assert "CHECKUP" in keys
    sender = WechatSender(wechat_app)
    user = "openid-checkup"
    first = sender.reply(sender.event(user, "CLICK", "CHECKUP"))
    assert first and "企业所属行业" in first
    asked = sender.ask(user, BAR)
    assert "企业规模" in asked
    asked = sender.ask(user, options(asked)["小型"])
    result = sender.ask(user, options(asked)["都没有"])
    assert "政策体检结果" in result
    assert RIGHTS in result and FOREST in result
    details = sender.ask(user, options(result)["查看详情"])
    assert "【第7条】林权、知识产权等权利质押融资" in details and "✓ 有林权" in details
    form = sender.ask(user, options(result)["用这些信息填写融资需求登记"])
    assert "已填好" in form and "永安市" in form and "制造业" in form


def test_terminal_chat_runs_the_bar(settings: Settings) -> None:
    db = open_database(settings)
    try:
        engine = Engine(db, FakeAnswerer(), settings)
        lines = ["政策体检", BAR, "小型", "都没有", "1", ""]  # 1: the first button of the result
        out = io.StringIO()
        assert (
            chat_loop(engine, "local", io.StringIO("\n".join(lines)), out, interactive=False) == 0
        )
        text = out.getvalue()
        applies = applying_part(text)
        assert RIGHTS in applies and FOREST in applies
        assert "[1] 用这些信息填写融资需求登记" in text
        assert (
            "已填好：所在县（市、区）：永安市；所属行业：制造业；融资金额（万元）：300 万元" in text
        )
    finally:
        db.dispose()
