"""Two app workers on one PostgreSQL database: a retried MsgId is processed once by either."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import pytest

from core.settings import Settings
from tests.channels.wechat.fake_api import serve_app
from tests.channels.wechat.fixtures import (
    RunningApp,
    WechatSender,
    count_engine,
    is_cited,
    next_msg_id,
)

if TYPE_CHECKING:
    from bot.answerer import Answerer


@pytest.fixture
def wechat_workers(
    wechat_settings: Settings, postgres_url: str, answerer: Answerer
) -> Iterator[list[RunningApp]]:
    """Two instances of the app (two workers) sharing one fresh PostgreSQL database."""
    from server import create_app

    settings = wechat_settings.model_copy(update={"database_url": postgres_url})
    first, second = create_app(settings, answerer=answerer), create_app(settings, answerer=answerer)
    with serve_app(first) as first_url, serve_app(second) as second_url:
        yield [RunningApp(first_url, first, settings), RunningApp(second_url, second, settings)]


@pytest.mark.postgres
@pytest.mark.parametrize("safe", [False, True], ids=["plaintext", "aes"])
def test_retries_across_workers_processed_once(
    wechat_workers: list[RunningApp], safe: bool
) -> None:
    engines = [count_engine(worker, delay=0.4) for worker in wechat_workers]
    senders = [WechatSender(worker, safe=safe) for worker in wechat_workers]
    msg_id = next_msg_id()
    question = "企业信用有瑕疵，怎么修复信用？"
    targets = [senders[0], senders[1], senders[1], senders[0]]
    with ThreadPoolExecutor(max_workers=4) as pool:
        responses = list(pool.map(lambda s: s.text("openid-w", question, msg_id), targets))
    replies = [sender.reply(r) for sender, r in zip(targets, responses, strict=True)]
    assert is_cited(replies[0])
    assert replies == [replies[0]] * 4
    assert sum(len(engine.calls) for engine in engines) == 1
