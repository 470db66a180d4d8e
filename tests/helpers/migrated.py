"""Fresh SQLite databases copied from one migrated template instead of migrated per test.

Running the Alembic migrations on a new SQLite file takes 0.2–0.8 s on the 2-core machine, and
thousands of tests open a fresh database (every app started, every engine, every store test).
`template_migrations(dir)` returns a stand-in for `storage.db.run_migrations`: a brand-new
SQLite file (no file, no -wal or -shm beside it) gets the bytes of a template migrated once by
the real `run_migrations`, so its schema and alembic_version are exactly the migrations'. Any
other database (an existing SQLite file, PostgreSQL, in-memory) runs the real migrations.
Processes the tests start (`policybot serve`, the CLI) always migrate for real.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

_lock = threading.Lock()


def _fresh_sqlite_file(engine: Engine) -> Path | None:
    """The path of an SQLite database that does not exist yet, else None."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    path = Path(database)
    siblings = (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
    return None if any(p.exists() for p in siblings) else path


def template_migrations(
    directory: Path, real: Callable[[Engine], None]
) -> Callable[[Engine], None]:
    """A `run_migrations(engine)` that copies `directory`/template.sqlite3 (migrated on first
    use by `real`) into a brand-new SQLite file, and calls `real` for any other database."""
    from storage.db import make_engine

    template = directory / "template.sqlite3"

    def run_migrations(engine: Engine) -> None:
        path = _fresh_sqlite_file(engine)
        if path is None:
            real(engine)
            return
        with _lock:
            if not template.exists():
                building = directory / "building.sqlite3"
                template_engine = make_engine(f"sqlite:///{building}")
                try:
                    real(template_engine)
                finally:
                    template_engine.dispose()  # the last connection checkpoints the WAL
                building.rename(template)
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, path)

    return run_migrations
