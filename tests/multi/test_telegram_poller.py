"""One Telegram poller across instances (PostgreSQL advisory lock) and the take-over on a crash."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.channels.telegram.fake_api import FakeTelegramAPI
from tests.channels.telegram.fixtures import user_message
from tests.helpers.instances import Instance, wait_for
from tests.live_server import serve_app

pytestmark = pytest.mark.postgres
TOKEN = "424242:MULTI-instance-fake-token"
POLLING = "started (polling)"


class CountingTelegramAPI(FakeTelegramAPI):
    """The fake Bot API, also tracking how many getUpdates calls are in flight at once.

    The real API answers 409 Conflict to a second concurrent poller; here the overlap is counted.
    """

    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.in_flight = 0
        self.max_in_flight = 0
        self._count_lock = threading.Lock()

    async def _m_getUpdates(self, params: dict[str, Any]) -> Any:
        with self._count_lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await super()._m_getUpdates(params)
        finally:
            with self._count_lock:
                self.in_flight -= 1


@pytest.fixture
def counting_api() -> Iterator[CountingTelegramAPI]:
    """The counting fake Bot API on a free loopback port."""
    api = CountingTelegramAPI(TOKEN)
    with serve_app(api.app) as base_url:
        api.port = int(base_url.rsplit(":", 1)[1])
        yield api


def test_only_one_instance_polls_and_another_takes_over_after_kill_9(
    cluster: Callable[..., list[Instance]], counting_api: CountingTelegramAPI
) -> None:
    instances = cluster(
        2,
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_BASE_URL=counting_api.base_url,
        TELEGRAM_WEBHOOK_SECRET="",
    )
    poller = wait_for(
        lambda: next((i for i in instances if POLLING in i.log()), None), 60, "a poller"
    )
    standby = next(i for i in instances if i is not poller)
    counting_api.enqueue(user_message(501, "/start"))
    counting_api.wait_until(lambda: counting_api.sent(501), timeout=60)
    time.sleep(3)  # several long-poll rounds: a second poller would overlap
    assert counting_api.max_in_flight == 1
    assert POLLING not in standby.log() and "stands by" in standby.log()

    poller.kill()
    killed_at = time.monotonic()
    counting_api.enqueue(user_message(502, "/start"))
    counting_api.wait_until(lambda: counting_api.sent(502), timeout=30)
    assert time.monotonic() - killed_at < 30
    assert POLLING in standby.log()
    assert counting_api.max_in_flight == 1
