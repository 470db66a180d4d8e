"""The satisfaction question reaches each channel with its 1-5 choices, and the owner's tap,
number or words are recorded (issue 20, item 11): widget inbox, Telegram, WeChat."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from sqlalchemy import select

from bot.services import services_of
from core.settings import Settings
from server import create_app
from storage.models import SatisfactionSurvey
from storage.requests import create_request
from storage.satisfaction import ask_satisfaction
from tests.channels.telegram.fake_api import FakeTelegramAPI
from tests.channels.telegram.fixtures import button_press, telegram_settings, user_message
from tests.channels.wechat.fake_api import FakeWechatApi
from tests.channels.wechat.fixtures import RunningApp, WechatSender, wait_until
from tests.channels.wechat.test_intake_http import options
from tests.helpers.web_sessions import issued_id
from tests.live_server import serve_app
from tests.storage.factories import request_data

if TYPE_CHECKING:
    from bot.answerer import Answerer

TELEGRAM_USER = 626262
SCORES = ["1分", "2分", "3分", "4分", "5分"]


def ask_survey(db: Any, channel: str, user: str) -> int:
    with db.session() as session:
        request = create_request(
            session, data=request_data(), channel=channel, channel_user_id=user
        )
        assert ask_satisfaction(session, request, outcome="granted")
        return request.id


def score_of(db: Any, request_id: int) -> int | None:
    with db.session() as session:
        query = select(SatisfactionSurvey.score).where(SatisfactionSurvey.request_id == request_id)
        return session.scalar(query)


@pytest.fixture
def telegram_app(
    app_settings: Settings, answerer: Answerer, telegram_api: FakeTelegramAPI
) -> Iterator[Any]:
    """The full app polling the fake Bot API."""
    configured = telegram_settings(app_settings, telegram_api)
    app = create_app(configured, answerer=answerer)
    with serve_app(app):
        yield app


def test_telegram_question_has_inline_score_buttons_and_a_tap_records_it(
    telegram_app: Any, telegram_api: FakeTelegramAPI
) -> None:
    request_id = ask_survey(services_of(telegram_app).db, "telegram", str(TELEGRAM_USER))
    sent = telegram_api.wait_until(lambda: telegram_api.sent(TELEGRAM_USER))
    keyboard = sent[0]["reply_markup"]["inline_keyboard"]
    labels = [button["text"] for row in keyboard for button in row]
    assert [label.split()[0] for label in labels] == SCORES
    telegram_api.enqueue(button_press(telegram_api, TELEGRAM_USER, labels[4]))
    assert wait_until(lambda: score_of(services_of(telegram_app).db, request_id) == 5, timeout=30)


def test_telegram_words_answer_the_question(
    telegram_app: Any, telegram_api: FakeTelegramAPI
) -> None:
    request_id = ask_survey(services_of(telegram_app).db, "telegram", str(TELEGRAM_USER))
    telegram_api.wait_until(lambda: telegram_api.sent(TELEGRAM_USER))
    telegram_api.enqueue(user_message(TELEGRAM_USER, "挺满意的"))
    assert wait_until(lambda: score_of(services_of(telegram_app).db, request_id) == 4, timeout=30)
    thanks = telegram_api.wait_until(lambda: len(telegram_api.sent(TELEGRAM_USER)) >= 2)
    assert thanks and "感谢您的评价" in telegram_api.sent(TELEGRAM_USER)[-1]["text"]


@pytest.mark.parametrize(("typed", "score"), [("5", 5), ("一般般", 3), ("不太满意", 2)])
def test_wechat_question_has_numbered_scores_and_replies_are_recorded(
    wechat_app: RunningApp, wechat_fake_api: FakeWechatApi, typed: str, score: int
) -> None:
    user = f"openid-survey-{score}"
    request_id = ask_survey(services_of(wechat_app.app).db, "wechat", user)
    [sent] = wechat_fake_api.wait_for("/cgi-bin/message/custom/send", 1)
    numbered = options(sent["text"]["content"])
    assert [label.split()[0] for label in numbered] == SCORES
    reply = WechatSender(wechat_app).ask(user, typed)
    assert "感谢您的评价" in reply and "不在我的服务范围" not in reply
    assert score_of(services_of(wechat_app.app).db, request_id) == score


def test_widget_inbox_shows_the_score_buttons(wechat_app: RunningApp) -> None:
    """The web visitor polls the inbox: the question comes with its five choices."""
    visitor = issued_id(wechat_app.app)
    request_id = ask_survey(services_of(wechat_app.app).db, "web", visitor)
    with httpx.Client(base_url=wechat_app.url) as http:
        [message] = http.get("/api/chat/inbox", params={"session_id": visitor}).json()["messages"]
        assert [b["value"] for b in message["buttons"]] == SCORES
        reply = http.post("/api/chat", json={"session_id": visitor, "text": "五星"}).json()
    assert "感谢您的评价" in reply["messages"][-1]["text"]
    assert score_of(services_of(wechat_app.app).db, request_id) == 5
