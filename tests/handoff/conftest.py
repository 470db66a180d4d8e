"""Handoff fixtures: the full app (real engine and answerer) with staff accounts, staff clients."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from core.settings import Settings
from tests.helpers.staff import StaffClient
from tests.live_server import LiveServer


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with small costs, as in the back-office tests."""
    from argon2 import PasswordHasher

    import storage.staff

    monkeypatch.setattr(storage.staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def start_app(app_server: Callable[..., LiveServer]) -> Callable[[Settings], LiveServer]:
    """Start the full app (session answerer) on given settings with staff accounts."""

    def start(settings: Settings) -> LiveServer:
        return app_server(settings, staff=True)

    return start


@pytest.fixture
def live(app_settings: Settings, start_app: Callable[[Settings], LiveServer]) -> LiveServer:
    """The full app on a fresh SQLite database, office always open (no after-hours notice)."""
    settings = app_settings.model_copy(update={"office_hours": "每天 0:00-24:00"})
    return start_app(settings)


@pytest.fixture
def staff_client(live: LiveServer) -> Iterator[Callable[[str], StaffClient]]:
    """Signed-in staff clients on `live`, one per username asked for."""
    clients: list[StaffClient] = []

    def make(username: str, base_url: str | None = None) -> StaffClient:
        client = StaffClient(base_url or live.url, username)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.http.close()
