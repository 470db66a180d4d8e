"""The Alembic migrations produce exactly the models' schema, on SQLite and PostgreSQL; and
`policybot migrate --new` writes the next numbered migration from the models' difference."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from core.settings import Settings
from storage.db import MIGRATIONS_DIR, open_database
from storage.models import Base
from storage.revisions import new_revision, next_revision_id


def schema_diff(settings: Settings, metadata: sa.MetaData) -> list[Any]:
    """Alembic's differences between the migrated database and `metadata` (types and server
    defaults compared too)."""
    db = open_database(settings)
    try:
        with db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": True}
            )
            return list(compare_metadata(context, metadata))
    finally:
        db.dispose()


def test_migrations_produce_the_models_schema(empty_db_settings: Settings) -> None:
    assert schema_diff(empty_db_settings, Base.metadata) == []


def test_schema_diff_sees_a_column_the_migrations_lack(settings: Settings) -> None:
    metadata = sa.MetaData()
    for table in Base.metadata.sorted_tables:
        table.to_metadata(metadata)
    metadata.tables["banks"].append_column(sa.Column("colour", sa.String(16)))
    diff = schema_diff(settings, metadata)
    assert [(d[0], d[2], d[3].name) for d in diff] == [("add_column", "banks", "colour")]


def test_next_revision_id_numbers_after_the_highest(tmp_path: Path) -> None:
    for name in ("0001_a.py", "0009_b.py", "__init__.py", "notes.txt"):
        (tmp_path / name).write_text("")
    assert next_revision_id(tmp_path, "Add bank colour!") == "0010_add_bank_colour"
    assert next_revision_id(tmp_path, "新增字段") == "0010_change"
    assert len(next_revision_id(tmp_path, "x" * 80)) == len("0010_") + 24


def test_new_revision_writes_the_next_migration_after_head(tmp_path: Path) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    config = Config()
    config.set_main_option("script_location", str(migrations))
    head = ScriptDirectory.from_config(config).get_current_head()
    files = sorted(p.name for p in (migrations / "versions").glob("0*.py"))
    number = int(files[-1][:4]) + 1
    path = new_revision(
        f"sqlite:///{tmp_path / 'db.sqlite3'}", "Add widget colour", migrations_dir=migrations
    )
    assert path.name == f"{number:04d}_add_widget_colour.py"
    text = path.read_text(encoding="utf-8")
    assert f"revision = '{number:04d}_add_widget_colour'" in text
    assert f"down_revision = '{head}'" in text
    assert "op." not in text.split("def upgrade")[1]  # the models match: nothing to do
