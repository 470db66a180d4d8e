"""Checking a pooled PostgreSQL connection before use only when it sat idle in the pool.

SQLAlchemy's `pool_pre_ping` sends `SELECT 1` on every checkout: a chat turn checks out twice
(its read, then its write), so two of its seven round trips to the server were pings. A
connection that went back to the pool less than `PING_AFTER_IDLE_S` ago was just used
successfully; only one that sat idle longer (when a server restart, a failover or an idle
timeout on the way may have dropped it) is pinged, and replaced when the ping fails (the pool
opens a new connection: `DisconnectionError`). A connection opened by this checkout is not
pinged at all.

What it gives up: a connection dropped by the server within `PING_AFTER_IDLE_S` of its last
use fails the statement sent on it, as it would have failed mid-request anyway; SQLAlchemy then
invalidates it and every connection pooled before it, so the next checkouts connect anew.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DisconnectionError

PING_AFTER_IDLE_S = 10.0
CHECKED_IN = "policybot_checked_in"  # ConnectionRecord.info key: time.monotonic() at checkin


def ping_after_idle(engine: Engine, idle_s: float | None = None) -> None:
    """Ping `engine`'s pooled connections on checkout only after `idle_s` seconds idle
    (default `PING_AFTER_IDLE_S`); a failed ping makes the pool connect anew."""
    limit = PING_AFTER_IDLE_S if idle_s is None else idle_s
    dialect = engine.dialect

    def stamp(_dbapi_connection: Any, record: Any) -> None:
        if record is not None:
            record.info[CHECKED_IN] = time.monotonic()

    def check(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        since = record.info.pop(CHECKED_IN, None)
        if since is None or time.monotonic() - since < limit:
            return  # opened by this checkout, or used a moment ago
        try:
            dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error as exc:  # the driver's error: the connection is gone?
            if dialect.is_disconnect(exc, dbapi_connection, None) or _closed(dbapi_connection):
                raise DisconnectionError(f"pooled connection dropped while idle: {exc}") from exc
            raise

    event.listen(engine, "checkin", stamp)
    event.listen(engine, "checkout", check)


def _closed(dbapi_connection: Any) -> bool:
    """The driver connection says it is closed (psycopg: `closed`)."""
    return bool(getattr(dbapi_connection, "closed", False))
