"""Per-test PostgreSQL databases: migrated ones recycled, empty ones dropped behind.

On the 2-core machine `DROP DATABASE` takes 1–7 s (PostgreSQL 15 forces a checkpoint on each)
and migrating an empty database 0.6–1.7 s, against 0.1 s for `CREATE DATABASE … TEMPLATE` and
less for emptying every table. So a test still gets a database nobody else uses, but:
- `create(migrated=True)` gives a database at the migrations' head, exactly as fresh: a clone of
  a template the real migrations built once per session, or one a finished test released and
  `_recycle` emptied (every row but alembic_version's deleted, sequences restarted, after
  checking its schema is still the template's; a database whose schema a test changed is
  dropped instead);
- `create(migrated=False)` is an empty database, for tests of migrating itself or of instances
  migrating together; `release` hands it to a background thread that drops it;
- `close()` waits for the drops, then drops the recycled databases and the template.
"""

from __future__ import annotations

import queue
import sys
import threading
import time
import uuid
from typing import Any

import psycopg

from tests.helpers.services import PG_ADMIN_URL

ADMIN = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
BASE = PG_ADMIN_URL.rsplit("/", 1)[0]
BASE_PLAIN = ADMIN.rsplit("/", 1)[0]


def _fingerprint(conn: psycopg.Connection[Any]) -> tuple[Any, ...]:
    """What must not differ from the template: migration version, columns, indexes, constraints,
    sequences, types and functions of the public schema."""
    queries = (
        "SELECT version_num FROM alembic_version",
        "SELECT table_name, column_name, data_type, column_default, is_nullable"
        " FROM information_schema.columns WHERE table_schema = 'public'",
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
        " WHERE connamespace = 'public'::regnamespace",
        "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'",
        "SELECT typname FROM pg_type WHERE typnamespace = 'public'::regnamespace",
        "SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace",
    )
    return tuple(tuple(sorted(map(str, conn.execute(q).fetchall()))) for q in queries)


def _execute(sql: str) -> None:
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        conn.execute(sql)


class PgDatabases:
    """Databases named pb_<hex> on the local server (see the module docstring)."""

    def __init__(self) -> None:
        self._template: str | None = None
        self._shape: tuple[Any, ...] = ()
        self._free: list[str] = []
        self._lock = threading.Lock()
        self._drops: queue.Queue[str | None] = queue.Queue()
        self._dropper = threading.Thread(target=self._drop_loop, name="pg-dropper", daemon=True)
        self._dropper.start()

    def create(self, *, migrated: bool) -> str:
        """The SQLAlchemy URL of a new database: empty, or at the migrations' head."""
        name = f"pb_{uuid.uuid4().hex[:12]}"
        if not migrated:
            _execute(f'CREATE DATABASE "{name}"')
            return f"{BASE}/{name}"
        if self._free:
            return f"{BASE}/{self._free.pop()}"
        template = self._migrated_template()
        for attempt in range(50):  # the template's last connection may still be closing
            try:
                _execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
                break
            except psycopg.errors.ObjectInUse:
                if attempt == 49:
                    raise
                time.sleep(0.1)
        return f"{BASE}/{name}"

    def release(self, url: str, *, migrated: bool) -> None:
        """The test of `url` is over: recycle a migrated database, drop an empty one."""
        name = url.rsplit("/", 1)[1]
        if migrated and self._recycle(name):
            self._free.append(name)
        else:
            self._drops.put(name)

    def close(self) -> None:
        """Wait until every database handed over, recycled or the template is dropped."""
        for name in [*self._free, *([self._template] if self._template else [])]:
            self._drops.put(name)
        self._drops.put(None)
        self._dropper.join()

    def _recycle(self, name: str) -> bool:
        """Empty the database `name` back to a fresh migrated one; False when it cannot be."""
        try:
            _execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                f" WHERE datname = '{name}' AND pid <> pg_backend_pid()"
            )
            with psycopg.connect(f"{BASE_PLAIN}/{name}", autocommit=True) as conn:
                if _fingerprint(conn) != self._shape:
                    return False
                with conn.transaction():  # rows deleted in any order: no triggers, no FKs
                    conn.execute("SET LOCAL session_replication_role = replica")
                    for (table,) in conn.execute(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                        " AND tablename <> 'alembic_version'"
                    ).fetchall():
                        conn.execute(f'DELETE FROM "{table}"')
                    conn.execute(  # each sequence as new: its next value is its start
                        "SELECT setval(format('%I.%I', schemaname, sequencename), start_value,"
                        " false) FROM pg_sequences WHERE schemaname = 'public'"
                    )
            return True
        except Exception:  # anything odd: this database is dropped, a clone replaces it
            return False

    def _migrated_template(self) -> str:
        with self._lock:
            if self._template is None:
                from storage.db import Database

                url = self.create(migrated=False)
                Database(url).dispose()  # the real migrations, once
                self._template = url.rsplit("/", 1)[1]
                with psycopg.connect(f"{BASE_PLAIN}/{self._template}") as conn:
                    self._shape = _fingerprint(conn)
            return self._template

    def _drop_loop(self) -> None:
        while (name := self._drops.get()) is not None:
            try:
                _execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            except Exception as exc:  # a leftover database must not fail the test run
                print(f"could not drop test database {name}: {exc}", file=sys.stderr)
