"""The form over the WeChat callback: voice answers, stickers, readings asked back by number."""

from __future__ import annotations

import re

from sqlalchemy import select

from bot.services import services_of
from storage.models import FinancingRequest
from tests.channels.wechat.fixtures import RunningApp, WechatSender, message_xml, next_msg_id
from tests.channels.wechat.test_intake_http import make_credit_code, options

USER = "openid-readings"


def test_voice_and_colloquial_answers_are_stored_as_meant(wechat_app: RunningApp) -> None:
    sender = WechatSender(wechat_app)
    code = make_credit_code()

    def say(text: str) -> str:
        return sender.ask(USER, text)

    def speak(recognised: str) -> str:
        """A voice message as WeChat recognised it (with the punctuation it adds)."""
        voice = message_xml(
            USER,
            "voice",
            MediaId="media-1",
            Format="amr",
            Recognition=recognised,
            MsgId=next_msg_id(),
        )
        reply = sender.reply(sender.post(voice))
        assert reply
        return reply

    say("申请")
    assert "收到的是表情" in say("【收到不支持的消息类型，暂无法显示】")
    assert "统一社会信用代码" in speak("三明市闽运机械有限公司。")
    assert "县" in say(code)
    say("沙县区")
    say("制造业")
    speak("林晓明。")
    assert "计划融资多少万元" in speak("139，0598，1234。")
    asked = say("1.5kw")
    assert "您填写的是 1500 万元，对吗？" in asked
    assert "资金主要用途" in say(options(asked)["是"])  # answered with the option number
    say("流动资金周转")
    assert "担保方式" in speak("两年零六个月。")
    for answer in ["信用", "不确定", "否", "是"]:
        say(answer)
    summary = say("无")
    consent = next(n for label, n in options(summary).items() if label == "同意授权并提交")
    assert re.search(r"RZ-\d{8}-\d+", say(consent))
    with services_of(wechat_app.app).db.session() as session:
        request = session.scalars(select(FinancingRequest)).one()
    assert (request.company_name, request.contact_name, request.phone) == (
        "三明市闽运机械有限公司",
        "林晓明",
        "13905981234",
    )
    assert (request.amount_wan, request.term_months, request.county) == (1500.0, 30, "沙县区")
    assert (request.renewal_due, request.first_loan, request.credit_code) == (False, True, code)
