"""Storage fixtures: an open database on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.settings import Settings
from storage.db import Database, open_database


@pytest.fixture
def db(db_settings: Settings) -> Iterator[Database]:
    """A migrated database (parametrized sqlite/postgres), disposed after the test."""
    database = open_database(db_settings)
    yield database
    database.dispose()
