"""The WeCom self-built app callback over HTTP: always encrypted, replies via message/send."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import httpx
import pytest

from bot.channels.wechat.crypto import MessageCrypto
from bot.channels.wechat.inbound import WELCOME
from core.settings import Settings
from storage.models import Conversation, Message, ProcessedMessage
from tests.channels.wechat.fake_api import FakeWechatApi, serve_app
from tests.channels.wechat.fixtures import (
    WECOM_AES_KEY,
    RunningApp,
    count_engine,
    is_cited,
    message_xml,
    next_msg_id,
)
from tests.channels.wechat.test_xml import BILLION_LAUGHS, XXE
from tests.channels.wechat.wecom_fixtures import WecomChat, WecomSender

if TYPE_CHECKING:
    from bot.answerer import Answerer

MESSAGE_SEND = "/cgi-bin/message/send"


def nothing_stored(running: RunningApp) -> bool:
    """No message key, conversation or transcript row was written."""
    return all(running.count(m) == 0 for m in (ProcessedMessage, Conversation, Message))


def test_verify_url_decrypts_echostr(wechat_app: RunningApp) -> None:
    sender = WecomSender(wechat_app)
    echostr = sender.crypto.encrypt("4523810213")
    response = sender.http.get(sender.url, params={**sender.signed(echostr), "echostr": echostr})
    assert (response.status_code, response.text) == (200, "4523810213")


def test_verify_url_bad_signature_403(wechat_app: RunningApp) -> None:
    sender = WecomSender(wechat_app)
    echostr = sender.crypto.encrypt("4523810213")
    params = {**sender.signed(echostr, token="forged"), "echostr": echostr}
    response = sender.http.get(sender.url, params=params)
    assert response.status_code == 403 and "4523810213" not in response.text


def test_verify_url_other_corp_refused(wechat_app: RunningApp) -> None:
    sender = WecomSender(wechat_app)
    other = MessageCrypto(sender.settings.wecom_token, WECOM_AES_KEY, "ww-other-corp")
    echostr = other.encrypt("4523810213")
    response = sender.http.get(sender.url, params={**sender.signed(echostr), "echostr": echostr})
    assert response.status_code == 400


def test_question_answered_through_message_send(
    wechat_app: RunningApp, wechat_fake_api: FakeWechatApi
) -> None:
    chat = WecomChat(wechat_app, wechat_fake_api, "zhangsan")
    reply = chat.ask("企业信用有瑕疵，怎么修复信用？")
    assert is_cited(reply)
    [body] = wechat_fake_api.sent(MESSAGE_SEND)
    assert body["agentid"] == 1000002 and body["touser"] == "zhangsan"
    assert wechat_fake_api.token_requests("/cgi-bin/gettoken") == 1


def test_three_retries_processed_once(
    wechat_app: RunningApp, wechat_fake_api: FakeWechatApi
) -> None:
    engine = count_engine(wechat_app, delay=0.3)
    sender = WecomSender(wechat_app)
    msg_id = next_msg_id()
    with ThreadPoolExecutor(max_workers=3) as pool:
        responses = list(
            pool.map(lambda _: sender.text("lisi", "续贷有什么支持？", msg_id), range(3))
        )
    assert [r.status_code for r in responses] == [200, 200, 200]
    [body] = wechat_fake_api.wait_for(MESSAGE_SEND, 1)
    assert sender.text("lisi", "续贷有什么支持？", msg_id).status_code == 200
    time.sleep(0.8)
    assert wechat_fake_api.sent(MESSAGE_SEND) == [body]
    assert len(engine.calls) == 1


def test_subscribe_welcome_pushed(wechat_app: RunningApp, wechat_fake_api: FakeWechatApi) -> None:
    sender = WecomSender(wechat_app)
    assert sender.post(message_xml("wangwu", "event", Event="subscribe")).status_code == 200
    [body] = wechat_fake_api.wait_for(MESSAGE_SEND, 1)
    assert (body["touser"], body["text"]["content"]) == ("wangwu", WELCOME)


def test_bad_signature_403_and_nothing_stored(
    wechat_app: RunningApp, wechat_fake_api: FakeWechatApi
) -> None:
    sender = WecomSender(wechat_app)
    assert sender.text("zhaoliu", "续贷有什么支持？", token="forged").status_code == 403
    time.sleep(0.3)
    assert nothing_stored(wechat_app) and wechat_fake_api.sent(MESSAGE_SEND) == []


@pytest.mark.parametrize("payload", [XXE, BILLION_LAUGHS], ids=["xxe", "billion-laughs"])
def test_entity_payloads_rejected(wechat_app: RunningApp, payload: bytes) -> None:
    sender = WecomSender(wechat_app)
    assert sender.post(payload.decode()).status_code == 400  # inside the encrypted envelope
    outer = sender.http.post(sender.url, params=sender.signed("x"), content=payload)
    assert outer.status_code == 400
    assert nothing_stored(wechat_app)


def test_oversized_body_413(wechat_app: RunningApp) -> None:
    sender = WecomSender(wechat_app)
    big = message_xml("zhaoliu", "text", Content="贷" * 20000, MsgId="1")
    assert sender.post(big).status_code == 413
    assert nothing_stored(wechat_app)


@pytest.mark.parametrize("path", ["/wecom/callback", "/wechat/callback"])
def test_unconfigured_channel_refuses_callbacks(
    app_settings: Settings, answerer: Answerer, path: str
) -> None:
    from server import create_app

    with serve_app(create_app(app_settings, answerer=answerer)) as url:
        params = {
            "msg_signature": "x",
            "signature": "x",
            "timestamp": "1",
            "nonce": "2",
            "echostr": "e",
        }
        assert httpx.get(url + path, params=params).status_code == 403
        assert httpx.post(url + path, params=params, content=b"<xml/>").status_code == 403
