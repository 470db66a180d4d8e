"""Handoff on Telegram, WeChat and WeCom against the fake APIs: staff replies arrive by push."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import update

from bot.services import services_of
from core import clock
from core.settings import Settings
from server import create_app
from storage.models import Handoff
from tests.channels.telegram.fake_api import FakeTelegramAPI
from tests.channels.telegram.fixtures import telegram_settings, user_message
from tests.channels.wechat.fake_api import FakeWechatApi
from tests.channels.wechat.fixtures import (  # noqa: F401  (fixtures used below)
    RunningApp,
    WechatSender,
    wechat_fake_api,
    wechat_settings,
)
from tests.channels.wechat.wecom_fixtures import WecomChat
from tests.helpers.staff import StaffClient, seed_staff
from tests.live_server import serve_app

if TYPE_CHECKING:
    from bot.answerer import Answerer

QUESTION = "贷款快到期了，续贷有什么支持政策？"
TG_USER = 626262
CUSTOM_SEND = "/cgi-bin/message/custom/send"


def wait_until(predicate: Callable[[], Any], timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out")


# --- Telegram --------------------------------------------------------------------------------


@pytest.fixture
def telegram_live(
    app_settings: Settings, answerer: Answerer
) -> Iterator[tuple[str, FakeTelegramAPI]]:
    """The full app in polling mode against a fake Bot API, with staff accounts."""
    api = FakeTelegramAPI("123456:TEST-handoff-token")
    with serve_app(api.app) as api_url:
        api.port = int(api_url.rsplit(":", 1)[1])
        settings = telegram_settings(app_settings, api).model_copy(
            update={"office_hours": "每天 0:00-24:00"}
        )
        seed_staff(settings)
        with serve_app(create_app(settings, answerer=answerer)) as url:
            yield url, api


def tg_texts(api: FakeTelegramAPI) -> list[str]:
    return [m["text"] for m in api.sent(TG_USER)]


def tg_say(api: FakeTelegramAPI, text: str, expect: str) -> str:
    before = len(tg_texts(api))
    api.enqueue(user_message(TG_USER, text))
    return str(
        api.wait_until(
            lambda: "\n".join(t for t in tg_texts(api)[before:] if expect in t), timeout=60
        )
    )


def test_telegram_handoff_reply_by_send_message_then_bot_resumes(
    telegram_live: tuple[str, FakeTelegramAPI],
) -> None:
    url, api = telegram_live
    assert "已为您转接人工服务" in tg_say(api, "转人工", "转接")
    coord = StaffClient(url, "coord")
    [handoff_id] = wait_until(coord.handoff_ids)
    assert "Telegram" in coord.detail(handoff_id)
    coord.post(handoff_id, "reply", text="您好，协调办小王为您服务")
    api.wait_until(lambda: any("协调办小王" in t for t in tg_texts(api)))
    sent_before = len(tg_texts(api))
    api.enqueue(user_message(TG_USER, "我们是机械厂，贷款下月到期"))
    wait_until(lambda: "贷款下月到期" in coord.detail(handoff_id))
    api.wait_until(lambda: len(tg_texts(api)) > sent_before)
    assert "已转给协调办工作人员" in tg_texts(api)[-1]  # acknowledged once, not answered
    api.enqueue(user_message(TG_USER, "金额大概300万"))
    wait_until(lambda: "金额大概300万" in coord.detail(handoff_id))
    time.sleep(0.5)
    assert len(tg_texts(api)) == sent_before + 1  # no acknowledgement per message
    coord.post(handoff_id, "close")
    api.wait_until(lambda: any("已结束本次人工服务" in t for t in tg_texts(api)))
    assert "依据：" in tg_say(api, QUESTION, "依据：")
    assert sum("协调办小王" in t for t in tg_texts(api)) == 1  # delivered once


# --- WeChat and WeCom ------------------------------------------------------------------------


@pytest.fixture
def wechat_live(wechat_settings: Settings, answerer: Answerer) -> Iterator[RunningApp]:  # noqa: F811
    """The full app with WeChat and WeCom configured against the fake API, staff seeded."""
    settings = wechat_settings.model_copy(
        update={"office_hours": "每天 0:00-24:00", "public_base_url": "http://policybot.test"}
    )  # staff cookies are Secure under an https PUBLIC_BASE_URL; the test talks plain HTTP
    seed_staff(settings)
    app = create_app(settings, answerer=answerer)
    with serve_app(app) as url:
        yield RunningApp(url, app, settings)


def custom_texts(fake: FakeWechatApi, user: str) -> list[str]:
    return [b["text"]["content"] for b in fake.sent(CUSTOM_SEND) if b["touser"] == user]


def test_wechat_handoff_reply_by_customer_service_api_then_bot_resumes(
    wechat_live: RunningApp,
    wechat_fake_api: FakeWechatApi,  # noqa: F811
) -> None:
    sender, user = WechatSender(wechat_live), "openid-handoff"
    assert "已为您转接人工服务" in sender.ask(user, "转人工")
    coord = StaffClient(wechat_live.url, "coord")
    [handoff_id] = coord.handoff_ids()
    coord.post(handoff_id, "reply", text="您好，协调办小张为您服务")
    wait_until(lambda: any("协调办小张" in t for t in custom_texts(wechat_fake_api, user)))
    assert "已转给协调办工作人员" in sender.ask(user, "我们想续贷300万")  # acknowledged
    assert sender.reply(sender.text(user, "下个月到期")) is None  # then quiet: "success"
    assert "我们想续贷300万" in coord.detail(handoff_id)
    coord.post(handoff_id, "close")
    wait_until(lambda: any("已结束" in t for t in custom_texts(wechat_fake_api, user)))
    assert "依据" in sender.ask(user, QUESTION)
    assert sum("协调办小张" in t for t in custom_texts(wechat_fake_api, user)) == 1


def test_wechat_reply_past_48_hours_is_kept_and_shown_next_time(
    wechat_live: RunningApp,
    wechat_fake_api: FakeWechatApi,  # noqa: F811
) -> None:
    sender, user = WechatSender(wechat_live), "openid-late"
    sender.ask(user, "转人工")
    with services_of(wechat_live.app).db.session() as session:
        session.execute(update(Handoff).values(last_user_at=clock.now() - timedelta(hours=49)))
    coord = StaffClient(wechat_live.url, "coord")
    [handoff_id] = coord.handoff_ids()
    response = coord.post(handoff_id, "reply", text="抱歉久等，协调办小陈回复您")
    assert response.headers["location"].endswith("msg=held")
    time.sleep(0.6)  # three outbox rounds
    assert not any("小陈" in t for t in custom_texts(wechat_fake_api, user))
    shown = sender.reply(sender.text(user, "在吗"))
    assert shown is not None and "小陈" in shown and "您离开期间" in shown
    assert sender.reply(sender.text(user, "好的")) is None  # shown once


def test_wecom_handoff_reply_by_message_send(
    wechat_live: RunningApp,
    wechat_fake_api: FakeWechatApi,  # noqa: F811
) -> None:
    chat = WecomChat(wechat_live, wechat_fake_api, "wecom-member-1")
    assert "已为您转接人工服务" in chat.ask("转人工")
    coord = StaffClient(wechat_live.url, "coord")
    [handoff_id] = coord.handoff_ids()
    assert "企业微信" in coord.detail(handoff_id)
    coord.post(handoff_id, "reply", text="企业微信这边协调办小刘回复")
    wait_until(lambda: any("小刘" in t for t in chat.received()))
