"""The issue's bar: a Telegram subscriber hears of a staff document published from the command
line within 10 s, once a day; 退订 stops it (the real app, fake Bot API, `policybot index
--publish` in its own process)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from core import clock
from core.settings import Settings
from server import create_app
from tests.channels.telegram.fake_api import FakeTelegramAPI
from tests.channels.telegram.fixtures import button_press, telegram_settings, user_message
from tests.live_server import serve_app

if TYPE_CHECKING:
    from bot.answerer import Answerer

OWNER, OTHER = 626262, 737373
# Notices that take over no Q&A entry's questions (the publish gate would refuse those).
DOC = "---\ntitle: {title}\n---\n# {title}\n{body}\n"


def publish(settings: Settings, index_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`policybot index --publish` on the app's data directory (its SQLite database)."""
    command = [sys.executable, "-m", "policybot.cli", "index", "--publish", "--quiet"]
    environment = {
        **os.environ,
        "DATABASE_URL": "",
        "POLICYBOT_DATA_DIR": str(settings.data_dir),
        "POLICYBOT_INDEX_DIR": str(index_dir),
        **env,
    }
    done = subprocess.run(
        command, env=environment, cwd=settings.data_dir, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def add_document(settings: Settings, name: str, title: str, body: str) -> None:
    folder = Path(settings.data_dir) / "knowledge"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(DOC.format(title=title, body=body), encoding="utf-8")


def notices(api: FakeTelegramAPI, user: int) -> list[str]:
    return [m["text"] for m in api.sent(user) if "【政策更新】" in m["text"]]


def say(api: FakeTelegramAPI, user: int, text: str, expect: str) -> str:
    before = len(api.sent(user))
    api.enqueue(user_message(user, text))
    return str(
        api.wait_until(
            lambda: next((m["text"] for m in api.sent(user)[before:] if expect in m["text"]), ""),
            timeout=60,
        )
    )


def test_subscriber_gets_one_notice_a_day_and_unsubscribe_stops_it(
    app_settings: Settings, answerer: Answerer, telegram_api: FakeTelegramAPI, index_dir: Path
) -> None:
    configured = telegram_settings(app_settings, telegram_api).model_copy(
        update={"telegram_outbox_interval_s": 3.0}  # the default delivery interval
    )
    with serve_app(create_app(configured, answerer=answerer)):
        api = telegram_api
        say(api, OWNER, "订阅", "请选择要订阅的主题")
        before = len(api.sent(OWNER))
        api.enqueue(button_press(api, OWNER, "订阅专项贷款"))
        api.wait_until(lambda: any("已订阅" in m["text"] for m in api.sent(OWNER)[before:]), 60)
        say(api, OTHER, "订阅全部", "已订阅")

        add_document(
            configured,
            "科技贷受理时间通知.md",
            "科技贷受理时间通知",
            "科技贷合作机构工作日受理企业咨询。",
        )
        publish(configured, index_dir)
        published_at = time.monotonic()
        api.wait_until(lambda: notices(api, OWNER), timeout=10)
        assert time.monotonic() - published_at <= 10
        assert "科技贷受理时间通知" in notices(api, OWNER)[0]

        add_document(
            configured, "外贸贷宣讲.md", "外贸贷宣讲会通知", "外贸贷政策宣讲会本月在市商务局举办。"
        )
        publish(configured, index_dir)
        time.sleep(7)  # two delivery rounds: nothing more today
        assert len(notices(api, OWNER)) == 1 and len(notices(api, OTHER)) == 1

        say(api, OWNER, "退订", "已退订")
        tomorrow = (clock.today() + timedelta(days=1)).isoformat()
        add_document(
            configured,
            "科技贷宣讲.md",
            "科技贷宣讲会通知",
            "科技贷政策宣讲会本月在市行政服务中心举办。",
        )
        publish(configured, index_dir, POLICYBOT_TODAY=tomorrow)
        api.wait_until(lambda: len(notices(api, OTHER)) == 2, timeout=10)  # the other still hears
        assert len(notices(api, OWNER)) == 1  # 退订 stopped them
