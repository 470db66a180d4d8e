"""`policybot index --publish`: the regression gate from the command line, for every instance."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from core.settings import Settings
from storage.db import open_database
from storage.models import IndexVersion
from tests.admin.test_knowledge_gate import _misleading_document
from tests.helpers.instances import Instance, wait_for


def publish(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `policybot index --publish` with these settings."""
    command = [sys.executable, "-m", "policybot.cli", "index", "--publish"]
    return subprocess.run(
        command, env={**os.environ, **env}, cwd=cwd, capture_output=True, text=True, timeout=600
    )


def versions(database_url: str) -> list[tuple[str, bool]]:
    """(status, has files) of every stored index version."""
    settings = Settings(_env_file=None, DATABASE_URL=database_url)  # type: ignore[call-arg]
    db = open_database(settings)
    with db.session() as session:
        rows = session.execute(select(IndexVersion.status, IndexVersion.bundle.is_not(None)))
        found = [(status, bool(has)) for status, has in rows]
    db.dispose()
    return found


@pytest.mark.postgres
def test_publish_command_reaches_running_instances(
    cluster: Callable[..., list[Instance]], postgres_url: str, index_dir: Path, tmp_path: Path
) -> None:
    (instance,) = cluster(1)
    assert instance.ready()["index_version"] == "base"
    data_dir = tmp_path / "cli"
    data_dir.mkdir()
    env = {
        "DATABASE_URL": postgres_url,
        "POLICYBOT_DATA_DIR": str(data_dir),
        "POLICYBOT_INDEX_DIR": str(index_dir),
    }
    done = publish(env, data_dir)
    assert done.returncode == 0, done.stderr
    assert versions(postgres_url) == [("published", True)]
    label = re.search(r"已发布索引版本 (v[0-9-]+)", done.stdout).group(1)  # type: ignore[union-attr]
    wait_for(lambda: instance.ready()["index_version"] == label, 10, "the instance to switch")


def test_publish_command_exits_non_zero_when_the_gate_refuses(
    index_dir: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "cli"
    (data_dir / "knowledge").mkdir(parents=True)
    (data_dir / "knowledge" / "常见问题.md").write_bytes(_misleading_document())
    env = {
        "DATABASE_URL": "",
        "POLICYBOT_DATA_DIR": str(data_dir),
        "POLICYBOT_INDEX_DIR": str(index_dir),
    }
    done = publish(env, data_dir)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "回归检查未通过" in done.stderr
    url = f"sqlite:///{data_dir / 'policybot.sqlite3'}"
    settings = Settings(_env_file=None, POLICYBOT_DATA_DIR=data_dir)  # type: ignore[call-arg]
    assert settings.resolved_database_url == url
    db = open_database(settings)
    with db.session() as session:
        statuses = list(session.scalars(select(IndexVersion.status)))
    db.dispose()
    assert statuses == ["refused"]
