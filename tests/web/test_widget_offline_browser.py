"""The widget in headless Chromium while the server goes away and comes back (issue 20, item 9):
a Chinese notice instead of "Failed to fetch", automatic retries with back-off, nothing the
owner typed is lost, the retry chip never echoes itself; plus the one form and the score chips
(items 11, 14) as an owner sees them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import func, select

from bot.services import services_of
from core.settings import Settings
from storage.models import FinancingRequest
from storage.requests import create_request
from storage.satisfaction import ask_satisfaction
from tests.browser import launch_chromium
from tests.helpers.intake import valid_credit_code
from tests.live_server import LiveServer
from tests.storage.factories import request_data

if TYPE_CHECKING:
    from bot.answerer import Answerer

pytestmark = pytest.mark.browser
FRAME = "#policybot-widget iframe"
QUESTION = "贷款快到期了还想继续用，可以无还本续贷吗？"
ENGLISH = re.compile(r"Failed to fetch|NetworkError|TypeError|Load failed", re.I)


class Restartable:
    """The app on a fixed loopback port that a test can stop and start again."""

    def __init__(self, settings: Settings, answerer: Answerer) -> None:
        self.settings, self.answerer = settings, answerer
        self.server: LiveServer | None = None
        self.port = 0

    def start(self) -> Restartable:
        from server import create_app

        app = create_app(self.settings, answerer=self.answerer)
        self.server = LiveServer(app, port=self.port).start()
        self.port = int(self.server.url.rsplit(":", 1)[1])
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def db(self) -> Any:
        assert self.server is not None
        return services_of(self.server.app).db


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launch_chromium()


@pytest.fixture
def app(app_settings: Settings, answerer: Answerer) -> Iterator[Restartable]:
    running = Restartable(app_settings, answerer).start()
    yield running
    running.stop()


@pytest.fixture
def page(browser: Any, app: Restartable) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="zh-CN")
    tab = context.new_page()
    tab.goto(f"{app.url}/demo")
    yield tab
    context.close()


def open_widget(page: Any) -> tuple[Any, Any]:
    """The chat frame as a locator root and as a Frame (for evaluate)."""
    page.click("#policybot-widget >> .launcher")
    frame = page.frame_locator(FRAME)
    frame.locator(".msg.bot").first.wait_for()
    inner = next(f for f in page.frames if "/widget" in f.url)
    return frame, inner


def send(frame: Any, text: str) -> None:
    frame.locator("#input").fill(text)
    frame.locator("#input").press("Enter")


def user_bubbles(frame: Any) -> list[str]:
    return [t.replace("您说：", "").strip() for t in frame.locator(".msg.user").all_inner_texts()]


def test_server_gone_question_waits_in_chinese_and_arrives_after_restart(
    page: Any, app: Restartable
) -> None:
    frame, _ = open_widget(page)
    app.stop()
    send(frame, QUESTION)
    notice = frame.locator(".msg.error.retrying")
    notice.wait_for(timeout=10_000)
    shown = frame.locator("#log").inner_text()
    assert "网络连接中断" in notice.inner_text() and "自动重试" in notice.inner_text()
    assert not ENGLISH.search(shown), shown
    app.start()  # the same port: the widget's retries reach it
    frame.locator(".msg.bot .sources").first.wait_for(timeout=45_000)
    assert frame.locator(".msg.error").count() == 0  # the notice went away
    assert user_bubbles(frame) == [QUESTION]  # sent once, never lost, nothing echoed


def test_retry_chip_resends_without_echoing_itself(page: Any, app: Restartable) -> None:
    frame, inner = open_widget(page)
    inner.evaluate("() => PolicybotNet.DELAYS_MS.splice(0, 99, 100, 100)")  # give up quickly
    app.stop()
    send(frame, QUESTION)
    chip = frame.locator(".msg.error .chip", has_text="重新发送")
    chip.wait_for(timeout=15_000)
    failed = frame.locator(".msg.error").inner_text()
    assert "您的问题已保留" in failed and not ENGLISH.search(failed)
    assert frame.locator("#input").input_value() == ""  # the question is in the log, not lost
    app.start()
    chip.click()
    frame.locator(".msg.bot .sources").first.wait_for(timeout=45_000)
    assert user_bubbles(frame) == [QUESTION]  # no "重新发送" / "重试" bubble


def fill_form(frame: Any, code: str) -> None:
    values = {
        "company_name": "三明市示例机械制造有限公司",
        "credit_code": code,
        "contact_name": "林晓明",
        "phone": "+86 139-0598-1234",
        "amount_wan": "两百五",
        "term_months": "12",
        "note": "订单增加，急需采购原材料（竹子）！",
    }
    for name, value in values.items():
        frame.locator(f"#f-{name}").fill(value)
    for name, option in {
        "county": "沙县区",
        "industry": "制造业",
        "purpose": "流动资金周转",
        "guarantee": "信用",
        "product": "不确定",
    }.items():
        frame.locator(f"#f-{name}").select_option(option)
    frame.locator('input[name="renewal_due"][value="false"]').check()
    frame.locator('input[name="first_loan"][value="true"]').check()
    frame.locator("#f-consent").check()


def test_form_submitted_while_offline_is_sent_once_when_back(page: Any, app: Restartable) -> None:
    frame, _ = open_widget(page)
    send(frame, "我想申请融资")  # any words: the one form opens
    frame.locator("#f-company_name").wait_for(timeout=15_000)
    fill_form(frame, valid_credit_code(31))
    app.stop()
    frame.locator("button.primary").click()
    summary = frame.locator(".error-summary h3", has_text="自动重新提交")
    summary.wait_for(timeout=10_000)
    assert "网络连接中断" in summary.inner_text() and "已保留" in summary.inner_text()
    assert not ENGLISH.search(frame.locator("#form-body").inner_text())
    assert frame.locator("#f-phone").input_value() == "+86 139-0598-1234"  # nothing lost
    app.start()
    ref = frame.locator(".done .ref")
    ref.wait_for(timeout=45_000)
    with app.db.session() as session:
        stored = session.scalars(select(FinancingRequest)).all()
        assert [r.ref for r in stored] == [ref.inner_text()]
        [request] = stored
        assert (request.amount_wan, request.phone) == (250.0, "13905981234")
        assert request.note == "订单增加，急需采购原材料（竹子）！"
        assert session.scalar(select(func.count(FinancingRequest.id))) == 1


def test_one_form_thumbs_only_under_answers_and_score_chips(page: Any, app: Restartable) -> None:
    frame, inner = open_widget(page)
    send(frame, "填表")
    frame.locator("#f-company_name").wait_for(timeout=15_000)  # the web form, not a chat form
    frame.locator("#form-back").click()
    assert frame.locator(".msg.bot", has_text="企业全称").count() == 0
    send(frame, QUESTION)
    frame.locator(".msg.bot .sources").first.wait_for(timeout=30_000)
    send(frame, "进度")
    frame.locator(".msg.bot", has_text="还没有提交过").wait_for(timeout=30_000)
    bot = frame.locator(".msg.bot")
    with_thumbs = [i for i in range(bot.count()) if bot.nth(i).locator(".feedback").count()]
    assert len(with_thumbs) == 1 and bot.nth(with_thumbs[0]).locator(".sources").count() == 1
    session_id = inner.evaluate("() => localStorage.getItem('policybot-session')")
    with app.db.session() as session:
        request = create_request(
            session, data=request_data(), channel="web", channel_user_id=session_id
        )
        ask_satisfaction(session, request, outcome="granted")
    chips = frame.locator(".msg.bot.inbox .chip")
    chips.first.wait_for(timeout=15_000)
    assert [c.split()[0] for c in chips.all_inner_texts()] == ["1分", "2分", "3分", "4分", "5分"]
    chips.nth(4).click()
    frame.locator(".msg.bot", has_text="感谢您的评价").wait_for(timeout=30_000)
