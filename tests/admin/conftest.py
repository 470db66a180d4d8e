"""Back-office fixtures: the app on a free loopback port, staff accounts, seeded requests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import httpx
import pytest

from core.settings import Settings
from tests.helpers.staff import Seeded, StubAnswerer, login, seed_requests
from tests.live_server import LiveServer

if TYPE_CHECKING:
    from bot.answer_source import AnswerSource


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with small costs: the default parameters take ~0.4 s per hash on CI."""
    from argon2 import PasswordHasher

    import storage.staff

    monkeypatch.setattr(storage.staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def start_admin(app_server: Callable[..., LiveServer]) -> Callable[..., LiveServer]:
    """Start the app on given settings with staff seeded (no answerer unless given)."""

    def start(settings: Settings, answerer: AnswerSource | None = None) -> LiveServer:
        return app_server(settings, answerer or StubAnswerer(), staff=True)

    return start


@pytest.fixture
def admin_live(settings: Settings, start_admin: Callable[[Settings], LiveServer]) -> LiveServer:
    """The app on a fresh SQLite data dir with staff accounts."""
    return start_admin(settings)


@pytest.fixture
def seeded(settings: Settings, admin_live: LiveServer) -> Seeded:
    """Requests seeded into the running app's database."""
    return seed_requests(settings)


@pytest.fixture
def as_user(admin_live: LiveServer) -> Iterator[Callable[[str], httpx.Client]]:
    """Signed-in HTTP clients, one per username asked for."""
    clients: list[httpx.Client] = []

    def make(username: str) -> httpx.Client:
        client = httpx.Client(base_url=admin_live.url, timeout=30, follow_redirects=False)
        clients.append(client)
        assert login(client, username).status_code == 303
        return client

    yield make
    for client in clients:
        client.close()
