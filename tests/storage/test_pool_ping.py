"""Pooled PostgreSQL connections are pinged only after sitting idle (storage/pool_ping.py):
none of a busy worker's checkouts costs a round trip, and a connection the server dropped while
it was idle is replaced before a statement is sent on it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, text

from storage import pool_ping
from storage.db import make_engine


@pytest.fixture
def pinged(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every ping the dialect sends (the driver connection), recorded and then sent."""
    from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg

    sent: list[Any] = []
    real = PGDialect_psycopg.do_ping

    def counting(self: Any, dbapi_connection: Any) -> bool:
        sent.append(dbapi_connection)
        return bool(real(self, dbapi_connection))

    monkeypatch.setattr(PGDialect_psycopg, "do_ping", counting)
    return sent


@pytest.fixture
def engine_of(postgres_url: str) -> Iterator[Any]:
    """make_engine(postgres_url) with the idle limit given (disposed after the test)."""
    made: list[Engine] = []

    def make(idle_s: float, monkeypatch: pytest.MonkeyPatch) -> Engine:
        monkeypatch.setattr(pool_ping, "PING_AFTER_IDLE_S", idle_s)
        made.append(make_engine(postgres_url))
        return made[-1]

    yield make
    for engine in made:
        engine.dispose()


def backend_pid(engine: Engine) -> int:
    """One statement on a pooled connection: its server process id."""
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())


@pytest.mark.parametrize("checkouts", [2, 5, 20])
def test_busy_checkouts_send_no_ping(
    engine_of: Any, pinged: list[Any], monkeypatch: pytest.MonkeyPatch, checkouts: int
) -> None:
    engine = engine_of(30.0, monkeypatch)
    pids = {backend_pid(engine) for _ in range(checkouts)}
    assert pinged == [] and len(pids) == 1  # one pooled connection, reused, never pinged


@pytest.mark.parametrize("rounds", [1, 3])
def test_idle_connection_is_pinged_once_per_checkout(
    engine_of: Any, pinged: list[Any], monkeypatch: pytest.MonkeyPatch, rounds: int
) -> None:
    engine = engine_of(0.05, monkeypatch)
    first = backend_pid(engine)  # opened by this checkout: no ping
    assert pinged == []
    for done in range(1, rounds + 1):
        time.sleep(0.1)
        assert backend_pid(engine) == first
        assert len(pinged) == done


@pytest.mark.parametrize("idle_s", [0.05, 0.2])
def test_connection_dropped_while_idle_is_replaced(
    engine_of: Any, pinged: list[Any], monkeypatch: pytest.MonkeyPatch, idle_s: float
) -> None:
    engine = engine_of(idle_s, monkeypatch)
    dropped = backend_pid(engine)
    killer = make_engine(engine.url.render_as_string(hide_password=False))
    try:
        with killer.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": dropped})
    finally:
        killer.dispose()
    time.sleep(idle_s * 2)
    assert backend_pid(engine) != dropped  # the ping failed and the pool connected anew
    assert len(pinged) == 1


def test_sqlite_engine_has_no_ping(tmp_path: Any, pinged: list[Any]) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        for _ in range(3):
            with engine.connect() as connection:
                assert connection.execute(text("SELECT 1")).scalar_one() == 1
    finally:
        engine.dispose()
    assert pinged == []
