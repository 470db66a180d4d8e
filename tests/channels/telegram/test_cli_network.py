"""`policybot telegram` and the app's bot when the Bot API is unreachable or refuses the token."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, cast

import pytest
from telegram.error import TimedOut

from bot.answer_source import AnswerSource
from bot.channels.telegram import channel as telegram
from bot.channels.telegram.app import PTB_LOGGERS, quiet_network_tracebacks
from core.settings import Settings
from policybot.commands.telegram import run_polling
from tests.channels.telegram.fake_api import FakeTelegramAPI
from tests.channels.telegram.fixtures import (
    WEBHOOK_SECRET,
    ScriptedEngine,
    adapter_app,
    telegram_settings,
    user_message,
)
from tests.live_server import LiveServer, serve_app

TOKEN = "7000001234:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
WARNING = "Telegram unreachable"


class Output:
    """Collects a process's stderr lines in a background thread."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self.thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self.thread.start()

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stderr is not None
        for line in process.stderr:
            self.lines.append(line)

    def count(self, text: str) -> int:
        return sum(text in line for line in list(self.lines))


def test_polling_command_waits_for_unreachable_api_then_serves(
    tmp_path: Path, index_dir: Path
) -> None:
    api = FakeTelegramAPI(TOKEN)
    server = LiveServer(api.app)  # the port is bound but refuses connections until started
    api.port = int(server.url.rsplit(":", 1)[1])
    env = {
        **os.environ,
        "POLICYBOT_DATA_DIR": str(tmp_path / "data"),
        "POLICYBOT_INDEX_DIR": str(index_dir),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_BASE_URL": api.base_url,
        "LOG_LEVEL": "INFO",
    }
    command = [sys.executable, "-m", "policybot.cli", "telegram"]
    process = subprocess.Popen(
        command, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    output = Output(process)
    try:
        deadline = time.monotonic() + 90
        while output.count(WARNING) < 3:  # down through three attempts (about 3 s of backoff)
            assert process.poll() is None, "".join(output.lines)
            assert time.monotonic() < deadline, "".join(output.lines)
            time.sleep(0.1)
        server.start()
        try:
            api.enqueue(user_message(91, "/help"))
            api.wait_until(lambda: api.sent(91), timeout=60)
        finally:
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=30) == 0
            server.stop()
    finally:
        if process.poll() is None:
            process.kill()
    output.thread.join(5)
    logged = "".join(output.lines)
    assert "Traceback" not in logged and TOKEN.split(":")[1] not in logged
    warnings = [line for line in output.lines if WARNING in line]
    assert all(" WARNING " in line and line.count("\n") == 1 for line in warnings)


def test_polling_command_exits_on_rejected_token(
    settings: Settings,
    telegram_api: FakeTelegramAPI,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    configured = telegram_settings(settings, telegram_api).model_copy(
        update={"telegram_bot_token": "999:wrong-token-value"}
    )
    started = time.monotonic()
    assert (
        asyncio.run(run_polling(configured, asyncio.Event(), answerer=cast(AnswerSource, object())))
        == 1
    )
    assert time.monotonic() - started < 10  # no retries for a rejected token
    assert "TELEGRAM_BOT_TOKEN" in capsys.readouterr().out
    assert "wrong-token-value" not in caplog.text
    assert telegram_api.calls_of("getUpdates") == []


def test_app_start_network_fault_logged_in_one_line(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(telegram, "START_RETRY_S", (0.2,))
    api = FakeTelegramAPI(TOKEN)
    server = LiveServer(api.app)  # refusing connections
    api.port = int(server.url.rsplit(":", 1)[1])
    configured = telegram_settings(settings, api, secret=WEBHOOK_SECRET)
    with caplog.at_level(logging.WARNING), serve_app(adapter_app(configured, ScriptedEngine())):
        deadline = time.monotonic() + 20
        while sum("could not start" in r.getMessage() for r in caplog.records) < 2:
            assert time.monotonic() < deadline
            time.sleep(0.05)
    server.sock.close()
    faults = [r for r in caplog.records if "could not start" in r.getMessage()]
    assert all(r.exc_info is None and "\n" not in r.getMessage() for r in faults)


def test_polling_fault_logged_in_one_line(
    settings: Settings, telegram_api: FakeTelegramAPI, caplog: pytest.LogCaptureFixture
) -> None:
    telegram_api.faults["getUpdates"] = [502]
    configured = telegram_settings(settings, telegram_api)
    engine: Any = ScriptedEngine()
    with caplog.at_level(logging.WARNING), serve_app(adapter_app(configured, engine)):
        telegram_api.enqueue(user_message(92, "你好"))
        telegram_api.wait_until(lambda: telegram_api.sent(92), timeout=30)
    faults = [r for r in caplog.records if "polling failed" in r.getMessage()]
    assert len(faults) == 1 and faults[0].exc_info is None
    assert not any(r.exc_info for r in caplog.records if r.name.startswith("telegram"))


@pytest.mark.parametrize("name", PTB_LOGGERS)
def test_library_network_fault_logged_in_one_line(
    name: str, caplog: pytest.LogCaptureFixture
) -> None:
    quiet_network_tracebacks()
    with caplog.at_level(logging.WARNING):
        logging.getLogger(name).exception("Error while polling", exc_info=TimedOut("timed out"))
        logging.getLogger(name).error("A bug", exc_info=ValueError("not a network fault"))
    fault, bug = caplog.records
    assert fault.exc_info is None and fault.levelno == logging.WARNING
    assert fault.getMessage() == "Error while polling (TimedOut: timed out)"
    assert bug.exc_info is not None and bug.levelno == logging.ERROR
