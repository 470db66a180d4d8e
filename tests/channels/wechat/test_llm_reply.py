"""LLM mode on WeChat and WeCom: passive reply within the budget, else the API; never ungrounded."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from core.settings import Settings
from tests.channels.wechat.fake_api import FakeWechatApi
from tests.channels.wechat.fixtures import RunningApp, WechatSender, next_msg_id
from tests.channels.wechat.wecom_fixtures import WecomChat
from tests.fakes.llm_fixtures import answerer_with, llm_settings
from tests.fakes.openai_server import FakeOpenAI, Reply, streamed
from tests.live_server import serve_app

if TYPE_CHECKING:
    from bot.answerer import Answerer

CUSTOM_SEND = "/cgi-bin/message/custom/send"
QUESTION = "担保机构的放大倍数要求是多少？"
GROUNDED = (
    "可以放心，政府性融资担保机构的放大倍数要确保在5倍以上[measure-9]。"
    "具体担保费率和额度资料中没有规定，由担保机构和银行根据企业情况确定。"
)
INVENTED = "可以放心，担保放大倍数5倍以上[measure-9]。贷款年利率3.85%[measure-9]。"


@pytest.fixture
def llm_wechat_app(
    wechat_settings: Settings, answerer: Answerer, fake_llm: FakeOpenAI
) -> Iterator[RunningApp]:
    """The full app in LLM mode (reply budget 2.5 s, first token 2.5 s, model timeout 6 s: a
    CI machine can take over a second to reach the model's first token or to check an answer,
    so the budget leaves room; the slow model below takes twice the budget)."""
    from server import create_app

    configured = llm_settings(
        wechat_settings,
        fake_llm.url,
        LLM_TIMEOUT_S=6.0,
        LLM_FIRST_TOKEN_TIMEOUT_S=2.5,
        WECHAT_REPLY_TIMEOUT_S=2.5,
    )
    llm = answerer_with(answerer, configured)
    app = create_app(configured, answerer=llm)
    with serve_app(app) as url:
        yield RunningApp(url, app, configured)


def test_wechat_quick_model_answers_passively(
    llm_wechat_app: RunningApp, fake_llm: FakeOpenAI
) -> None:
    fake_llm.reply(streamed(GROUNDED, 0.6))
    sender = WechatSender(llm_wechat_app, safe=True)
    reply = sender.reply(sender.text("openid-llm", QUESTION, next_msg_id()))
    assert reply is not None and "5倍以上（第9条）" in reply and "[measure-9]" not in reply


def test_wechat_slow_model_replies_success_then_customer_service(
    llm_wechat_app: RunningApp, wechat_fake_api: FakeWechatApi, fake_llm: FakeOpenAI
) -> None:
    fake_llm.reply(streamed(GROUNDED, 5.0, first_delay_s=0.3))
    sender = WechatSender(llm_wechat_app)
    started = time.monotonic()
    response = sender.text("openid-slow-llm", QUESTION, next_msg_id())
    assert time.monotonic() - started < 4.5  # the 2.5 s budget, not the 5.3 s model
    assert sender.reply(response) is None  # "success"
    [sent] = wechat_fake_api.wait_for(CUSTOM_SEND, 1)
    assert sent["touser"] == "openid-slow-llm"
    assert "5倍以上（第9条）" in sent["text"]["content"]


def test_wechat_invented_rate_gives_offline_answer(
    llm_wechat_app: RunningApp,
    wechat_fake_api: FakeWechatApi,
    fake_llm: FakeOpenAI,
    answerer: Answerer,
) -> None:
    fake_llm.reply(Reply([INVENTED]))
    sender = WechatSender(llm_wechat_app)
    reply = sender.reply(sender.text("openid-invent", QUESTION, next_msg_id()))
    if reply is None:  # past the passive budget on a busy machine: sent through the API
        [sent] = wechat_fake_api.wait_for(CUSTOM_SEND, 1)
        reply = sent["text"]["content"]
    assert "3.85" not in reply
    assert answerer.answer(QUESTION).answer.split("\n")[0][:20] in reply


@pytest.mark.parametrize(
    "reply",
    [
        Reply(status=500),
        Reply(status=429, retry_after="1"),
        Reply(["放大倍数5倍以上[measure-9]。"], first_delay_s=4.5),
    ],
    ids=["http-500", "http-429", "slow-first-token"],
)
def test_wecom_model_error_pushes_offline_answer(
    llm_wechat_app: RunningApp,
    wechat_fake_api: FakeWechatApi,
    fake_llm: FakeOpenAI,
    answerer: Answerer,
    reply: Reply,
) -> None:
    fake_llm.reply(reply)
    pushed = WecomChat(llm_wechat_app, wechat_fake_api, "wecom-user").ask(QUESTION)
    assert answerer.answer(QUESTION).answer.split("\n")[0][:20] in pushed


def test_wecom_grounded_answer_pushed_through_message_send(
    llm_wechat_app: RunningApp, wechat_fake_api: FakeWechatApi, fake_llm: FakeOpenAI
) -> None:
    fake_llm.reply(streamed(GROUNDED, 0.5))
    pushed = WecomChat(llm_wechat_app, wechat_fake_api, "wecom-llm").ask(QUESTION)
    assert "5倍以上（第9条）" in pushed
