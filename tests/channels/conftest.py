"""Fixtures of the channel tests (Telegram fixtures are named telegram_*)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.channels.fake_telegram_api import FakeTelegramAPI
from tests.channels.telegram_fixtures import serve_in_thread
from tests.channels.wechat_fixtures import (  # noqa: F401  (WeChat / WeCom fixtures)
    wechat_app,
    wechat_fake_api,
    wechat_settings,
)

TELEGRAM_TOKEN = "123456:TEST-fake-telegram-token"


@pytest.fixture
def telegram_api() -> Iterator[FakeTelegramAPI]:
    """A fake Telegram Bot API server on a free loopback port."""
    api = FakeTelegramAPI(TELEGRAM_TOKEN)
    with serve_in_thread(api.app) as base_url:
        api.port = int(base_url.rsplit(":", 1)[1])
        yield api
