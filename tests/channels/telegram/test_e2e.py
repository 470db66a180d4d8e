"""End to end: the real app (engine, answerer, database) talking to the fake Bot API."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from sqlalchemy import func, select

from admin.workflow import move_request
from bot.conversation.commands import CONSENT_YES
from bot.intake.credit_code import check_character
from bot.intake.fields import FORM_FIELDS
from bot.messages import Answer, Citation
from core.settings import Settings
from server import create_app
from storage.db import open_database
from storage.models import Conversation, FinancingRequest
from tests.channels.telegram.fake_api import FakeTelegramAPI
from tests.channels.telegram.fixtures import (
    button_press,
    telegram_settings,
    user_message,
)
from tests.live_server import serve_app

if TYPE_CHECKING:
    from bot.answerer import Answerer

USER = 515151
SECRET = "e2e-webhook-secret"
CODE_BODY = "91350402MA2Y8K7P3"
CREDIT_CODE = CODE_BODY + check_character(CODE_BODY)

Send = Callable[[dict[str, Any]], None]


class Bot:
    """Drives one user's chat: sends updates in the chosen mode and reads the bot's replies."""

    def __init__(self, api: FakeTelegramAPI, send: Send, settings: Settings) -> None:
        self.api, self.send, self.settings = api, send, settings

    def texts(self) -> list[str]:
        return [m["text"] for m in self.api.sent(USER)]

    def say(self, text: str, expect: str = "") -> str:
        """Send text; return everything the bot sent since, once `expect` shows up."""
        return self._exchange(user_message(USER, text), expect)

    def press(self, label: str, expect: str = "") -> str:
        """Press a button shown in the chat; return the bot's replies."""
        return self._exchange(button_press(self.api, USER, label), expect)

    def _exchange(self, update: dict[str, Any], expect: str) -> str:
        before = len(self.texts())
        self.send(update)

        def replied() -> str:
            new = "\n".join(self.texts()[before:])
            return new if new and expect in new else ""

        return str(self.api.wait_until(replied, timeout=60))


@pytest.fixture(params=["polling", "webhook", "webhook-postgres"])
def telegram_bot(
    request: pytest.FixtureRequest,
    app_settings: Settings,
    answerer: Answerer,
    telegram_api: FakeTelegramAPI,
) -> Iterator[Bot]:
    """The full app in polling mode, or two app workers on one database in webhook mode."""
    if request.param == "webhook-postgres":
        url = request.getfixturevalue("postgres_url")
        app_settings = app_settings.model_copy(update={"database_url": url})
    if request.param == "polling":
        configured = telegram_settings(app_settings, telegram_api)
        with serve_app(create_app(configured, answerer=answerer)):
            yield Bot(telegram_api, telegram_api.enqueue, configured)
        return
    configured = telegram_settings(app_settings, telegram_api, secret=SECRET)
    with (
        serve_app(create_app(configured, answerer=answerer)) as worker_a,
        serve_app(create_app(configured, answerer=answerer)) as worker_b,
    ):
        workers = [worker_a, worker_b]

        def post(update: dict[str, Any]) -> None:
            workers.reverse()  # alternate workers: state must come from the database
            headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
            response = httpx.post(
                f"{workers[0]}/telegram/webhook", json=update, headers=headers, timeout=30
            )
            assert response.status_code == 200

        yield Bot(telegram_api, post, configured)


def test_question_gets_cited_answer(telegram_bot: Bot) -> None:
    reply = telegram_bot.say("贷款快到期了，续贷有什么支持政策？", expect="依据：")
    assert "第" in reply and "条" in reply
    answer = next(m for m in telegram_bot.api.sent(USER) if "依据：" in m["text"])
    labels = [b["text"] for row in answer["reply_markup"]["inline_keyboard"] for b in row]
    assert "👍" in labels and "查看条款原文" in labels
    sent = telegram_bot.api.calls_of("sendMessage", USER)
    assert all(call["parse_mode"] == "HTML" for call in sent)


def test_feedback_button_is_recorded(telegram_bot: Bot) -> None:
    telegram_bot.say("首贷有什么支持？", expect="依据：")
    assert "感谢您的反馈" in telegram_bot.press("👍", expect="感谢")
    assert telegram_bot.api.calls_of("answerCallbackQuery")
    answer = next(m for m in telegram_bot.api.sent(USER) if "依据：" in m["text"])
    labels = [b["text"] for row in answer["reply_markup"]["inline_keyboard"] for b in row]
    assert "查看条款原文" in labels and "👍" not in labels and "👎" not in labels


# How the owner answers each form question: typed text, or the button pressed.
FORM_ANSWERS = {
    "company_name": ("type", "三明市测试机械制造有限公司"),
    "credit_code": ("type", CREDIT_CODE.lower()),
    "county": ("press", "三元区"),
    "industry": ("press", "制造业"),
    "contact_name": ("type", "张三"),
    "phone": ("type", "13912345678"),
    "amount_wan": ("type", "200"),
    "purpose": ("press", "流动资金周转"),
    "term_months": ("type", "12"),
    "guarantee": ("press", "信用"),
    "product": ("press", "科技贷"),
    "renewal_due": ("press", "否"),
    "first_loan": ("press", "是"),
    "note": ("press", "无补充"),
}


def test_form_through_buttons_and_text_stores_request(telegram_bot: Bot) -> None:
    bot = telegram_bot
    bot.say("/apply", expect=FORM_FIELDS[0].prompt)
    upcoming = [f.prompt for f in FORM_FIELDS[1:]] + [CONSENT_YES]
    for field, expect in zip(FORM_FIELDS, upcoming, strict=True):
        how, answer = FORM_ANSWERS[field.name]
        if field.name == "phone":  # a wrong number is explained and asked again
            assert field.prompt in bot.say("1391234", expect="⚠️")
        (bot.press if how == "press" else bot.say)(answer, expect=expect)
    bot.press(CONSENT_YES)
    db = open_database(bot.settings)
    with db.session() as session:
        request = session.scalars(select(FinancingRequest)).one()
        assert request.channel == "telegram" and request.channel_user_id == str(USER)
        assert request.credit_code == CREDIT_CODE and request.phone == "13912345678"
        assert request.county == "三元区" and request.amount_wan == 200
        assert request.consent is True
        move_request(  # staff take it up in the back office: the owner is told on Telegram
            session, request, target="reviewing", note="", actor="coordinator", office_phone="1"
        )
    db.dispose()
    bot.api.wait_until(lambda: any(f"登记编号：{request.ref}" in text for text in bot.texts()))
    notice = f"{request.ref}）状态已更新为：审核中"
    bot.api.wait_until(lambda: any(notice in text for text in bot.texts()))
    assert request.ref in bot.say("/status", expect=request.ref)


def test_wrong_secret_is_refused_by_the_app(
    app_settings: Settings, answerer: Answerer, telegram_api: FakeTelegramAPI
) -> None:
    configured = telegram_settings(app_settings, telegram_api, secret=SECRET)
    with serve_app(create_app(configured, answerer=answerer)) as base_url:
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "nope"}):
            response = httpx.post(
                f"{base_url}/telegram/webhook",
                json=user_message(USER, "你好"),
                headers=headers,
                timeout=30,
            )
            assert response.status_code == 403
    db = open_database(configured)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Conversation)) == 0
    db.dispose()
    assert telegram_api.calls_of("sendMessage") == []


def test_retry_after_still_delivers_answer(telegram_bot: Bot) -> None:
    telegram_bot.api.faults["sendMessage"] = [429]
    reply = telegram_bot.say("/help", expect="")
    assert reply
    assert len(telegram_bot.api.calls_of("sendMessage", USER)) >= 2


class LongAnswerer:
    """An answerer whose answers are long (the real corpus has no answer near 4096 characters)."""

    paragraphs = [
        f"第{i}段：" + "符合条件的民营小微企业可以按规定申请支持。" * 8 for i in range(40)
    ]

    def answer(self, question: str, *, topic: str | None = None) -> Answer:
        citation = Citation("measure-5", 5, "落实首贷续贷", "《若干措施》", units="各银行")
        text = "\n\n".join(self.paragraphs)
        return Answer(text, True, "policy_question", [citation], topic="measure-5")

    def document(self, doc_id: str) -> None:
        return None


def test_long_answer_is_split_by_the_full_app(
    app_settings: Settings, telegram_api: FakeTelegramAPI
) -> None:
    configured = telegram_settings(app_settings, telegram_api, secret=SECRET)
    with serve_app(create_app(configured, answerer=LongAnswerer())) as base_url:
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        update = user_message(USER, "请详细介绍支持政策")
        assert httpx.post(
            f"{base_url}/telegram/webhook", json=update, headers=headers, timeout=30
        ).is_success
        telegram_api.wait_until(
            lambda: any("政策依据" in m["text"] for m in telegram_api.sent(USER))
        )
    parts = [m["text"] for m in telegram_api.sent(USER)]
    assert len(parts) >= 2 and all(len(p) <= 4096 for p in parts)
    body = "\n\n".join(parts).split("\n\n📖 政策依据")[0].split("\n\n")
    assert body == LongAnswerer.paragraphs
    assert "reply_markup" in telegram_api.sent(USER)[-1]  # follow-ups on the last part only
    assert all("reply_markup" not in m for m in telegram_api.sent(USER)[:-1])
