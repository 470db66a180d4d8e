"""Prebuilt Core statements sent straight to the DBAPI cursor of a SQLAlchemy connection.

A chat turn's three statements (`storage.turn_start`, `storage.conversations`) run thousands
of times a minute with the same shape. `Prebuilt(statement)` compiles one once per dialect
with SQLAlchemy (the same SQL text, bind casts and bind processors — JSON, `UtcDateTime` —
that `Connection.execute` would send) and then executes it on the connection's DBAPI cursor,
skipping the per-execution layer (compiled-cache lookup, execution context, result metadata):
on SQLite a turn's read and write took 0.95 ms CPU through `Connection.execute` and 0.3 ms
this way (micro-benchmark, 2,000 turns).

The connection, its transaction and its pool stay SQLAlchemy's (`Database.reading()`,
`Database.writing()`); statements sent this way join that transaction. Driver errors are
raised as SQLAlchemy's (`sqlalchemy.exc.DBAPIError` subclasses: `OperationalError`,
`IntegrityError`…), a connection the driver reports dropped is invalidated first.
`STATEMENT_LISTENERS` get every SQL text sent (tests count a turn's statements with them and
with SQLAlchemy's `before_cursor_execute`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError

STATEMENT_LISTENERS: list[Callable[[str], None]] = []
# The pooled connection's `info` key of its cursors, one per statement's SQL, kept for the
# connection's life (SQLAlchemy clears `info` when the connection is closed or invalidated): a
# turn's statements reuse their cursor, and with it psycopg's adaptation set-up (a Transformer
# and its dumpers per cursor).
CURSORS = "policybot_cursors"


@dataclass(frozen=True)
class Compiled:
    """One statement compiled for one dialect: the SQL text, the bind names in order (None:
    the driver takes named parameters), each bind's processor, the binds' fixed values, and
    the selected columns' result processors (None where the driver's value is kept)."""

    sql: str
    order: tuple[str, ...] | None
    processors: Mapping[str, Callable[[Any], Any]]
    fixed: Mapping[str, Any]
    results: tuple[Callable[[Any], Any] | None, ...]

    def parameters(self, values: Mapping[str, Any]) -> Sequence[Any] | dict[str, Any]:
        """The driver's parameters for `values` (each bind processed as SQLAlchemy would)."""
        merged = {**self.fixed, **values}
        for name, process in self.processors.items():
            merged[name] = process(merged[name])
        if self.order is None:
            return merged
        return [merged[name] for name in self.order]

    def row(self, raw: Sequence[Any]) -> tuple[Any, ...]:
        """A result row with each column's result processor applied."""
        return tuple(
            value if process is None or value is None else process(value)
            for process, value in zip(self.results, raw, strict=True)
        )


class Prebuilt:
    """A Core statement (SELECT, or DML with or without RETURNING) compiled once per dialect
    and run on the DBAPI cursor (see the module docstring)."""

    def __init__(self, statement: Any) -> None:
        self.statement = statement
        self._compiled: dict[str, Compiled] = {}

    def compiled(self, dialect: Dialect) -> Compiled:
        """The statement compiled for `dialect` (done on first use)."""
        found = self._compiled.get(dialect.name)
        if found is None:
            found = self._compiled[dialect.name] = compile_for(self.statement, dialect)
        return found

    def execute(self, connection: Connection, values: Mapping[str, Any]) -> Any:
        """Send the statement on `connection` (in its transaction); the DBAPI cursor, which
        belongs to the connection (`CURSORS`): read it, never close it."""
        compiled = self.compiled(connection.dialect)
        parameters = compiled.parameters(values)
        for listener in STATEMENT_LISTENERS:
            listener(compiled.sql)
        pooled = connection.connection
        dbapi_connection = pooled.dbapi_connection
        assert dbapi_connection is not None  # a live, checked-out connection
        cursors = pooled.info.setdefault(CURSORS, {})
        cursor = cursors.get(compiled.sql)
        if cursor is None:
            cursor = cursors[compiled.sql] = dbapi_connection.cursor()
        try:
            cursor.execute(compiled.sql, parameters)
        except connection.dialect.loaded_dbapi.Error as exc:
            del cursors[compiled.sql]
            cursor.close()
            if connection.dialect.is_disconnect(exc, dbapi_connection, cursor):
                connection.invalidate(exc)
            error = connection.dialect.loaded_dbapi.Error
            raise DBAPIError.instance(compiled.sql, parameters, exc, error) from exc
        return cursor

    def rows(self, connection: Connection, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """Every row the statement returns (its result processors applied)."""
        cursor = self.execute(connection, values)
        compiled = self.compiled(connection.dialect)
        return [compiled.row(raw) for raw in cursor.fetchall()]

    def rowcount(self, connection: Connection, values: Mapping[str, Any]) -> int:
        """The number of rows a DML statement without RETURNING matched."""
        return int(self.execute(connection, values).rowcount)


def compile_for(statement: Any, dialect: Dialect) -> Compiled:
    """`statement` compiled for `dialect`, with what `Prebuilt` needs to run it by hand."""
    compiled = statement.compile(dialect=dialect)
    if compiled.escaped_bind_names or compiled.post_compile_params:
        raise ValueError("prebuilt statements take plain bind parameters only")
    fixed = {
        name: value
        for name, value in compiled.construct_params(_check=False).items()
        if value is not None
    }
    order = tuple(compiled.positiontup) if compiled.positional else None
    columns = statement.exported_columns  # a SELECT's columns, or what RETURNING gives
    results = tuple(column.type.result_processor(dialect, None) for column in columns)
    return Compiled(compiled.string, order, dict(compiled._bind_processors), fixed, results)
