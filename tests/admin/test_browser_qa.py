"""In headless Chromium: a coordinator opens a 👎 answer from the insights, corrects it in the
Q&A editor, publishes through the gate, and the same owner message then gets the corrected
answer; the corrected miss leaves the insights; a bank officer gets 403 on /admin/qa."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from core.settings import Settings
from tests.browser import launch_chromium
from tests.helpers.staff import PASSWORD
from tests.helpers.web_sessions import issued_id
from tests.live_server import LiveServer

if TYPE_CHECKING:
    from bot.answerer import Answerer

pytestmark = pytest.mark.browser

OWNER = "监管部门靠什么让银行对民营企业一视同仁"
CORRECTED = "靠监管通报会、年度监管会谈、现场检查和监管约谈督促银行。"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch_chromium()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="zh-CN")
    tab = context.new_page()
    tab.set_default_timeout(20000)
    yield tab
    context.close()


def login(page: Any, live: LiveServer, username: str) -> None:
    page.goto(f"{live.url}/admin/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_selector("#who")


def ask(live: LiveServer, session_id: str, text: str) -> dict[str, Any]:
    """The owner's turn through the public chat API: the first answer message."""
    with httpx.Client(base_url=live.url, timeout=60) as client:
        body = client.post("/api/chat", json={"session_id": session_id, "text": text}).json()
    return dict(body["messages"][0])


def test_coordinator_corrects_a_thumbs_down_answer_and_the_owner_gets_it(
    page: Any,
    app_settings: Settings,
    answerer: Answerer,
    start_admin: Callable[..., LiveServer],
) -> None:
    live = start_admin(app_settings, answerer)
    owner = issued_id(live)
    before = ask(live, owner, OWNER)
    assert not before["text"].startswith(CORRECTED) and before["message_id"]
    ask(live, owner, f"fb:down:{before['message_id']}")

    login(page, live, "coord")
    page.goto(f"{live.url}/admin/insights")
    row = page.locator("#misses-table tbody tr", has_text=OWNER)
    assert "点踩" in row.inner_text()
    row.locator("a.fix").click()
    page.wait_for_selector("#qa-form")
    assert page.input_value("#qa-form textarea[name=phrasings]") == OWNER
    assert page.input_value("#qa-form input[name=lead]")  # the bot's answer as the draft
    assert OWNER in page.inner_text("#qa-draft")

    page.fill("#qa-form input[name=question]", "监管部门用哪些办法督促银行对民企公平放贷？")
    page.fill("#qa-form textarea[name=phrasings]", f"{OWNER}\n督促银行一视同仁有哪些监管方式")
    page.fill("#qa-form input[name=lead]", CORRECTED)
    page.fill("#qa-form textarea[name=points]", "")
    page.fill("#qa-form input[name=next_step]", "觉得银行区别对待，可以向三明金融监管分局反映。")
    page.fill("#qa-form textarea[name=cites]", "第12条")
    page.select_option("#qa-form select[name=status]", "published")
    page.click("#qa-preview-button")
    page.wait_for_selector("#preview-widget")
    assert page.inner_text("#preview-widget").startswith(CORRECTED)
    assert CORRECTED in page.inner_text("#preview-wechat")
    page.click("#qa-save")
    page.wait_for_selector(".notice")
    assert "已保存" in page.inner_text(".notice")

    page.goto(f"{live.url}/admin/qa")
    assert "待发布" in page.inner_text("#qa-table")
    page.on("dialog", lambda dialog: dialog.accept())
    page.click("#qa-publish", timeout=600000)
    page.wait_for_selector("#qa-publish-result", timeout=600000)
    result = page.inner_text("#qa-publish-result")
    assert "回归检查通过，已发布" in result, result

    after = ask(live, issued_id(live), OWNER)
    assert after["text"].split("\n")[0] == CORRECTED
    assert any(c["doc_id"] == "measure-12" for c in after["citations"])

    page.goto(f"{live.url}/admin/insights")
    assert OWNER not in page.inner_text("#misses-table")  # resolved: it drops out

    page.click("header form button")  # logout
    page.wait_for_selector("input[name=username]")
    login(page, live, "officer_a")
    response = page.goto(f"{live.url}/admin/qa")
    assert response is not None and response.status == 403
