"""Writing a new Alembic migration: `policybot migrate --new "message"`.

The database named by the settings is first brought to head, then Alembic compares it with
the models (`storage.models.Base.metadata`) and writes the difference as
`storage/migrations/versions/<NNNN>_<slug>.py`, revision id `<NNNN>_<slug>` (NNNN: one more
than the highest number there; slug: the message's ASCII words, lower case, at most 24
characters, "change" when it has none), `down_revision` the current head. Read and edit the
file before committing it: autogenerate misses renames and data moves.
"""

from __future__ import annotations

import re
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from storage.db import MIGRATIONS_DIR, Database

SLUG_CHARS = 24


def next_revision_id(versions_dir: Path, message: str) -> str:
    """`<NNNN>_<slug>` for a new migration in versions_dir (see the module docstring)."""
    numbers = [
        int(m.group(1)) for p in versions_dir.glob("*.py") if (m := re.match(r"(\d+)_", p.name))
    ]
    words = re.findall(r"[a-z0-9]+", message.lower())
    slug = "_".join(words)[:SLUG_CHARS].strip("_") or "change"
    return f"{max(numbers, default=0) + 1:04d}_{slug}"


def new_revision(url: str, message: str, *, migrations_dir: Path = MIGRATIONS_DIR) -> Path:
    """Migrate the database at `url` to head, then autogenerate a migration from the models'
    difference; returns the new file's path. Raises alembic's errors (e.g. several heads)."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    config.set_main_option("file_template", "%%(rev)s")
    rev_id = next_revision_id(migrations_dir / "versions", message)
    database = Database(url)  # migrations applied on open (our env.py, the same lock)
    try:
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            command.revision(config, message=message, autogenerate=True, rev_id=rev_id)
    finally:
        database.dispose()
    script = ScriptDirectory.from_config(config).get_revision(rev_id)
    if script is None or script.path is None:  # pragma: no cover - alembic wrote it just now
        raise RuntimeError(f"alembic did not write revision {rev_id}")
    return Path(script.path)
