"""A whole financing request over WeChat and WeCom text; status notifications from the outbox."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

import pytest
from sqlalchemy import select

from bot.intake.credit_code import ALPHABET, check_character
from bot.intake.fields import FORM_FIELDS
from storage.models import FinancingRequest, Notification
from storage.notifications import enqueue_notification
from tests.channels.wechat.fake_api import FakeWechatApi
from tests.channels.wechat.fixtures import (
    RunningApp,
    WechatSender,
    count_engine,
    wait_until,
)
from tests.channels.wechat.wecom_fixtures import WecomChat

NOTE = "订单增加]]>急需采购<原材料>&运费"


def make_credit_code() -> str:
    """A random code passing the GB 32100-2015 check."""
    first = "91350400" + "".join(random.choice(ALPHABET) for _ in range(9))
    return first + check_character(first)


def options(reply: str) -> dict[str, str]:
    """The numbered options of a reply: label -> number."""
    tail = reply.rsplit("请回复数字或文字选择：", 1)[-1] if "请回复数字" in reply else ""
    return {label.strip(): number for number, label in re.findall(r"^(\d+)\. (.+)$", tail, re.M)}


def fill_form(ask: Callable[[str], str], code: str, **overrides: str) -> str:
    """Answer every question of the form (choices by number); returns the final reply."""
    answers = {
        "company_name": "三明市闽运机械制造有限公司", "credit_code": code, "county": "沙县区",
        "industry": "制造业", "contact_name": "林晓明", "phone": "13905981234",
        "amount_wan": "200", "purpose": "流动资金周转", "term_months": "12",
        "guarantee": "信用", "product": "科技贷", "renewal_due": "否", "first_loan": "是",
        "note": NOTE,
    }  # fmt: skip
    answers.update(overrides)
    reply = ask("申请")
    for _ in range(40):
        if re.search(r"RZ-\d{8}-\d+", reply):
            return reply
        choices = options(reply)
        consent = next(
            (n for label, n in choices.items() if "同意" in label and "不" not in label), None
        )
        asked = [f for f in FORM_FIELDS if f.prompt in reply]
        if asked:
            field = asked[-1]
            value = answers[field.name]
            reply = ask(choices.get(value, value))  # a choice is answered with its number
        elif consent is not None:
            reply = ask(consent)
        else:
            pytest.fail(f"unexpected reply during the form: {reply}")
    pytest.fail("form did not finish")


def stored_request(running: RunningApp, code: str) -> FinancingRequest:
    with running.app.state.db.session() as session:
        rows = list(
            session.scalars(select(FinancingRequest).where(FinancingRequest.credit_code == code))
        )
    assert len(rows) == 1
    return rows[0]


def test_financing_request_completed_over_wechat(wechat_app: RunningApp) -> None:
    engine = count_engine(wechat_app)
    sender = WechatSender(wechat_app, safe=True)
    code = make_credit_code()
    sent: list[str] = []

    def ask(text: str) -> str:
        sent.append(text)
        return sender.ask("openid-intake", text)

    final = fill_form(ask, code)
    received = [text for _, _, text in engine.calls]
    # sent as its option number, mapped back by the channel to the button's value
    county_at = next(i for i, text in enumerate(received) if text.endswith(":county:沙县区"))
    assert sent[county_at].isdigit() and sent[county_at] != "沙县区"
    request = stored_request(wechat_app, code)
    assert request.ref in final
    assert (request.channel, request.channel_user_id) == ("wechat", "openid-intake")
    assert request.county == "沙县区" and request.guarantee == "信用" and request.first_loan is True
    assert request.amount_wan == 200 and request.term_months == 12 and request.consent is True
    assert request.note == NOTE


def test_financing_request_completed_over_wecom(
    wechat_app: RunningApp, wechat_fake_api: FakeWechatApi
) -> None:
    chat = WecomChat(wechat_app, wechat_fake_api, "linxiaoming")
    code = make_credit_code()
    final = fill_form(chat.ask, code)
    request = stored_request(wechat_app, code)
    assert request.ref in final
    assert (request.channel, request.channel_user_id) == ("wecom", "linxiaoming")
    assert request.product == "科技贷" and request.renewal_due is False


def test_outbox_notifications_delivered_on_both_channels(
    wechat_app: RunningApp, wechat_fake_api: FakeWechatApi
) -> None:
    wechat_fake_api.fail_next["/cgi-bin/message/custom/send"] = [45015]  # one failed round
    with wechat_app.app.state.db.session() as session:
        enqueue_notification(
            session, channel="wechat", user_id="openid-n", text="您的申请已推送银行。"
        )
        enqueue_notification(session, channel="wecom", user_id="zhangsan", text="状态更新：审核中")
        enqueue_notification(session, channel="telegram", user_id="42", text="not ours")
    [wechat] = wechat_fake_api.wait_for("/cgi-bin/message/custom/send", 1)
    [wecom] = wechat_fake_api.wait_for("/cgi-bin/message/send", 1)
    assert (wechat["touser"], wechat["text"]["content"]) == ("openid-n", "您的申请已推送银行。")
    assert (wecom["touser"], wecom["text"]["content"]) == ("zhangsan", "状态更新：审核中")

    def delivered() -> bool:
        with wechat_app.app.state.db.session() as session:
            rows = {n.channel: n for n in session.scalars(select(Notification))}
        return rows["wechat"].sent_at is not None and rows["wecom"].sent_at is not None

    assert wait_until(delivered)
    with wechat_app.app.state.db.session() as session:
        rows = {n.channel: n for n in session.scalars(select(Notification))}
    assert rows["wechat"].attempts == 2 and rows["wecom"].attempts == 1
    assert rows["telegram"].sent_at is None and rows["telegram"].attempts == 0


def test_long_summary_shortened_with_web_link(wechat_app: RunningApp) -> None:
    sender = WechatSender(wechat_app)
    long_note = "今年订单大幅增加需要采购原材料并扩充生产线" * 45  # about 900 characters
    replies: list[str] = []

    def ask(text: str) -> str:
        replies.append(sender.ask("openid-long", text))
        return replies[-1]

    code = make_credit_code()
    final = fill_form(ask, code, note=long_note)
    summary = next(r for r in replies if "/a/" in r)
    assert len(summary.encode()) <= 2048
    link = re.search(r"https://policybot\.test(/a/[0-9a-f]{32})", summary)
    assert link is not None
    assert "同意" in summary.rsplit("请回复数字或文字选择：", 1)[-1]  # options kept
    assert "授权说明" in summary  # the consent text survives the shortening
    page = sender.http.get(wechat_app.url + link.group(1))
    assert page.status_code == 200 and long_note[:60] in page.text
    request = stored_request(wechat_app, code)
    assert request.note == long_note and request.ref in final


def test_long_summary_split_over_wecom(
    wechat_app: RunningApp, wechat_fake_api: FakeWechatApi
) -> None:
    chat = WecomChat(wechat_app, wechat_fake_api, "chenjing")
    long_note = "今年订单大幅增加需要采购原材料并扩充生产线" * 45
    code = make_credit_code()
    fill_form(chat.ask, code, note=long_note)
    parts = chat.received()
    start = next(i for i, p in enumerate(parts) if p.startswith("请核对您填写的融资需求登记"))
    summary_parts = [p for p in parts[start:] if not re.search(r"RZ-\d{8}", p)]
    assert len(summary_parts) >= 2 and all(len(p.encode()) <= 2048 for p in parts)
    assert long_note in "".join(summary_parts).replace("\n", "")  # split, nothing cut
    assert "/a/" not in "".join(parts)
    assert stored_request(wechat_app, code).note == long_note
