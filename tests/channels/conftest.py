"""Fixtures of the channel tests (Telegram fixtures are named telegram_*)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.settings import Settings
from tests.channels.telegram.fake_api import FakeTelegramAPI
from tests.channels.telegram.fixtures import (
    WEBHOOK_SECRET,
    ScriptedEngine,
    adapter_app,
    telegram_settings,
)
from tests.channels.wechat.fixtures import (  # noqa: F401  (WeChat / WeCom fixtures)
    wechat_app,
    wechat_fake_api,
    wechat_settings,
)
from tests.live_server import serve_app

TELEGRAM_TOKEN = "123456:TEST-fake-telegram-token"


@pytest.fixture
def telegram_api() -> Iterator[FakeTelegramAPI]:
    """A fake Telegram Bot API server on a free loopback port."""
    api = FakeTelegramAPI(TELEGRAM_TOKEN)
    with serve_app(api.app) as base_url:
        api.port = int(base_url.rsplit(":", 1)[1])
        yield api


@pytest.fixture
def telegram_engine() -> ScriptedEngine:
    """A scripted stand-in for the engine (protocol tests of the Telegram adapter)."""
    return ScriptedEngine()


@pytest.fixture
def telegram_webhook(
    settings: Settings, telegram_api: FakeTelegramAPI, telegram_engine: ScriptedEngine
) -> Iterator[tuple[str, Settings]]:
    """The Telegram adapter app in webhook mode on loopback: (base URL, settings)."""
    configured = telegram_settings(settings, telegram_api, secret=WEBHOOK_SECRET)
    with serve_app(adapter_app(configured, telegram_engine)) as base_url:
        yield base_url, configured


@pytest.fixture
def telegram_polling(
    settings: Settings, telegram_api: FakeTelegramAPI, telegram_engine: ScriptedEngine
) -> Iterator[str]:
    """The Telegram adapter app in polling mode (no webhook secret): its base URL."""
    configured = telegram_settings(settings, telegram_api)
    with serve_app(adapter_app(configured, telegram_engine)) as base_url:
        yield base_url
