"""No credential in the output or the DEBUG logs of the channel commands (real processes)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.channels.telegram.fake_api import FakeTelegramAPI
from tests.channels.wechat.fake_api import FakeWechatApi, running_fake_api
from tests.live_server import serve_app

# A token of the real shape: <bot id>:<35 characters>.
BOT_TOKEN = "7000001234:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
HOOK_SECRET = "hook-Secret_123"
HOOK_URL = "https://bot.example.org/telegram/webhook"


@pytest.fixture
def bot_api() -> Iterator[FakeTelegramAPI]:
    """A fake Bot API for the realistic token."""
    api = FakeTelegramAPI(BOT_TOKEN)
    with serve_app(api.app) as base_url:
        api.port = int(base_url.rsplit(":", 1)[1])
        yield api


def run_cli(args: list[str], tmp_path: Path, **env: str) -> str:
    """Run `policybot ARGS` at LOG_LEVEL=DEBUG; its stdout and stderr together."""
    environment = {
        **os.environ,
        "POLICYBOT_DATA_DIR": str(tmp_path / "data"),
        "LOG_LEVEL": "DEBUG",
        **env,
    }
    done = subprocess.run(
        [sys.executable, "-m", "policybot.cli", *args],
        env=environment,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.stdout + done.stderr


def telegram_env(api: FakeTelegramAPI, token: str = BOT_TOKEN) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": token,
        "TELEGRAM_BASE_URL": api.base_url,
        "TELEGRAM_WEBHOOK_SECRET": HOOK_SECRET,
    }


def wechat_env(fake: FakeWechatApi, base_url: str = "") -> dict[str, str]:
    return {
        "WECHAT_APP_ID": fake.app_id,
        "WECHAT_APP_SECRET": fake.app_secret,
        "WECHAT_API_BASE_URL": base_url or fake.base_url,
    }


def assert_no_secret(output: str, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in output, f"{secret!r} appears in the output"


@pytest.mark.parametrize("action", [["set-webhook", HOOK_URL], ["delete-webhook"]])
def test_telegram_webhook_commands_print_no_credentials(
    bot_api: FakeTelegramAPI, tmp_path: Path, action: list[str]
) -> None:
    output = run_cli(["telegram", *action], tmp_path, **telegram_env(bot_api))
    assert "Webhook 已" in output and "DEBUG" in output  # it ran, logging everything
    assert bot_api.calls_of("getMe")  # the token went over the wire
    assert_no_secret(output, BOT_TOKEN, BOT_TOKEN.split(":")[1], HOOK_SECRET)


def test_telegram_rejected_webhook_prints_no_credentials(
    bot_api: FakeTelegramAPI, tmp_path: Path
) -> None:
    bot_api.faults["setWebhook"] = [400]
    output = run_cli(["telegram", "set-webhook", HOOK_URL], tmp_path, **telegram_env(bot_api))
    assert "Telegram 拒绝" in output
    assert_no_secret(output, BOT_TOKEN, BOT_TOKEN.split(":")[1], HOOK_SECRET)


def test_wechat_menu_prints_no_credentials(tmp_path: Path) -> None:
    with running_fake_api() as fake:
        output = run_cli(["wechat", "menu"], tmp_path, **wechat_env(fake))
        assert fake.tokens and fake.sent("/cgi-bin/menu/create")
    assert "菜单已发布" in output and "DEBUG" in output
    assert_no_secret(output, fake.app_secret, *fake.tokens)


def test_wechat_menu_http_error_prints_no_credentials(
    bot_api: FakeTelegramAPI, tmp_path: Path
) -> None:
    # An address that answers 404: the error names the token URL, secret included.
    with running_fake_api() as fake:
        base = f"http://127.0.0.1:{bot_api.port}"
        output = run_cli(["wechat", "menu"], tmp_path, **wechat_env(fake, base))
    assert "无法连接微信接口" in output and "/cgi-bin/token" in output
    assert_no_secret(output, fake.app_secret)
