"""LLM mode on Telegram: the answer grows in one message, edits at most about once a second."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from core.settings import Settings
from server import create_app
from tests.channels.telegram.fake_api import FakeTelegramAPI, plain_text
from tests.channels.telegram.fixtures import telegram_settings, user_message
from tests.fakes.llm_fixtures import answerer_with, llm_settings
from tests.fakes.openai_server import FakeOpenAI, Reply, streamed
from tests.live_server import serve_app

if TYPE_CHECKING:
    from bot.answerer import Answerer

USER = 626262
QUESTION = "担保机构的放大倍数要求是多少？"
GROUNDED = (
    "可以放心，政府性融资担保机构的放大倍数要确保在5倍以上[measure-9]。"
    "具体担保费率和额度资料中没有规定，由担保机构和银行根据企业情况确定。"
)
INVENTED = "可以放心，担保放大倍数5倍以上[measure-9]。贷款年利率3.85%[measure-9]。"


class CallClock:
    """Stamps each Bot API call with the time it was first seen (sampled every 10 ms)."""

    def __init__(self, api: FakeTelegramAPI) -> None:
        self.api = api
        self.stamps: list[tuple[float, str, dict[str, Any]]] = []
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while self.running:
            calls = list(self.api.calls)
            now = time.monotonic()
            for method, params in calls[len(self.stamps) :]:
                self.stamps.append((now, method, params))
            time.sleep(0.01)

    def of(self, *methods: str) -> list[tuple[float, dict[str, Any]]]:
        return [
            (t, p) for t, m, p in self.stamps if m in methods and str(p.get("chat_id")) == str(USER)
        ]

    def stop(self) -> None:
        self.running = False
        self.thread.join()


@pytest.fixture
def llm_bot(
    app_settings: Settings,
    answerer: Answerer,
    telegram_api: FakeTelegramAPI,
    fake_llm: FakeOpenAI,
) -> Iterator[CallClock]:
    """The full app in polling mode and LLM mode; a clock on the Bot API calls."""

    configured = llm_settings(telegram_settings(app_settings, telegram_api), fake_llm.url)
    llm = answerer_with(answerer, configured)
    with serve_app(create_app(configured, answerer=llm)):
        clock = CallClock(telegram_api)
        yield clock
        clock.stop()


def final_answer(api: FakeTelegramAPI) -> dict[str, Any]:
    """The bot's answer once its keyboard (the last edit) is in place."""

    def ready() -> Any:
        return next((m for m in api.sent(USER) if m.get("reply_markup")), None)

    found = dict(api.wait_until(ready, timeout=30))
    time.sleep(0.1)  # let the clock stamp the last call
    return found


def test_telegram_answer_grows_then_last_edit_adds_buttons(
    llm_bot: CallClock, telegram_api: FakeTelegramAPI, fake_llm: FakeOpenAI
) -> None:
    fake_llm.reply(streamed(GROUNDED, 1.8))
    telegram_api.enqueue(user_message(USER, QUESTION))
    answer = final_answer(telegram_api)
    assert "5倍以上（第9条）" in answer["text"] and "政策依据" in answer["text"]
    labels = [b["text"] for row in answer["reply_markup"]["inline_keyboard"] for b in row]
    assert "👍" in labels and "查看条款原文" in labels
    sends = llm_bot.of("sendMessage")
    edits = llm_bot.of("editMessageText")
    assert len(sends) == 1, "the answer is one message that grows"
    assert len(edits) >= 2  # at least one partial edit, then the final one
    first = plain_text(sends[0][1]["text"]).removesuffix(" …")
    assert first and answer["text"].startswith(first)  # the first piece went out early…
    assert edits[-1][0] - sends[0][0] >= 1.0  # …while the model was still writing
    times = [sends[0][0]] + [t for t, _ in edits]
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.9, f"edits closer than a second: {gaps}"
    assert "reply_markup" not in edits[0][1] or not edits[0][1]["reply_markup"]


def test_telegram_invented_rate_never_shown(
    llm_bot: CallClock,
    telegram_api: FakeTelegramAPI,
    fake_llm: FakeOpenAI,
    answerer: Answerer,
) -> None:
    fake_llm.reply(streamed(INVENTED, 1.0))
    telegram_api.enqueue(user_message(USER, QUESTION))
    answer = final_answer(telegram_api)
    shown = [plain_text(p["text"]) for _, p in llm_bot.of("sendMessage", "editMessageText")]
    assert shown and not any("3.85" in text for text in shown)
    offline = answerer.answer(QUESTION).answer
    assert offline.split("\n")[0][:20] in answer["text"]


@pytest.mark.parametrize(
    "reply",
    [
        Reply(["放大倍数5倍以上[measure-9]。"], first_delay_s=2.0),
        Reply(status=500),
        Reply(status=429, retry_after="1"),
    ],
    ids=["slow-first-token", "http-500", "http-429"],
)
def test_telegram_model_failure_sends_offline_answer_once(
    llm_bot: CallClock,
    telegram_api: FakeTelegramAPI,
    fake_llm: FakeOpenAI,
    answerer: Answerer,
    reply: Reply,
) -> None:
    fake_llm.reply(reply)
    telegram_api.enqueue(user_message(USER, QUESTION))
    answer = final_answer(telegram_api)
    offline = answerer.answer(QUESTION).answer
    assert offline.split("\n")[0][:20] in answer["text"] and "依据：" in answer["text"]
    assert llm_bot.of("editMessageText") == []  # nothing was streamed, nothing to correct
