"""Telegram end to end: an old keyboard's button answers its own question, never the current one."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import select

from bot.intake.fields import FIELD_BY_NAME
from core.settings import Settings
from server import create_app
from storage.db import open_database
from storage.models import FinancingRequest
from tests.channels.telegram.fake_api import FakeTelegramAPI
from tests.channels.telegram.fixtures import telegram_settings
from tests.channels.telegram.test_e2e import CREDIT_CODE, USER, Bot
from tests.live_server import serve_app

if TYPE_CHECKING:
    from bot.answerer import Answerer

_ids = itertools.count(900_000)


@pytest.fixture
def polling_bot(
    app_settings: Settings, answerer: Answerer, telegram_api: FakeTelegramAPI
) -> Iterator[Bot]:
    """The full app polling the fake Bot API."""
    configured = telegram_settings(app_settings, telegram_api)
    with serve_app(create_app(configured, answerer=answerer)):
        yield Bot(telegram_api, telegram_api.enqueue, configured)


def press_on(api: FakeTelegramAPI, question: str, label: str) -> dict[str, Any]:
    """A press of `label` on the (latest) bot message asking `question`."""
    for message in reversed(api.sent(USER)):
        if question not in message["text"]:
            continue
        for button in itertools.chain.from_iterable(message["reply_markup"]["inline_keyboard"]):
            if button["text"] == label:
                query = {
                    "id": str(next(_ids)),
                    "chat_instance": "ci",
                    "data": button["callback_data"],
                    "message": json.loads(json.dumps(message)),
                    "from": {"id": USER, "is_bot": False, "first_name": "张"},
                }
                return {"update_id": next(_ids), "callback_query": query}
    raise AssertionError(f"no {label!r} under {question!r}")


def test_old_renewal_button_changes_renewal_not_first_loan(polling_bot: Bot) -> None:
    bot = polling_bot
    renewal = FIELD_BY_NAME["renewal_due"].prompt
    first_loan = FIELD_BY_NAME["first_loan"].prompt
    bot.say("/apply", expect="企业全称")
    for text in [
        "三明市测试机械制造有限公司",
        CREDIT_CODE,
        "三元区",
        "制造业",
        "张三",
        "13912345678",
    ]:
        bot.say(text, expect="（")
    assert "您填写的是 1500 万元，对吗？" in bot.say("1.5kw", expect="对吗")
    bot.press("是", expect="资金主要用途")
    for text in ["流动资金周转", "一年半", "信用", "科技贷"]:
        bot.say(text, expect="（")
    bot.say("否", expect=first_loan)  # 续贷 answered by typing: its keyboard stays
    reply = bot._exchange(press_on(bot.api, renewal, "是"), "已将")
    assert "已将「续贷需求」改为：是" in reply and first_loan in reply
    bot.say("是", expect="补充说明")
    bot.say("无", expect="同意授权并提交")
    bot.press("同意授权并提交", expect="登记编号")
    db = open_database(bot.settings)
    with db.session() as session:
        request = session.scalars(select(FinancingRequest)).one()
        assert (request.renewal_due, request.first_loan) == (True, True)
        assert (request.amount_wan, request.term_months) == (1500.0, 18)
    db.dispose()
