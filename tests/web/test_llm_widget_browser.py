"""The widget in headless Chromium in LLM mode: text rendered live, `replace` honoured."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from core.settings import Settings
from tests.fakes.llm_fixtures import answerer_with, llm_settings
from tests.fakes.openai_server import FakeOpenAI, streamed
from tests.helpers.services import require_or_skip
from tests.live_server import LiveServer

if TYPE_CHECKING:
    from bot.answerer import Answerer

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
FRAME = "#policybot-widget iframe"
QUESTION = "担保机构的放大倍数要求是多少？"
GROUNDED = (
    "可以放心，政府性融资担保机构的放大倍数要确保在5倍以上[measure-9]。"
    "具体担保费率和额度资料中没有规定，由担保机构和银行根据企业情况确定。"
)
INVENTED = "可以放心，担保放大倍数5倍以上[measure-9]。贷款年利率3.85%[measure-9]。"
WATCH = (
    "log => { window.__seen = ''; new MutationObserver(() => { window.__seen += '|' + "
    "log.innerText; }).observe(log, {subtree: true, childList: true, characterData: true}); }"
)


@pytest.fixture
def llm_page(app_settings: Settings, answerer: Answerer, fake_llm: FakeOpenAI) -> Iterator[Any]:
    """/demo of the app in LLM mode, in headless Debian Chromium."""
    available = Path(CHROMIUM).exists() and shutil.which("chromium") is not None
    require_or_skip("REQUIRE_BROWSER", available, "Chromium at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    from server import create_app

    # A browser test shares a busy CI machine: the first token may take longer than the
    # 1 s the LLM unit tests allow, and a fallback here would hide what the test is about.
    settings = llm_settings(
        app_settings, fake_llm.url, LLM_FIRST_TOKEN_TIMEOUT_S=6.0, LLM_TIMEOUT_S=10.0
    )
    llm = answerer_with(answerer, settings)
    server = LiveServer(create_app(settings, answerer=llm)).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tab = browser.new_page(locale="zh-CN")
            tab.goto(f"{server.url}/demo")
            tab.click("#policybot-widget >> .launcher")
            frame = tab.frame_locator(FRAME)
            frame.locator(".msg.bot").first.wait_for()
            yield frame
            browser.close()
    finally:
        server.stop()


def ask(frame: Any, text: str) -> None:
    frame.locator("#log").evaluate(WATCH)
    frame.locator("#input").fill(text)
    frame.locator("#input").press("Enter")


def test_widget_renders_llm_answer_while_it_streams(llm_page: Any, fake_llm: FakeOpenAI) -> None:
    fake_llm.reply(streamed(GROUNDED, 1.8))
    ask(llm_page, QUESTION)
    answer = llm_page.locator(".msg.bot .text").last
    answer.filter(has_text="可以放心").wait_for(timeout=10_000)
    assert llm_page.locator(".msg.bot .feedback").count() == 0  # still streaming
    assert "具体担保费率" not in answer.inner_text()
    llm_page.locator(".msg.bot .feedback").last.wait_for(timeout=10_000)
    assert "5倍以上（第9条）" in answer.inner_text() and "具体担保费率" in answer.inner_text()
    assert "第9条" in llm_page.locator(".source summary").first.inner_text()


def test_widget_replaces_withdrawn_text_with_offline_answer(
    llm_page: Any, fake_llm: FakeOpenAI, answerer: Answerer
) -> None:
    fake_llm.reply(streamed(INVENTED, 1.0))
    ask(llm_page, QUESTION)
    llm_page.locator(".msg.bot .feedback").last.wait_for(timeout=10_000)
    seen = llm_page.locator("#log").evaluate("() => window.__seen")
    assert "5倍以上（第9条）" in seen  # the grounded sentence was shown first…
    assert "3.85" not in seen  # …the invented rate never
    offline = answerer.answer(QUESTION).answer
    shown = llm_page.locator(".msg.bot .text").last.inner_text()
    assert shown.split("\n")[0] == offline.split("\n")[0]
