"""A newcomer's console: no migration chatter before a command's result (unless -v), and
`policybot serve` says where the back office is and how to create the first account."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from policybot.commands.serve import start_banner

PASSWORD = "correct-horse-battery"


def policybot(tmp_path: Path, index_dir: Path, *args: str, stdin: str = "") -> str:
    """Run the CLI in a fresh data dir (migrations run on first use); stdout + stderr."""
    env = dict(
        os.environ,
        POLICYBOT_DATA_DIR=str(tmp_path / "data"),
        POLICYBOT_INDEX_DIR=str(index_dir),
        POLICYBOT_PASSWORD=PASSWORD,
        LOG_LEVEL="INFO",
    )
    done = subprocess.run(
        [sys.executable, "-m", "policybot.cli", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stderr + done.stdout  # logs go to stderr, before the result on stdout


@pytest.mark.parametrize(
    ("args", "stdin", "result"),
    [
        (("user", "add", "boss", "--role", "admin"), "", "已创建账号 boss"),
        (("user", "list"), "", "暂无账号"),
        (("chat",), "你好\n", "助手：您好"),
        (("migrate",), "", "数据库已迁移到最新版本"),
    ],
    ids=["user-add", "user-list", "chat", "migrate"],
)
def test_first_run_shows_the_result_without_migration_lines(
    tmp_path: Path, index_dir: Path, args: tuple[str, ...], stdin: str, result: str
) -> None:
    output = policybot(tmp_path, index_dir, *args, stdin=stdin)
    assert result in output
    assert "alembic" not in output and "Running upgrade" not in output, output


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_shows_the_migration_steps(tmp_path: Path, index_dir: Path, where: str) -> None:
    command = ("user", "list")
    args = ("-v", *command) if where == "before" else (*command, "-v")
    output = policybot(tmp_path, index_dir, *args)
    assert "Running upgrade" in output and "暂无账号" in output


def test_serve_banner_names_back_office_and_first_account_command() -> None:
    first = start_banner("0.0.0.0", 8000, accounts=0)
    assert "http://127.0.0.1:8000/demo" in first and "http://127.0.0.1:8000/admin" in first
    assert "user add" in first and "--role admin" in first and "POLICYBOT_PASSWORD=" in first
    later = start_banner("127.0.0.1", 8001, accounts=1)
    assert "http://127.0.0.1:8001/admin" in later and "user add" not in later
