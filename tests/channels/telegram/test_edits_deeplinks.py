"""Edited messages and /start deep links, through the full app and the fake Bot API."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from bot.channels.telegram.commands import DEEP_LINKS
from bot.channels.telegram.handlers import EDITED_TEXT
from bot.intake.credit_code import check_character
from bot.intake.fields import FORM_FIELDS
from core.settings import Settings
from server import create_app
from tests.channels.telegram.fake_api import FakeTelegramAPI
from tests.channels.telegram.fixtures import _update_ids, telegram_settings, user_message
from tests.live_server import serve_app

if TYPE_CHECKING:
    from bot.answerer import Answerer

USER = 626262
SECRET = "edits-webhook-secret"
CODE_BODY = "91350402MA2Y8K7P3"
CREDIT_CODE = CODE_BODY + check_character(CODE_BODY)
# The document each topic payload must be answered from.
TOPIC_DOCS = {
    "kejidai": "product-kejidai",
    "waimaodai": "product-waimaodai",
    "shangmaodai": "product-shangmaodai",
    "tizhizengchan": "product-tizhizengchan",
    "shoudai": "measure-6",
    "xudai": "measure-6",
    "danbao": "measure-9",
    "lilv": "measure-11",
}


class Chat:
    """One user's private chat with the app in webhook mode."""

    def __init__(self, base_url: str, api: FakeTelegramAPI) -> None:
        self.base_url, self.api = base_url, api

    def texts(self) -> list[str]:
        return [m["text"] for m in self.api.sent(USER)]

    def post(self, update: dict[str, Any]) -> None:
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        response = httpx.post(
            f"{self.base_url}/telegram/webhook", json=update, headers=headers, timeout=30
        )
        assert response.status_code == 200

    def send(self, update: dict[str, Any], expect: str) -> str:
        """Post an update; the bot's new messages once one contains `expect`."""
        before = len(self.texts())
        self.post(update)

        def replied() -> str:
            new = "\n".join(self.texts()[before:])
            return new if expect in new else ""

        return str(self.api.wait_until(replied, timeout=60))

    def say(self, text: str, expect: str) -> str:
        return self.send(user_message(USER, text), expect)


def edited(update: dict[str, Any], text: str) -> dict[str, Any]:
    """The update Telegram sends when the user edits the message of `update` (a new update id
    in the bot's one increasing sequence)."""
    message = {**update["message"], "text": text, "edit_date": int(time.time())}
    return {"update_id": next(_update_ids), "edited_message": message}


@pytest.fixture
def chat(
    app_settings: Settings, answerer: Answerer, telegram_api: FakeTelegramAPI
) -> Iterator[Chat]:
    configured = telegram_settings(app_settings, telegram_api, secret=SECRET)
    with serve_app(create_app(configured, answerer=answerer)) as base_url:
        yield Chat(base_url, telegram_api)


def test_edited_message_not_taken_as_next_answer(chat: Chat) -> None:
    chat.say("/apply", expect=FORM_FIELDS[0].prompt)
    name = user_message(USER, "三明市测试机械制造有限公司")
    chat.send(name, expect=FORM_FIELDS[1].prompt)
    note = chat.send(edited(name, "三明市另一家贸易有限公司"), expect=EDITED_TEXT)
    assert note == EDITED_TEXT  # only the note: no form reply, no refusal of it as a credit code
    assert FORM_FIELDS[2].prompt in chat.say(CREDIT_CODE, expect=FORM_FIELDS[2].prompt)
    assert not any("⚠️" in text for text in chat.texts())  # no answer was refused


def test_edited_command_not_run_again(chat: Chat) -> None:
    start = user_message(USER, "/help")
    chat.send(start, expect="申请")
    count = len(chat.texts())
    assert chat.send(edited(start, "/apply"), expect=EDITED_TEXT) == EDITED_TEXT
    time.sleep(0.3)
    assert len(chat.texts()) == count + 1


def test_deep_link_apply_starts_form(chat: Chat) -> None:
    reply = chat.say("/start apply", expect=FORM_FIELDS[0].prompt)
    assert "开始登记融资需求" in reply


@pytest.mark.parametrize(("payload", "shown"), [("kejidai", "科技贷"), ("xudai", "第6条")])
def test_deep_link_topic_answered(chat: Chat, payload: str, shown: str) -> None:
    reply = chat.say(f"/start {payload}", expect="依据：")
    assert shown in reply


def test_deep_link_unknown_payload_gets_help(chat: Chat) -> None:
    reply = chat.say("/start no-such-topic", expect="申请")
    assert "依据：" not in reply and FORM_FIELDS[0].prompt not in reply


@pytest.mark.parametrize("payload", sorted(TOPIC_DOCS))
def test_deep_link_topic_question_answered_from_its_document(
    answerer: Answerer, payload: str
) -> None:
    answer = answerer.answer(DEEP_LINKS[payload])
    assert answer.in_scope and answer.citations[0].doc_id == TOPIC_DOCS[payload]


def test_every_topic_payload_is_checked() -> None:
    commands = {name for name, text in DEEP_LINKS.items() if text.startswith("/")}
    assert set(DEEP_LINKS) - commands == set(TOPIC_DOCS)
