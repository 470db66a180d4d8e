"""Named locks held by one process at a time: PostgreSQL advisory locks, or a file lock.

On PostgreSQL the lock belongs to a dedicated connection (TCP keepalives on), so it is released
by the server as soon as the holder dies or its machine drops off the network: another instance
can then take it. On SQLite (one machine) an `flock` on a file in the data directory does the
same for the processes of that machine.
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:  # storage.db takes the migration lock from here at run time
    from storage.db import Database

log = logging.getLogger(__name__)
KEEPALIVE: dict[str, Any] = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
}


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for `name` (pg_advisory_lock takes a bigint)."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


class HeldLock:
    """A lock this process holds: `alive()` tells whether it still does, `release()` frees it."""

    def __init__(self, name: str, *, connection: Any = None, handle: IO[bytes] | None = None):
        self.name = name
        self._connection = connection
        self._handle = handle

    def alive(self) -> bool:
        """True while the lock is held (for PostgreSQL: the connection still answers)."""
        if self._handle is not None:
            return not self._handle.closed
        if self._connection is None or self._connection.closed:
            return False
        try:
            self._connection.execute("SELECT 1")
            return True
        except Exception:
            log.warning("lock %s: database connection lost; the lock is gone", self.name)
            return False

    def release(self) -> None:
        """Free the lock (closing the connection or the file releases it)."""
        if self._handle is not None:
            self._handle.close()
        if self._connection is not None:
            try:
                self._connection.close()
            except Exception:
                log.debug("lock %s: close failed", self.name, exc_info=True)


def try_lock(db: Database | None, name: str, data_dir: Path) -> HeldLock | None:
    """Take the lock `name` without waiting; None when another process holds it.

    `db` is a storage.db.Database: PostgreSQL → advisory lock; SQLite (or None: no database)
    → file lock in data_dir.
    """
    if db is not None and not db.is_sqlite:
        return _try_advisory(db, name)
    return _try_file(data_dir, name)


def _try_advisory(db: Database, name: str) -> HeldLock | None:
    import psycopg

    url = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    connection = psycopg.connect(url, autocommit=True, connect_timeout=10, **KEEPALIVE)
    try:
        row = connection.execute("SELECT pg_try_advisory_lock(%s)", (lock_key(name),)).fetchone()
    except Exception:
        connection.close()
        raise
    if not row or not row[0]:
        connection.close()
        return None
    return HeldLock(name, connection=connection)


def _try_file(data_dir: Path, name: str) -> HeldLock | None:
    data_dir.mkdir(parents=True, exist_ok=True)
    handle = (data_dir / f"{name}.lock").open("wb")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return HeldLock(name, handle=handle)
