"""The Official Account callback over HTTP against the running app: protocol and answers."""

from __future__ import annotations

import pytest

from bot.channels.wechat.inbound import UNSUPPORTED, WELCOME
from storage.models import Conversation, Message, ProcessedMessage
from tests.channels.wechat.fixtures import RunningApp, WechatSender, is_cited, message_xml
from tests.channels.wechat.test_xml import BILLION_LAUGHS, XXE


def nothing_stored(running: RunningApp) -> bool:
    """No message key, conversation or transcript row was written."""
    return all(running.count(m) == 0 for m in (ProcessedMessage, Conversation, Message))


def test_verify_url_echoes_echostr(wechat_app: RunningApp) -> None:
    sender = WechatSender(wechat_app)
    response = sender.http.get(sender.url, params={**sender.params(), "echostr": "8812345"})
    assert (response.status_code, response.text) == (200, "8812345")


def test_verify_url_bad_signature_403(wechat_app: RunningApp) -> None:
    sender = WechatSender(wechat_app)
    params = {**sender.params(token="not-the-token"), "echostr": "8812345"}
    response = sender.http.get(sender.url, params=params)
    assert response.status_code == 403 and "8812345" not in response.text


@pytest.mark.parametrize("safe", [False, True], ids=["plaintext", "aes"])
def test_question_gets_cited_reply(wechat_app: RunningApp, safe: bool) -> None:
    sender = WechatSender(wechat_app, safe=safe)
    reply = sender.ask("openid-q", "首次申请贷款的小微企业有什么支持政策？")
    assert is_cited(reply)
    assert len(reply.encode()) <= 2048
    assert wechat_app.count(Message) >= 2  # the engine's transcript: question and answer


@pytest.mark.parametrize("safe", [False, True], ids=["plaintext", "aes"])
def test_bad_signature_403_and_nothing_stored(wechat_app: RunningApp, safe: bool) -> None:
    sender = WechatSender(wechat_app, safe=safe)
    response = sender.text("openid-x", "首贷有什么支持？", token="forged")
    assert response.status_code == 403
    assert nothing_stored(wechat_app)


def test_aes_message_for_other_app_refused(wechat_app: RunningApp) -> None:
    from bot.channels.wechat.crypto import MessageCrypto
    from tests.channels.wechat.fixtures import WECHAT_AES_KEY

    sender = WechatSender(wechat_app, safe=True)
    sender.crypto = MessageCrypto(sender.settings.wechat_token, WECHAT_AES_KEY, "wx-someone-else")
    assert sender.text("openid-x", "首贷").status_code == 400
    assert nothing_stored(wechat_app)


@pytest.mark.parametrize("payload", [XXE, BILLION_LAUGHS], ids=["xxe", "billion-laughs"])
@pytest.mark.parametrize("safe", [False, True], ids=["plaintext", "aes"])
def test_entity_payloads_rejected(wechat_app: RunningApp, payload: bytes, safe: bool) -> None:
    sender = WechatSender(wechat_app, safe=safe)
    response = sender.post(payload.decode())
    assert response.status_code == 400
    assert "root:" not in response.text and "lollol" not in response.text
    assert nothing_stored(wechat_app)


def test_entity_payload_as_outer_envelope_rejected(wechat_app: RunningApp) -> None:
    sender = WechatSender(wechat_app, safe=True)
    params = sender.params("x")
    response = sender.http.post(sender.url, params=params, content=XXE)
    assert response.status_code == 400
    assert nothing_stored(wechat_app)


def test_oversized_body_413(wechat_app: RunningApp) -> None:
    sender = WechatSender(wechat_app)
    big = message_xml("openid-big", "text", Content="贷" * 20000, MsgId="1")
    response = sender.post(big)
    assert response.status_code == 413
    assert nothing_stored(wechat_app)


def test_subscribe_gets_welcome(wechat_app: RunningApp) -> None:
    sender = WechatSender(wechat_app, safe=True)
    assert sender.reply(sender.event("openid-new", "subscribe")) == WELCOME


def test_unsubscribe_answers_success(wechat_app: RunningApp) -> None:
    sender = WechatSender(wechat_app)
    assert sender.reply(sender.event("openid-new", "unsubscribe")) is None


def test_menu_click_answers_topic(wechat_app: RunningApp) -> None:
    sender = WechatSender(wechat_app)
    reply = sender.reply(sender.event("openid-menu", "CLICK", "RENEWAL"))
    assert is_cited(reply) and "续贷" in (reply or "")


def test_image_message_gets_text_only_notice(wechat_app: RunningApp) -> None:
    sender = WechatSender(wechat_app)
    xml = message_xml("openid-img", "image", PicUrl="http://127.0.0.1/x.jpg", MsgId="99")
    assert sender.reply(sender.post(xml)) == UNSUPPORTED
