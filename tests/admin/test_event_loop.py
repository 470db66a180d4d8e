"""The back office never blocks the event loop: a status change waiting on a PostgreSQL row lock
leaves the same worker's chat and SSE answers as fast as ever."""

from __future__ import annotations

import inspect
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from fastapi.routing import APIRoute

from core.settings import Settings
from tests.bot.engine_support import FakeAnswerer
from tests.helpers.staff import csrf_of, login, seed_requests
from tests.live_server import LiveServer

pytestmark = pytest.mark.postgres

FAST_S = 2.0  # an offline answer takes milliseconds; the lock is held far longer


@pytest.fixture
def pg_settings(data_dir: Path, postgres_url: str) -> Settings:
    """App settings on a fresh PostgreSQL database."""
    return Settings(
        _env_file=None,
        POLICYBOT_DATA_DIR=data_dir,  # type: ignore[call-arg]
        DATABASE_URL=postgres_url,
        RATE_LIMIT_CHAT="0",
    )


class RowLock:
    """A financing request's row locked from outside the app (another officer saving it)."""

    def __init__(self, url: str) -> None:
        self.conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))

    def hold(self, request_id: int) -> None:
        """Take the row lock (the transaction stays open)."""
        self.conn.execute(
            "SELECT id FROM financing_requests WHERE id = %s FOR UPDATE", (request_id,)
        )

    def release(self) -> None:
        """End the transaction, releasing the lock."""
        self.conn.rollback()


@pytest.fixture
def row_lock(postgres_url: str) -> Iterator[RowLock]:
    """A row lock released at the latest when the test ends."""
    lock = RowLock(postgres_url)
    yield lock
    lock.release()
    lock.conn.close()


def waiting_on_a_lock(postgres_url: str) -> bool:
    """True when some session of the app waits for a row lock on financing_requests."""
    with psycopg.connect(postgres_url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        rows = conn.execute(
            "SELECT query FROM pg_stat_activity "
            "WHERE wait_event_type = 'Lock' AND datname = current_database()"
        ).fetchall()
    return any("financing_requests" in query for (query,) in rows)


def stream_done(client: httpx.Client, text: str) -> str:
    """POST /api/chat/stream and read the events until `done`; the text of the message events."""
    seen = []
    with client.stream("POST", "/api/chat/stream", json={"text": text}) as response:
        assert response.status_code == 200
        for line in response.iter_lines():
            seen.append(line)
            if line.startswith("event: done"):
                break
    return "\n".join(seen)


def test_status_change_waiting_on_a_row_lock_leaves_chat_and_sse_answering(
    pg_settings: Settings,
    start_admin: Callable[..., LiveServer],
    row_lock: RowLock,
    postgres_url: str,
) -> None:
    server = start_admin(pg_settings, answerer=FakeAnswerer())
    seeded = seed_requests(pg_settings)
    officer = httpx.Client(base_url=server.url, timeout=60, follow_redirects=False)
    assert login(officer, "coord").status_code == 303
    token = csrf_of(officer.get(f"/admin/requests/{seeded.unpushed}").text)
    row_lock.hold(seeded.unpushed)  # another officer is saving the same request

    outcome: dict[str, httpx.Response] = {}
    form = {"csrf_token": token, "target": "reviewing", "from_status": "submitted", "note": "审核"}
    saver = threading.Thread(
        target=lambda: outcome.update(
            saved=officer.post(f"/admin/requests/{seeded.unpushed}/status", data=form)
        )
    )
    saver.start()
    deadline = time.monotonic() + 20
    while not waiting_on_a_lock(postgres_url):
        assert time.monotonic() < deadline, "the status change never reached the row lock"
        time.sleep(0.05)

    with httpx.Client(base_url=server.url, timeout=FAST_S * 3) as owner:
        for question in ("科技贷申请条件", "信用修复怎么办"):
            started = time.monotonic()
            answer = owner.post("/api/chat", json={"text": question})
            assert answer.status_code == 200 and answer.json()["messages"]
            assert time.monotonic() - started < FAST_S
            started = time.monotonic()
            assert "event: message" in stream_done(owner, question)
            assert time.monotonic() - started < FAST_S
        assert owner.get("/healthz").status_code == 200
    assert saver.is_alive() and "saved" not in outcome  # still waiting for the lock

    row_lock.release()
    saver.join(30)
    officer.close()
    assert outcome["saved"].status_code == 303


def api_routes(router: Any) -> Iterator[APIRoute]:
    """Every APIRoute of a router, through the routers it includes."""
    for route in router.routes:
        if isinstance(route, APIRoute):
            yield route
        elif hasattr(route, "original_router"):  # an included router
            yield from api_routes(route.original_router)


def test_every_back_office_handler_runs_in_the_thread_pool() -> None:
    from admin.routes import router

    routes = list(api_routes(router))
    assert len(routes) > 30
    on_the_loop = [r.path for r in routes if inspect.iscoroutinefunction(r.endpoint)]
    assert on_the_loop == []
