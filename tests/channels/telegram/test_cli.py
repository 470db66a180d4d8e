"""`policybot telegram` (long polling) and `policybot telegram set-webhook URL`."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import pytest

from bot.answer_source import AnswerSource
from bot.channels.telegram.polling_lock import take_polling_lock
from core.settings import Settings
from policybot.cli import main
from policybot.commands.telegram import run_polling
from tests.channels.telegram.fake_api import FakeTelegramAPI
from tests.channels.telegram.fixtures import telegram_settings, user_message

if TYPE_CHECKING:
    from bot.answerer import Answerer

HOOK_URL = "https://bot.example.org/telegram/webhook"


@pytest.fixture
def telegram_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, telegram_api: FakeTelegramAPI
) -> FakeTelegramAPI:
    """Environment of the CLI pointed at the fake Bot API (no .env in the working dir)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("POLICYBOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", telegram_api.token)
    monkeypatch.setenv("TELEGRAM_BASE_URL", telegram_api.base_url)
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", "cli-secret")
    return telegram_api


def test_set_webhook_registers_url_with_secret(telegram_env: FakeTelegramAPI) -> None:
    assert main(["telegram", "set-webhook", HOOK_URL]) == 0
    assert telegram_env.webhook["url"] == HOOK_URL
    assert telegram_env.webhook["secret_token"] == "cli-secret"
    assert telegram_env.webhook["allowed_updates"] == ["message", "callback_query"]
    assert [c["command"] for c in telegram_env.commands][:2] == ["start", "help"]


def test_set_webhook_defaults_to_public_base_url(
    telegram_env: FakeTelegramAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://policy.sm.example/")
    assert main(["telegram", "set-webhook"]) == 0
    assert telegram_env.webhook["url"] == "https://policy.sm.example/telegram/webhook"


def test_delete_webhook_removes_it(telegram_env: FakeTelegramAPI) -> None:
    assert main(["telegram", "set-webhook", HOOK_URL]) == 0
    assert main(["telegram", "delete-webhook"]) == 0
    assert telegram_env.webhook == {}


@pytest.mark.parametrize("missing", ["TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET"])
def test_set_webhook_refuses_without_token_or_secret(
    telegram_env: FakeTelegramAPI,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    missing: str,
) -> None:
    monkeypatch.setenv(missing, "")
    assert main(["telegram", "set-webhook", HOOK_URL]) == 2
    assert "TELEGRAM_WEBHOOK_SECRET" in capsys.readouterr().out
    assert telegram_env.calls_of("setWebhook") == []


def test_set_webhook_refuses_secret_telegram_would_reject(
    telegram_env: FakeTelegramAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", "has spaces/and slashes")
    assert main(["telegram", "set-webhook", HOOK_URL]) == 2
    assert telegram_env.calls_of("setWebhook") == []


def test_polling_command_refuses_without_token(
    telegram_env: FakeTelegramAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    assert main(["telegram"]) == 2


def test_polling_command_answers_until_stopped(
    app_settings: Settings, answerer: Answerer, telegram_api: FakeTelegramAPI
) -> None:
    # A webhook secret is configured, yet the command polls (and drops the webhook first).
    configured = telegram_settings(app_settings, telegram_api, secret="unused-in-polling")
    telegram_api.webhook = {"url": HOOK_URL}
    ready: dict[str, Any] = {}

    async def run() -> None:
        ready["loop"], ready["stop"] = asyncio.get_running_loop(), asyncio.Event()
        await run_polling(configured, ready["stop"], answerer=answerer)

    thread = threading.Thread(target=asyncio.run, args=(run(),), daemon=True)
    thread.start()
    telegram_api.enqueue(user_message(77, "/help"))
    telegram_api.wait_until(lambda: telegram_api.sent(77), timeout=60)
    assert telegram_api.webhook == {}
    ready["loop"].call_soon_threadsafe(ready["stop"].set)
    thread.join(30)
    assert not thread.is_alive()


def test_polling_command_stays_off_while_another_process_polls(
    settings: Settings, telegram_api: FakeTelegramAPI, capsys: pytest.CaptureFixture[str]
) -> None:
    configured = telegram_settings(settings, telegram_api)
    lock = take_polling_lock(None, configured.data_dir)
    assert lock is not None
    try:
        asyncio.run(run_polling(configured, asyncio.Event(), answerer=cast(AnswerSource, object())))
    finally:
        lock.release()
    assert "已有进程在轮询" in capsys.readouterr().out
    assert telegram_api.calls_of("getUpdates") == []


def test_serve_runs_the_bot_when_token_is_set(
    tmp_path: Path, index_dir: Path, telegram_api: FakeTelegramAPI
) -> None:
    # `make run` = `policybot serve`: with TELEGRAM_BOT_TOKEN and no webhook secret it polls.
    env = {
        **os.environ,
        "POLICYBOT_DATA_DIR": str(tmp_path / "data"),
        "POLICYBOT_INDEX_DIR": str(index_dir),
        "TELEGRAM_BOT_TOKEN": telegram_api.token,
        "TELEGRAM_BASE_URL": telegram_api.base_url,
        "TELEGRAM_WEBHOOK_SECRET": "",
    }
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "policybot.cli", "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.DEVNULL)
    try:
        telegram_api.enqueue(user_message(88, "/start"))

        def replied() -> bool:
            if server.poll() is not None:
                pytest.fail(f"policybot serve exited with {server.returncode}")
            return bool(telegram_api.sent(88))

        telegram_api.wait_until(replied, timeout=120)
    finally:
        server.send_signal(signal.SIGTERM)  # uvicorn shuts down, then re-raises the signal
        assert server.wait(timeout=30) in (0, -signal.SIGTERM)
