"""Handoff fixtures: the full app (real engine and answerer) with staff accounts, staff clients."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from core.settings import Settings
from tests.admin.conftest import csrf_of, login, seed_staff
from tests.live_server import LiveServer

HANDOFF_LINK = re.compile(r'href="/admin/handoffs/(\d+)"')


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with small costs, as in the back-office tests."""
    from argon2 import PasswordHasher

    import storage.staff

    monkeypatch.setattr(storage.staff, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024))


@pytest.fixture
def start_app(answerer: Any) -> Iterator[Callable[[Settings], LiveServer]]:
    """Start the full app on given settings with staff accounts; stopped after the test."""
    from server import create_app

    servers: list[LiveServer] = []

    def start(settings: Settings) -> LiveServer:
        seed_staff(settings)
        server = LiveServer(create_app(settings, answerer=answerer)).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def live(app_settings: Settings, start_app: Callable[[Settings], LiveServer]) -> LiveServer:
    """The full app on a fresh SQLite database, office always open (no after-hours notice)."""
    settings = app_settings.model_copy(update={"office_hours": "每天 0:00-24:00"})
    return start_app(settings)


class StaffClient:
    """A signed-in back-office user driving the handoff pages over HTTP."""

    def __init__(self, base_url: str, username: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=30, follow_redirects=False)
        assert login(self.http, username).status_code == 303

    def handoff_ids(self) -> list[int]:
        page = self.http.get("/admin/handoffs")
        assert page.status_code == 200, page.text
        return [int(i) for i in HANDOFF_LINK.findall(page.text)]

    def detail(self, handoff_id: int) -> str:
        page = self.http.get(f"/admin/handoffs/{handoff_id}")
        assert page.status_code == 200, page.text
        return page.text

    def post(self, handoff_id: int, action: str, **fields: str) -> httpx.Response:
        token = csrf_of(self.detail(handoff_id))
        return self.http.post(
            f"/admin/handoffs/{handoff_id}/{action}", data={**fields, "csrf_token": token}
        )


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
