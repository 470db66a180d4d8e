"""Tests of `policybot chat`: numbered buttons, piped input until EOF."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.engine import Engine
from bot.messages import Button, OutMessage
from core.settings import Settings
from policybot.cli import build_parser
from policybot.commands.chat import chat_loop, render
from storage.db import open_database
from storage.models import FinancingRequest
from tests.helpers.engine import ANSWERS, FakeAnswerer


def test_render_numbers_last_message_buttons_and_letters_earlier() -> None:
    out = io.StringIO()
    replies = [
        OutMessage(
            "答复",
            [
                Button("查看条款原文", "原文:measure-6"),
                Button("👍", "fb:up:7"),
                Button("👎", "fb:down:7"),
            ],
        ),
        OutMessage("所在县？", [Button("三元区", "三元区"), Button("沙县区", "沙县区")]),
    ]
    shortcuts = render(replies, out)
    assert shortcuts == {
        "a": "原文:measure-6",
        "1": "三元区",
        "2": "沙县区",
        "+": "fb:up:7",
        "-": "fb:down:7",
    }
    assert "[1] 三元区  [2] 沙县区" in out.getvalue() and "[a] 查看条款原文" in out.getvalue()


def test_chat_loop_piped_form_with_numbers_stores_request(settings: Settings) -> None:
    db = open_database(settings)
    try:
        engine = Engine(db, FakeAnswerer(), settings)
        numbered = {"county": "1", "industry": "2", "renewal_due": "1", "first_loan": "2"}
        lines = ["申请"] + [numbered.get(name, text) for name, text in ANSWERS] + ["1", ""]
        out = io.StringIO()
        assert (
            chat_loop(engine, "local", io.StringIO("\n".join(lines)), out, interactive=False) == 0
        )
        assert "登记编号：RZ-" in out.getvalue() and "你：三元区" in out.getvalue()
        with db.session() as session:
            request = session.scalars(select(FinancingRequest)).one()
            assert (request.county, request.industry, request.channel) == ("三元区", "外贸", "cli")
            assert (request.renewal_due, request.first_loan) == (True, False)
    finally:
        db.dispose()


def test_chat_command_is_registered() -> None:
    args = build_parser().parse_args(["chat", "--user", "alice"])
    assert args.user == "alice" and args.func.__name__ == "run_chat"


def test_chat_command_piped_subprocess_answers_and_exits(app_settings: Settings) -> None:
    env = dict(
        os.environ,
        POLICYBOT_DATA_DIR=str(app_settings.data_dir),
        POLICYBOT_INDEX_DIR=str(app_settings.resolved_index_dir),
        DATABASE_URL="",
    )
    result = subprocess.run(
        [sys.executable, "-m", "policybot.cli", "chat"],
        input="你好\n人工\n申请\n取消\n",
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
        cwd=Path(__file__).parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert "[1] 续贷" in result.stdout and app_settings.office_name in result.stdout
    # OFFICE_PHONE unset: no number is shown, and the reply says what it can do instead
    assert "电话：" not in result.stdout and not re.search(r"\d{3,4}-\d{7,8}", result.stdout)
    assert "这里不能直接转接工作人员" in result.stdout and "回复“申请”" in result.stdout
    assert "（1/14）" in result.stdout and "已取消" in result.stdout


def _run(settings: Settings, lines: list[str], monkeypatch: Any, *argv: str) -> tuple[str, str]:
    """One `policybot chat` run on piped lines; (stdout, stderr)."""
    from policybot.commands.chat import run_chat

    args = build_parser().parse_args(["chat", *argv])
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert run_chat(args, settings, answerer=FakeAnswerer()) == 0
    return out.getvalue(), err.getvalue()


# What one run leaves behind, and what the next run sends to see whether it carried over.
LEFT_BEHIND = [
    (["申请", "三明市测试机械制造有限公司"], "继续", "当前没有进行中的登记"),
    (["政策体检"], "继续", "当前没有进行中的登记"),
]


@pytest.mark.parametrize(("first", "probe", "fresh"), LEFT_BEHIND)
def test_chat_runs_without_user_do_not_share_a_conversation(
    settings: Settings, monkeypatch: Any, first: list[str], probe: str, fresh: str
) -> None:
    _, err_first = _run(settings, first, monkeypatch)
    out, err = _run(settings, [probe], monkeypatch)
    assert fresh in out
    ids = [e.split("：", 1)[1].split("（", 1)[0] for e in (err_first, err)]
    assert ids[0] != ids[1] and all(i.startswith("cli-") for i in ids)
    assert f"--user {ids[1]}" in err  # how to come back to this conversation


@pytest.mark.parametrize("first", [["申请", "三明市测试机械制造有限公司"], ["政策体检"]])
def test_chat_with_the_same_user_resumes_the_conversation(
    settings: Settings, monkeypatch: Any, first: list[str]
) -> None:
    _, err = _run(settings, first, monkeypatch)
    user = err.split("--user ", 1)[1].split("）", 1)[0].split()[0]
    out, _ = _run(settings, ["继续"], monkeypatch, "--user", user)
    assert "当前没有进行中的登记" not in out


def test_chat_help_says_the_default_user_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    parser = build_parser()
    assert parser.parse_args(["chat"]).user is None
    with pytest.raises(SystemExit):
        parser.parse_args(["chat", "--help"])
    text = capsys.readouterr().out
    assert "默认" in text and "每次运行新建" in text and "--user" in text
