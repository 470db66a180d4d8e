"""Database engine, sessions and automatic Alembic migrations."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

from core.settings import Settings
from storage.pool_ping import ping_after_idle

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_migrate_lock = threading.Lock()
# PostgreSQL connections kept open per process: more than the threads that may hold one at
# once in normal traffic (a worker's chat turns, `web.chat_turn.PG_ENGINE_THREADS`, plus the other
# routes' threads). A pool smaller than that closed every connection returned above it and
# opened a new one for the next request (one in 20 checkouts under 32 clients: a backend
# started and authenticated each time). The cap (pool + overflow) is unchanged.
PG_POOL_SIZE = 16
PG_MAX_OVERFLOW = 34


def _enable_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL for concurrent readers, foreign keys on, and a busy timeout instead of errors."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """Create an engine for SQLite (file under the data dir) or PostgreSQL."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _enable_sqlite_pragmas)
        return engine
    # no pool_pre_ping: a ping per checkout was two of a turn's seven round trips; only a
    # connection idle in the pool for a while is pinged (storage/pool_ping.py)
    engine = create_engine(url, pool_size=PG_POOL_SIZE, max_overflow=PG_MAX_OVERFLOW)
    ping_after_idle(engine)
    return engine


def run_migrations(engine: Engine) -> None:
    """Apply every Alembic migration up to head on this engine."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with _migrate_lock, engine.begin() as connection:
        if connection.dialect.name == "postgresql":  # instances starting together: one migrates
            from storage.locks import lock_key

            key = lock_key("policybot-migrations")
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class Database:
    """The engine plus a session factory; migrations are applied on open."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        if migrate:
            run_migrations(self.engine)
        self.sessionmaker = sessionmaker(self.engine, expire_on_commit=False)
        # Reads of one statement need no transaction of their own: on PostgreSQL, autocommit
        # saves the BEGIN and the COMMIT round trips (the statement still reads one snapshot).
        self._autocommit_engine = self.engine.execution_options(isolation_level="AUTOCOMMIT")
        self._read_engine = self.engine if self.is_sqlite else self._autocommit_engine

    @property
    def is_sqlite(self) -> bool:
        """True when the backing store is SQLite."""
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session committed on success and rolled back on error."""
        session = self.sessionmaker()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A Core connection (no ORM session) for one read statement, returned to the pool
        after the block. PostgreSQL: autocommit, so no BEGIN/COMMIT is sent; SQLite: its
        implicit read transaction (a SELECT opens none in the driver). Nothing may be
        written through it (on PostgreSQL each write would commit on its own)."""
        with self._read_engine.connect() as connection:
            yield connection

    @contextmanager
    def statement(self) -> Iterator[Connection]:
        """A Core connection on which each statement is its own transaction (PostgreSQL:
        autocommit, no BEGIN/COMMIT round trips; SQLite: the driver's autocommit), for a
        write that is one statement (`storage.turn_write`: a plain chat turn)."""
        with self._autocommit_engine.connect() as connection:
            yield connection

    @contextmanager
    def writing(self) -> Iterator[tuple[Connection, Session]]:
        """One write transaction on a Core connection, committed on success and rolled back on
        error, with an ORM session joined to it for the writes that need one (its work is
        flushed before the commit; it never commits the transaction itself). A session that
        was never used costs nothing at the end: a chat turn's common writes are Core
        statements, and `session()`'s commit bookkeeping was a tenth of a cached turn."""
        with self.engine.begin() as connection:
            session = Session(bind=connection, expire_on_commit=False)
            try:
                yield connection, session
                if session.in_transaction():
                    session.commit()  # flush; the connection's transaction commits below
            finally:
                session.close()

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_database(settings: Settings, *, migrate: bool = True) -> Database:
    """Open the database named by the settings (SQLite by default)."""
    return Database(settings.resolved_database_url, migrate=migrate)
