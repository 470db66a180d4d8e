"""A newcomer's console: no migration chatter before a command's result (unless -v), and
`policybot serve` says where the back office is and how to create the first account; every
help in Chinese, `policybot index` prints its result only, roles named alike everywhere."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from policybot.cli import build_parser
from policybot.commands.serve import start_banner
from storage.roles import ROLE_LABELS

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


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """The parser and every (sub)command parser under it."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                yield from _parsers(sub)


def _names(parser: argparse.ArgumentParser) -> set[str]:
    """Words a help line may hold without Chinese: the program, option names, metavars and
    command names (the things a user types)."""
    words = set(parser.prog.split())
    for action in parser._actions:
        words |= {o.lstrip("-") for o in action.option_strings}
        metavar = action.metavar or (action.dest.upper() if action.option_strings else action.dest)
        words |= set(metavar) if isinstance(metavar, tuple) else {str(metavar)}
        words |= {str(c) for c in action.choices or ()}
    return words


def test_every_help_is_chinese() -> None:
    """`policybot --help` and every subcommand's: each line with letters says something in
    Chinese, unless it holds only option names, metavars and command names."""
    checked = 0
    for parser in _parsers(build_parser()):
        allowed = _names(parser)
        for line in parser.format_help().splitlines():
            if re.search(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]", line):  # Chinese text
                continue
            words = set(re.findall(r"[A-Za-z][\w-]*", line))
            assert words <= allowed, f"{parser.prog}: {line!r}"
        checked += 1
    assert checked > 25  # every command and action was seen


def test_index_prints_only_its_chinese_result(tmp_path: Path, index_dir: Path) -> None:
    """No INFO lines from the indexer (LOG_LEVEL=INFO): the one-line result only."""
    output = policybot(tmp_path, tmp_path / "fresh-index", "index", "--quiet")
    assert output.startswith("索引完成：") and len(output.strip().splitlines()) == 1, output
    assert "IndexStats" not in output and "INFO" not in output


def test_user_list_shows_the_role_as_user_add_names_it(tmp_path: Path, index_dir: Path) -> None:
    for role, label in ROLE_LABELS.items():
        bank = ("--bank", "兴业银行三明分行") if role == "bank_officer" else ()
        added = policybot(tmp_path, index_dir, "user", "add", f"u-{role}", "--role", role, *bank)
        assert f"（{label}" in added
    listed = policybot(tmp_path, index_dir, "user", "list").splitlines()
    rows = {line.split("\t")[0]: line.split("\t")[1] for line in listed[1:]}
    assert rows == {f"u-{role}": label for role, label in ROLE_LABELS.items()}


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["user", "add"], "缺少必需的参数：name, --role"),
        (["user", "add", "x", "--role", "boss"], "参数 --role：无效的选择：'boss'（可选："),
        (["index", "--bogus"], "无法识别的参数：--bogus"),
        (["search", "外贸贷", "--k", "x"], "参数 --k：须为整数：'x'"),
        (["bench", "--rounds", "y"], "参数 --rounds：须为整数：'y'"),
        (["bank"], "缺少必需的参数：ACTION"),
        (["migrate", "--new"], "参数 --new：需要一个值"),
    ],
)
def test_argument_errors_are_chinese(args: list[str], said: str, capsys: Any) -> None:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("用法：policybot") and "：错误：" + said in err[-1], err
    assert not re.search(r"error|invalid|required|unrecognized|expected", err[-1])


@pytest.mark.parametrize(
    "command", [("user", "add", "carol", "--role", "viewer"), ("user", "passwd", "carol")]
)
def test_a_password_without_terminal_or_variable_is_asked_for_in_chinese(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "POLICYBOT_PASSWORD"}
    env["POLICYBOT_DATA_DIR"] = str(tmp_path / "data")
    done = subprocess.run(
        [sys.executable, "-m", "policybot.cli", *command],
        stdin=subprocess.DEVNULL,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "POLICYBOT_PASSWORD" in done.stderr and "Traceback" not in done.stderr
    assert "Warning" not in done.stderr  # getpass never ran without a terminal
