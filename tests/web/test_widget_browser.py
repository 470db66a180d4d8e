"""The widget in headless Chromium: streamed cited answers, the request form, keyboard, mobile."""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.intake import broken_credit_code, valid_credit_code
from tests.helpers.services import require_or_skip
from tests.live_server import LiveServer

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
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
QUESTION = "贷款快到期了还想继续用，可以无还本续贷吗？"
FRAME = "#policybot-widget iframe"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium driven by Playwright (never a downloaded browser)."""
    available = Path(CHROMIUM).exists() and shutil.which("chromium") is not None
    require_or_skip("REQUIRE_BROWSER", available, "Chromium at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live: LiveServer) -> Iterator[Any]:
    """A desktop page on /demo, with page errors collected."""
    context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="zh-CN")
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.goto(f"{live.url}/demo")
    yield tab
    context.close()


def open_widget(page: Any) -> Any:
    """Click the launcher; the chat frame once its script has run (welcome shown)."""
    page.click("#policybot-widget >> .launcher")
    frame = page.frame_locator(FRAME)
    frame.locator(".msg.bot").first.wait_for()
    return frame


def test_widget_streams_cited_answer_with_source_card(page: Any) -> None:
    page.wait_for_timeout(800)
    assert page.locator(FRAME).count() == 0  # never opens by itself
    frame = open_widget(page)
    frame.locator("#log").evaluate(
        "log => { window.__mutations = 0; new MutationObserver(m => window.__mutations += "
        "m.length).observe(log, {subtree: true, childList: true, characterData: true}); }"
    )
    frame.locator("#input").fill(QUESTION)
    frame.locator("#input").press("Enter")
    card = frame.locator(".source").first
    card.wait_for(timeout=30_000)
    assert frame.locator("#log").evaluate("() => window.__mutations") > 10  # arrived in pieces
    frame.locator(".msg.bot .feedback").last.wait_for()
    assert answer_start_offset(frame) >= -2  # the answer's first line is in view
    # cited once: the 依据 line names 第6条; its card only opens the original text
    answer = frame.locator(".msg.bot", has=frame.locator(".sources")).last
    assert answer.locator(".text").inner_text().count("依据：") == 1
    assert "第6条" in card.locator("summary").inner_text()
    assert card.locator("summary").inner_text().endswith("查看原文")
    assert not card.locator(".units").is_visible()
    card.locator("summary").click()
    assert "责任单位" in card.locator(".units").inner_text()
    assert frame.locator(".msg.bot .chip").count() >= 1  # the follow-ups …
    assert frame.locator(".chip", has_text="查看条款原文").count() == 0  # … but no second way
    assert frame.locator(".chip", has_text="👍").count() == 0  # the widget has its own thumbs
    frame.locator(".thumb[aria-label='有帮助']").first.click()
    frame.locator(".feedback span", has_text="感谢").first.wait_for()
    assert page.errors == []


def answer_start_offset(frame: Any) -> float:
    """How far below the top of the log the last reply starts (its first message after the
    owner's last one; negative: scrolled past its start)."""
    return float(
        frame.locator("#log").evaluate(
            "log => { const users = log.querySelectorAll('.msg.user');"
            " let row = users[users.length - 1].nextElementSibling;"
            " return row.getBoundingClientRect().top - log.getBoundingClientRect().top; }"
        )
    )


def test_widget_keeps_a_long_answer_in_view_from_its_start(browser: Any, live: LiveServer) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 520}, locale="zh-CN")
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.goto(f"{live.url}/demo")
    frame = open_widget(tab)
    for question in (QUESTION, "无还本续贷怎么申请？另外担保费太高有补贴吗"):
        frame.locator("#input").fill(question)
        frame.locator("#input").press("Enter")
        frame.locator(".msg.bot .feedback").nth(frame.locator(".msg.user").count() - 1).wait_for(
            timeout=30_000
        )
        tab.wait_for_timeout(200)
        log = frame.locator("#log")
        gap = log.evaluate("l => l.scrollHeight - l.scrollTop - l.clientHeight")
        height = log.evaluate(
            "l => l.scrollHeight - l.querySelectorAll('.msg.user')[l.querySelectorAll("
            "'.msg.user').length - 1].nextElementSibling.offsetTop"
        )
        taller = height > log.evaluate("l => l.clientHeight")
        offset = answer_start_offset(frame)
        assert -2 <= offset <= 12, offset  # read from its first line …
        assert not taller or gap > 20  # … not scrolled to its end
    assert tab.errors == []
    context.close()


def fill_form(frame: Any, credit_code: str) -> None:
    """Fill every field of the financing-request form."""
    frame.locator("#f-company_name").fill("三明市示例机械制造有限公司")
    frame.locator("#f-credit_code").fill(credit_code)
    frame.locator("#f-county").select_option("沙县区")
    frame.locator("#f-industry").select_option("外贸")
    frame.locator("#f-contact_name").fill("李女士")
    frame.locator("#f-phone").fill("13905981234")
    frame.locator("#f-amount_wan").fill("300")
    frame.locator("#f-purpose").select_option("订单生产")
    frame.locator("#f-term_months").fill("12")
    frame.locator("#f-guarantee").select_option("信用")
    frame.locator("#f-product").select_option("外贸贷")
    frame.locator("input[name='renewal_due'][value='false']").check()
    frame.locator("input[name='first_loan'][value='true']").check()
    frame.locator("#f-consent").check()


def test_widget_form_fixes_wrong_credit_code_and_gives_reference(
    page: Any, live: LiveServer
) -> None:
    frame = open_widget(page)
    frame.locator("#btn-form").click()
    frame.locator("#f-company_name").wait_for()
    fill_form(frame, broken_credit_code(7))
    frame.locator("button.primary").click()
    error = frame.locator("#err-credit_code")
    error.wait_for()
    assert "校验位" in error.inner_text()
    assert frame.locator("#f-credit_code").get_attribute("aria-invalid") == "true"
    assert frame.locator("#f-phone").input_value() == "13905981234"  # nothing entered is lost
    assert frame.locator("#err-phone").inner_text() == ""
    frame.locator("#f-credit_code").fill(valid_credit_code(7))
    frame.locator("button.primary").click()
    ref = frame.locator(".done .ref")
    ref.wait_for(timeout=15_000)
    assert re.fullmatch(r"RZ-\d{8}-\d{4}", ref.inner_text())
    assert "外贸贷" in frame.locator(".recs").inner_text()
    href = frame.locator("a.status-link").get_attribute("href")
    frame.locator(".done button.secondary").click()  # back to the chat: the link stays there
    assert frame.locator(".msg.notice a.notice-link").get_attribute("href") == href
    status = page.context.new_page()
    status.goto(f"{live.url}{href}")
    assert ref.inner_text() in status.locator("h1").inner_text()
    assert "新提交" in status.locator(".pill").inner_text()


def focused_in_shadow(page: Any) -> str:
    """Class of the element focused inside the widget's shadow root ('' when elsewhere)."""
    return str(
        page.evaluate(
            "() => { const h = document.getElementById('policybot-widget');"
            " return document.activeElement === h && h.shadowRoot.activeElement ?"
            " h.shadowRoot.activeElement.className : ''; }"
        )
    )


def test_widget_keyboard_only_path(page: Any) -> None:
    for _ in range(40):
        page.keyboard.press("Tab")
        if focused_in_shadow(page) == "launcher":
            break
    assert focused_in_shadow(page) == "launcher"
    page.keyboard.press("Enter")
    frame = page.frame_locator(FRAME)
    frame.locator(".msg.bot").first.wait_for()
    page.wait_for_function(
        "() => { const f = document.getElementById('policybot-widget').shadowRoot"
        ".querySelector('iframe'); return f.contentDocument.activeElement.id === 'input'; }"
    )
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    frame.locator(".source").first.wait_for(timeout=30_000)
    frame.locator(".msg.bot .feedback").first.wait_for()
    for _ in range(30):
        page.keyboard.press("Shift+Tab")
        if frame.locator("summary:focus").count():
            break
    page.keyboard.press("Enter")
    frame.locator("details.source[open]").wait_for()
    page.keyboard.press("Escape")  # inside the frame: reaches the page via postMessage
    page.locator("#policybot-widget >> .panel").wait_for(state="hidden")
    assert focused_in_shadow(page) == "launcher"
    launcher = page.locator("#policybot-widget >> .launcher")
    assert launcher.get_attribute("aria-expanded") == "false"


def test_widget_larger_text_toggle(page: Any) -> None:
    frame = open_widget(page)
    toggle = frame.locator("#btn-large")
    before = frame.locator("html").evaluate("h => parseFloat(getComputedStyle(h).fontSize)")
    toggle.click()
    after = frame.locator("html").evaluate("h => parseFloat(getComputedStyle(h).fontSize)")
    assert toggle.get_attribute("aria-pressed") == "true"
    assert after >= before * 1.2


def test_widget_mobile_viewport_fills_screen(browser: Any, live: LiveServer) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
    )
    tab = context.new_page()
    tab.goto(f"{live.url}/demo")
    frame = open_widget(tab)
    frame.locator("#input").fill(QUESTION)
    frame.locator("#send").click()
    frame.locator(".source").first.wait_for(timeout=30_000)
    box = tab.locator("#policybot-widget >> .panel").bounding_box()
    assert box is not None and box["width"] == 390 and box["height"] >= 800
    ARTIFACTS.mkdir(exist_ok=True)
    tab.wait_for_timeout(300)
    tab.screenshot(path=str(ARTIFACTS / "widget-mobile.png"))
    assert (ARTIFACTS / "widget-mobile.png").stat().st_size > 10_000
    context.close()


def test_widget_restores_conversation_and_draft_after_navigation(page: Any) -> None:
    frame = open_widget(page)
    frame.locator("#input").fill(QUESTION)
    frame.locator("#input").press("Enter")
    frame.locator(".msg.bot .feedback").first.wait_for(timeout=30_000)
    frame.locator("#btn-form").click()
    frame.locator("#f-company_name").fill("三明市草稿测试有限公司")
    frame.locator("#f-county").select_option("永安市")
    page.reload()
    frame = open_widget(page)
    assert frame.locator(".msg.user", has_text=QUESTION).count() == 1
    assert frame.locator(".source").count() >= 1
    frame.locator("#btn-form").click()
    frame.locator("#f-company_name").wait_for()
    assert frame.locator("#f-company_name").input_value() == "三明市草稿测试有限公司"
    assert frame.locator("#f-county").input_value() == "永安市"
    assert not frame.locator("#f-consent").is_checked()


HOST_PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<style>* {{ font-family: serif !important; color: green !important; }}</style></head>
<body><h1>企业服务网</h1><script src="{base}/widget.js" data-title="政策助手" async></script>
</body></html>"""


@contextmanager
def host_site(widget: dict[str, str]) -> Iterator[str]:
    """Another site (a different origin: localhost, another port) embedding widget["base"]."""

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = HOST_PAGE.format(base=widget["base"]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("allowed", [True, False])
def test_widget_on_other_site_obeys_allowed_origins(
    browser: Any, serve: Any, allowed: bool
) -> None:
    widget: dict[str, str] = {}
    with host_site(widget) as site:
        live = serve(widget_allowed_origins=site if allowed else "https://qy.sm.gov.cn")
        widget["base"] = live.url
        context = browser.new_context(viewport={"width": 1280, "height": 860})
        tab = context.new_page()
        tab.goto(f"{site}/")
        launcher = tab.locator("#policybot-widget >> .launcher")
        assert launcher.evaluate("b => getComputedStyle(b).color") == "rgb(255, 255, 255)"
        launcher.click()
        frame = tab.frame_locator(FRAME)
        if allowed:
            frame.locator(".msg.bot").first.wait_for()  # the chat script is listening
            frame.locator("#input").press("Escape")  # cross-origin postMessage to the host page
            tab.locator("#policybot-widget >> .panel").wait_for(state="hidden")
        else:
            tab.wait_for_timeout(1500)
            assert frame.locator("#input").count() == 0  # CSP frame-ancestors refused the frame
        context.close()
