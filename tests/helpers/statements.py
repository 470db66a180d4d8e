"""Counting what reaches the database: `counted(engine)` gathers the statements (through
SQLAlchemy's execution layer or `storage.direct`'s prebuilt ones: their first word), the
transactions begun and the commits sent through a SQLAlchemy engine meanwhile; `commits(db)`
each COMMIT with the `synchronous_commit` in force inside it and the tables it wrote, and each
plain chat turn's one statement (`storage.turn_write`) with the tables it names. On PostgreSQL
each statement, BEGIN and COMMIT is one round trip (nothing is pipelined)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from storage.db import Database
from storage.direct import STATEMENT_LISTENERS

PLAIN_MARK = "set_config('synchronous_commit', 'off', true)"  # a plain turn's statement
WRITE = re.compile(r"^\s*(INSERT INTO|UPDATE|DELETE FROM)\s+(\w+)", re.IGNORECASE)


def round_trips(seen: dict[str, list[str]]) -> int:
    """Round trips on PostgreSQL: each statement, each BEGIN and each COMMIT."""
    return len(seen["statements"]) + len(seen["transactions"]) + len(seen["commits"])


@contextmanager
def counted(engine: Any) -> Iterator[dict[str, list[str]]]:
    """Statements (through SQLAlchemy's execution layer or `storage.direct`'s prebuilt ones),
    transactions (begun, whether committed or not; not an autocommit connection's, which sends
    no BEGIN) and commits sent through a SQLAlchemy engine meanwhile."""
    seen: dict[str, list[str]] = {"statements": [], "transactions": [], "commits": []}

    def on_statement(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        seen["statements"].append(statement.split(None, 1)[0].upper())

    def on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
            seen["transactions"].append("BEGIN")  # autocommit: no BEGIN reaches the server

    def on_commit(_conn: Any) -> None:
        seen["commits"].append("COMMIT")

    listeners: list[tuple[str, Callable[..., Any]]] = [
        ("before_cursor_execute", on_statement),
        ("begin", on_begin),
        ("commit", on_commit),
    ]

    def on_direct(statement: str) -> None:
        seen["statements"].append(statement.split(None, 1)[0].upper())

    for name, listener in listeners:
        event.listen(engine, name, listener)
    STATEMENT_LISTENERS.append(on_direct)
    try:
        yield seen
    finally:
        STATEMENT_LISTENERS.remove(on_direct)
        for name, listener in listeners:
            event.remove(engine, name, listener)


@contextmanager
def commits(db: Database) -> Iterator[dict[str, list[Any]]]:
    """Every COMMIT sent meanwhile as (synchronous_commit inside it, the tables it wrote), and
    every plain-turn statement (autocommit: no COMMIT of its own) with the tables it names."""
    seen: dict[str, list[Any]] = {"commits": [], "plain": []}
    pending: list[str] = []

    def on_sql(sql: str) -> None:
        if PLAIN_MARK in sql:
            seen["plain"].append(set(re.findall(r"(?:UPDATE|INSERT INTO)\s+(\w+)", sql)))
        elif found := WRITE.match(sql):
            pending.append(f"{found[1].split()[0].upper()} {found[2]}")

    def on_statement(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        on_sql(statement)

    def on_commit(conn: Any) -> None:
        cursor = conn.connection.dbapi_connection.cursor()
        cursor.execute("SHOW synchronous_commit")
        setting = cursor.fetchone()[0]
        cursor.close()
        seen["commits"].append((setting, sorted(set(pending))))
        pending.clear()

    event.listen(db.engine, "before_cursor_execute", on_statement)
    event.listen(db.engine, "commit", on_commit)
    STATEMENT_LISTENERS.append(on_sql)
    try:
        yield seen
    finally:
        STATEMENT_LISTENERS.remove(on_sql)
        event.remove(db.engine, "commit", on_commit)
        event.remove(db.engine, "before_cursor_execute", on_statement)
