"""Named cross-process locks: one holder, released when the holder's connection ends."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from core.settings import Settings
from storage.db import Database, open_database
from storage.locks import lock_key, try_lock


def database(url: str, data_dir: Path) -> Database:
    """A database handle on these settings."""
    settings = Settings(
        _env_file=None,
        DATABASE_URL=url,  # type: ignore[call-arg]
        POLICYBOT_DATA_DIR=data_dir,
    )
    return open_database(settings)


@pytest.mark.postgres
def test_advisory_lock_has_one_holder_and_passes_on_when_its_connection_dies(
    postgres_url: str, tmp_path: Path
) -> None:
    first_db = database(postgres_url, tmp_path / "a")
    second_db = database(postgres_url, tmp_path / "b")
    try:
        first = try_lock(first_db, "telegram-polling", tmp_path / "a")
        assert first is not None and first.alive()
        assert try_lock(second_db, "telegram-polling", tmp_path / "b") is None
        assert try_lock(second_db, "another-lock", tmp_path / "b") is not None
        # The holder's connection is cut (as when its machine drops off): the server frees it.
        admin = postgres_url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(admin, autocommit=True) as conn:
            holders = conn.execute(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
                "AND ((classid::bigint << 32) | objid::bigint) = %s",
                (lock_key("telegram-polling"),),
            ).fetchall()
            assert len(holders) == 1
            conn.execute("SELECT pg_terminate_backend(%s)", (holders[0][0],))
        assert not first.alive()
        second = try_lock(second_db, "telegram-polling", tmp_path / "b")
        assert second is not None
        second.release()
        first.release()
    finally:
        first_db.dispose()
        second_db.dispose()


def test_file_lock_has_one_holder_on_sqlite(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, POLICYBOT_DATA_DIR=tmp_path)  # type: ignore[call-arg]
    db = open_database(settings)
    try:
        first = try_lock(db, "telegram-polling", tmp_path)
        assert first is not None
        assert try_lock(db, "telegram-polling", tmp_path) is None
        first.release()
        again = try_lock(db, "telegram-polling", tmp_path)
        assert again is not None
        again.release()
    finally:
        db.dispose()
