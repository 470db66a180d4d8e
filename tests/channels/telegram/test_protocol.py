"""The Telegram adapter against the fake Bot API, over a scripted engine (protocol behaviour)."""

from __future__ import annotations

import time

import pytest

from bot.channels.telegram.commands import DEEP_LINKS
from core.settings import Settings
from storage.db import open_database
from storage.models import Notification
from storage.notifications import enqueue_notification
from tests.channels.telegram.fake_api import FakeTelegramAPI
from tests.channels.telegram.fixtures import (
    LONG_VALUE,
    PARAGRAPH,
    ScriptedEngine,
    adapter_app,
    button_press,
    post_update,
    user_message,
)
from tests.channels.telegram.fixtures import (
    WEBHOOK_SECRET as SECRET,
)
from tests.live_server import serve_app

USER = 424242


def texts(api: FakeTelegramAPI, chat_id: int = USER) -> list[str]:
    """Visible text of every message the bot sent to the chat."""
    return [m["text"] for m in api.sent(chat_id)]


@pytest.mark.parametrize("secret", [None, "", "wrong-secret", SECRET + "x"])
def test_webhook_rejects_update_with_wrong_secret(
    telegram_webhook: tuple[str, Settings],
    telegram_api: FakeTelegramAPI,
    telegram_engine: ScriptedEngine,
    secret: str | None,
) -> None:
    base_url, _ = telegram_webhook
    status = post_update(base_url, user_message(USER, "你好"), secret=secret)
    assert status == 403
    assert post_update(base_url, user_message(USER, "对照")) == 200
    telegram_api.wait_until(lambda: texts(telegram_api))
    assert [call[2] for call in telegram_engine.calls] == ["对照"]


def test_webhook_answers_404_when_telegram_is_not_configured(settings: Settings) -> None:
    with serve_app(adapter_app(settings, ScriptedEngine())) as base_url:
        assert post_update(base_url, {"update_id": 1}) == 404


def test_webhook_answers_503_in_polling_mode(
    telegram_polling: str, telegram_api: FakeTelegramAPI, telegram_engine: ScriptedEngine
) -> None:
    assert post_update(telegram_polling, user_message(USER, "你好")) == 503
    assert telegram_engine.calls == []


def test_webhook_message_gets_cited_html_reply(
    telegram_webhook: tuple[str, Settings],
    telegram_api: FakeTelegramAPI,
    telegram_engine: ScriptedEngine,
) -> None:
    base_url, _ = telegram_webhook
    assert post_update(base_url, user_message(USER, "a<b>&c")) == 200
    telegram_api.wait_until(lambda: texts(telegram_api))
    sent = telegram_api.calls_of("sendMessage", USER)[0]
    assert sent["parse_mode"] == "HTML"
    assert "收到：a&lt;b&gt;&amp;c" in sent["text"]
    assert "<b>第5条</b> 加大首贷续贷支持" in sent["text"]
    assert "责任单位：人行三明市分行" in texts(telegram_api)[0]
    assert telegram_engine.calls == [("telegram", str(USER), "a<b>&c")]


def test_start_registers_commands_with_telegram(
    telegram_polling: str, telegram_api: FakeTelegramAPI
) -> None:
    telegram_api.wait_until(lambda: telegram_api.commands)
    names = [c["command"] for c in telegram_api.commands]
    assert names == [
        "start",
        "help",
        "check",
        "apply",
        "status",
        "cancel",
        "subscribe",
        "unsubscribe",
    ]
    assert all(c["description"] for c in telegram_api.commands)


def test_polling_delivers_message_to_engine(
    telegram_polling: str, telegram_api: FakeTelegramAPI, telegram_engine: ScriptedEngine
) -> None:
    telegram_api.enqueue(user_message(USER, "贷款贴息怎么申请"))
    telegram_api.wait_until(lambda: texts(telegram_api))
    assert telegram_engine.calls == [("telegram", str(USER), "贷款贴息怎么申请")]
    assert texts(telegram_api)[0].startswith("收到：贷款贴息怎么申请")


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/start", "/start"),
        ("/start deeplink-payload", "/start"),
        ("/start apply", "/apply"),
        ("/start@sm_policy_bot status", "/status"),
        ("/start KEJIDAI", DEEP_LINKS["kejidai"]),
        ("/start xudai", DEEP_LINKS["xudai"]),
        ("/help", "/help"),
        ("/apply@sm_policy_bot", "/apply"),
        ("/status", "/status"),
        ("/cancel", "/cancel"),
        ("/human", "/human"),
        ("/unknown", "/help"),
    ],
)
def test_command_maps_to_engine_keyword(
    telegram_polling: str,
    telegram_api: FakeTelegramAPI,
    telegram_engine: ScriptedEngine,
    command: str,
    expected: str,
) -> None:
    telegram_api.enqueue(user_message(USER, command))
    telegram_api.wait_until(lambda: texts(telegram_api))
    assert telegram_engine.calls[0][2] == expected


def test_button_press_answers_query_and_sends_long_value(
    telegram_polling: str, telegram_api: FakeTelegramAPI, telegram_engine: ScriptedEngine
) -> None:
    telegram_api.enqueue(user_message(USER, "选择"))
    telegram_api.wait_until(lambda: texts(telegram_api))
    telegram_api.enqueue(button_press(telegram_api, USER, "问第五条"))
    telegram_api.wait_until(lambda: len(texts(telegram_api)) >= 2)
    assert telegram_engine.calls[-1][2] == LONG_VALUE
    assert len(telegram_api.calls_of("answerCallbackQuery")) == 1
    first = telegram_api.sent(USER)[0]
    assert "reply_markup" not in first and first["text"].endswith("✅ 问第五条")


def test_retry_after_from_server_still_delivers_message(
    telegram_webhook: tuple[str, Settings], telegram_api: FakeTelegramAPI
) -> None:
    base_url, _ = telegram_webhook
    telegram_api.faults["sendMessage"] = [429]
    assert post_update(base_url, user_message(USER, "限流")) == 200
    telegram_api.wait_until(lambda: texts(telegram_api), timeout=15)
    assert len(telegram_api.calls_of("sendMessage", USER)) == 2  # 429, then the retry
    assert texts(telegram_api)[0].startswith("收到：限流")


def test_long_answer_is_split_on_paragraphs(
    telegram_webhook: tuple[str, Settings], telegram_api: FakeTelegramAPI
) -> None:
    base_url, _ = telegram_webhook
    assert post_update(base_url, user_message(USER, "长文")) == 200
    telegram_api.wait_until(lambda: "59. " in "".join(texts(telegram_api)))
    parts = texts(telegram_api)
    assert len(parts) >= 3
    assert all(len(p) < 4096 for p in parts)
    paragraphs = [p for part in parts for p in part.split("\n\n")]
    assert paragraphs == [f"{i}. {PARAGRAPH}" for i in range(60)]


def test_engine_error_gives_friendly_message(
    telegram_webhook: tuple[str, Settings],
    telegram_api: FakeTelegramAPI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    base_url, _ = telegram_webhook
    assert post_update(base_url, user_message(USER, "出错")) == 200
    telegram_api.wait_until(lambda: texts(telegram_api))
    assert "抱歉" in texts(telegram_api)[0] and "致电" not in texts(telegram_api)[0]  # no phone set
    assert any(r.exc_info and "engine exploded" in str(r.exc_info[1]) for r in caplog.records)


def test_outbox_notification_is_delivered_once(
    telegram_webhook: tuple[str, Settings], telegram_api: FakeTelegramAPI
) -> None:
    _, configured = telegram_webhook
    db = open_database(configured)
    with db.session() as session:
        note_id = enqueue_notification(
            session, channel="telegram", user_id=str(USER), text="您的融资需求状态：审核中 <1>"
        ).id
        enqueue_notification(session, channel="wechat", user_id="o-1", text="not for telegram")
    telegram_api.wait_until(lambda: texts(telegram_api))
    time.sleep(0.6)  # several more outbox passes
    assert texts(telegram_api) == ["您的融资需求状态：审核中 <1>"]
    with db.session() as session:
        note = session.get(Notification, note_id)
        assert note is not None and note.sent_at is not None and note.attempts == 1
    db.dispose()
