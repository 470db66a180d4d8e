"""The Telegram adapter when things go wrong: bad input, groups, media, Telegram unreachable."""

from __future__ import annotations

import time
from datetime import timedelta

import httpx
import pytest

from bot.channels.telegram import channel as telegram
from bot.channels.telegram.handlers import UNSUPPORTED_TEXT
from bot.channels.telegram.updates import first_delivery, purge_deliveries
from core.settings import Settings
from storage.db import open_database
from storage.models import ProcessedMessage
from tests.channels.telegram.fake_api import FakeTelegramAPI
from tests.channels.telegram.fixtures import (
    WEBHOOK_SECRET,
    ScriptedEngine,
    adapter_app,
    button_press,
    post_update,
    telegram_settings,
    user_message,
)
from tests.live_server import serve_app

USER = 434343


def sent_texts(api: FakeTelegramAPI, chat_id: int = USER) -> list[str]:
    return [m["text"] for m in api.sent(chat_id)]


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b"{}", b'{"update_id": "x"}'])
def test_webhook_rejects_malformed_update(
    telegram_webhook: tuple[str, Settings], telegram_engine: ScriptedEngine, body: bytes
) -> None:
    base_url, _ = telegram_webhook
    headers = {"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
    response = httpx.post(f"{base_url}/telegram/webhook", content=body, headers=headers)
    assert response.status_code == 400
    assert telegram_engine.calls == []


def test_group_command_points_to_private_chat(
    telegram_webhook: tuple[str, Settings],
    telegram_api: FakeTelegramAPI,
    telegram_engine: ScriptedEngine,
) -> None:
    base_url, _ = telegram_webhook
    assert post_update(base_url, user_message(USER, "/apply", group_id=-100123)) == 200
    assert post_update(base_url, user_message(USER, "13912345678", group_id=-100123)) == 200
    telegram_api.wait_until(lambda: sent_texts(telegram_api, -100123))
    time.sleep(0.3)  # the plain group message must stay unanswered
    assert sent_texts(telegram_api, -100123) == [
        "为保护企业信息，请私聊我办理：打开 @sm_policy_bot 并发送 /start。"
    ]
    assert telegram_engine.calls == []


def test_media_message_gets_text_only_notice(
    telegram_webhook: tuple[str, Settings],
    telegram_api: FakeTelegramAPI,
    telegram_engine: ScriptedEngine,
) -> None:
    base_url, _ = telegram_webhook
    update = user_message(USER, "")
    del update["message"]["text"]
    update["message"]["sticker"] = {
        "file_id": "f",
        "file_unique_id": "u",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
        "type": "regular",
    }
    assert post_update(base_url, update) == 200
    telegram_api.wait_until(lambda: sent_texts(telegram_api))
    assert sent_texts(telegram_api) == [UNSUPPORTED_TEXT]
    assert telegram_engine.calls == []


def test_start_retries_until_telegram_is_reachable(
    settings: Settings, telegram_api: FakeTelegramAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(telegram, "START_RETRY_S", (0.3,))
    telegram_api.faults["getMe"] = [500, 500]
    configured = telegram_settings(settings, telegram_api, secret=WEBHOOK_SECRET)
    engine = ScriptedEngine()
    with serve_app(adapter_app(configured, engine)) as base_url:
        assert post_update(base_url, user_message(USER, "早")) == 503
        deadline = time.monotonic() + 20
        while post_update(base_url, user_message(USER, "你好")) == 503:
            assert time.monotonic() < deadline, "the bot never started"
            time.sleep(0.1)
        telegram_api.wait_until(lambda: sent_texts(telegram_api))
    assert engine.calls == [("telegram", str(USER), "你好")]


def test_rejected_token_leaves_the_app_serving(
    settings: Settings, telegram_api: FakeTelegramAPI, caplog: pytest.LogCaptureFixture
) -> None:
    configured = telegram_settings(settings, telegram_api, secret=WEBHOOK_SECRET)
    configured = configured.model_copy(update={"telegram_bot_token": "999:wrong"})
    with serve_app(adapter_app(configured, ScriptedEngine())) as base_url:
        assert post_update(base_url, user_message(USER, "你好")) == 503
    assert "rejected" in caplog.text
    assert "999:wrong" not in caplog.text


def test_only_one_worker_polls(settings: Settings, telegram_api: FakeTelegramAPI) -> None:
    configured = telegram_settings(settings, telegram_api)
    engine = ScriptedEngine()
    with (
        serve_app(adapter_app(configured, engine)),
        serve_app(adapter_app(configured, engine)),
    ):
        telegram_api.enqueue(user_message(USER, "你好"))
        telegram_api.wait_until(lambda: sent_texts(telegram_api))
        time.sleep(0.5)
        assert len(telegram_api.calls_of("setMyCommands")) == 1
        assert len(telegram_api.calls_of("deleteWebhook")) == 1
    assert engine.calls == [("telegram", str(USER), "你好")]
    assert len(sent_texts(telegram_api)) == 1


def test_webhook_redelivery_is_handled_once(
    telegram_webhook: tuple[str, Settings],
    telegram_api: FakeTelegramAPI,
    telegram_engine: ScriptedEngine,
) -> None:
    base_url, _ = telegram_webhook
    update = user_message(USER, "你好")
    assert post_update(base_url, update) == 200
    assert post_update(base_url, update) == 200  # Telegram retrying the same update_id
    telegram_api.wait_until(lambda: sent_texts(telegram_api))
    time.sleep(0.3)
    assert telegram_engine.calls == [("telegram", str(USER), "你好")]


def test_purge_forgets_only_old_update_ids(settings: Settings) -> None:
    db = open_database(settings)
    assert first_delivery(db, 1, 10) and not first_delivery(db, 1, 10)
    with db.session() as session:
        session.add(ProcessedMessage(key="options:wechat:o1", status="options"))
    assert purge_deliveries(db, older_than=timedelta(hours=1)) == 0
    assert purge_deliveries(db, older_than=timedelta(0)) == 1
    assert first_delivery(db, 1, 10)
    with db.session() as session:
        assert session.get(ProcessedMessage, "options:wechat:o1") is not None
    db.dispose()


def test_double_tap_on_a_choice_counts_once(
    telegram_polling: str, telegram_api: FakeTelegramAPI, telegram_engine: ScriptedEngine
) -> None:
    telegram_api.enqueue(user_message(USER, "选择"))
    telegram_api.wait_until(lambda: sent_texts(telegram_api))
    first, second = (button_press(telegram_api, USER, "三元区") for _ in range(2))
    telegram_api.enqueue(first)
    telegram_api.enqueue(second)
    telegram_api.wait_until(lambda: len(telegram_api.calls_of("answerCallbackQuery")) == 2)
    telegram_api.wait_until(lambda: len(sent_texts(telegram_api)) >= 2)
    time.sleep(0.3)
    assert [call[2] for call in telegram_engine.calls] == ["选择", "三元区"]
    assert sent_texts(telegram_api)[0].endswith("✅ 三元区")
