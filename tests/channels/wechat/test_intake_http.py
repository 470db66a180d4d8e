"""A whole financing request over WeChat and WeCom text; status notifications from the outbox."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.channels.wechat.render import CUT_NOTE
from bot.channels.wechat.store import forget_replies
from bot.intake.credit_code import ALPHABET, check_character
from bot.intake.fields import FORM_FIELDS
from bot.services import services_of
from storage.models import FinancingRequest, Notification, ProcessedMessage, SharedAnswer
from storage.notifications import MAX_ATTEMPTS, enqueue_notification
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
        "company_name": "三明市闽运机械制造有限公司",
        "credit_code": code,
        "county": "沙县区",
        "industry": "制造业",
        "contact_name": "林晓明",
        "phone": "13905981234",
        "amount_wan": "200",
        "purpose": "流动资金周转",
        "term_months": "12",
        "guarantee": "信用",
        "product": "科技贷",
        "renewal_due": "否",
        "first_loan": "是",
        "note": NOTE,
    }
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
    with services_of(running.app).db.session() as session:
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
    with services_of(wechat_app.app).db.session() as session:
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
        with services_of(wechat_app.app).db.session() as session:
            rows = {n.channel: n for n in session.scalars(select(Notification))}
        return rows["wechat"].sent_at is not None and rows["wecom"].sent_at is not None

    assert wait_until(delivered)
    with services_of(wechat_app.app).db.session() as session:
        rows = {n.channel: n for n in session.scalars(select(Notification))}
    assert rows["wechat"].attempts == 2 and rows["wecom"].attempts == 1
    assert rows["telegram"].sent_at is None and rows["telegram"].attempts == 0


@pytest.mark.parametrize(
    ("channel", "path", "errcode"),
    [
        ("wechat", "/cgi-bin/message/custom/send", 43004),  # the user unsubscribed
        ("wecom", "/cgi-bin/message/send", 81013),  # the user is outside the app's range
    ],
)
def test_outbox_gives_up_a_notice_the_api_refuses_for_good(
    wechat_app: RunningApp, wechat_fake_api: FakeWechatApi, channel: str, path: str, errcode: int
) -> None:
    wechat_fake_api.fail_next[path] = [errcode]
    with services_of(wechat_app.app).db.session() as session:
        note_id = enqueue_notification(session, channel=channel, user_id="gone", text="已推送").id
        enqueue_notification(session, channel=channel, user_id="here", text="审核中")
    assert [b["touser"] for b in wechat_fake_api.wait_for(path, 1)] == ["here"]

    def given_up() -> bool:
        with services_of(wechat_app.app).db.session() as session:
            note = session.get(Notification, note_id)
            return note is not None and note.attempts == MAX_ATTEMPTS

    assert wait_until(given_up)
    time.sleep(0.6)  # three more rounds: no retry of the refused one
    assert [b["touser"] for b in wechat_fake_api.sent(path)] == ["here"]
    refused = [c for c in wechat_fake_api.calls if c["path"] == path and not c["ok"]]
    assert len(refused) == 1


PHONE = "13905981234"


def test_long_summary_cut_without_public_link(wechat_app: RunningApp) -> None:
    sender = WechatSender(wechat_app)
    long_note = "今年订单大幅增加需要采购原材料并扩充生产线" * 45  # about 900 characters
    replies: list[str] = []

    def ask(text: str) -> str:
        replies.append(sender.ask("openid-long", text))
        return replies[-1]

    code = make_credit_code()
    final = fill_form(ask, code, note=long_note)
    summary = next(r for r in replies if r.startswith("请核对您填写的融资需求登记"))
    assert len(summary.encode()) <= 2048
    assert "/a/" not in "".join(replies) and "http" not in summary
    assert CUT_NOTE in summary and PHONE in summary and code in summary  # shown to the owner
    assert "同意" in summary.rsplit("请回复数字或文字选择：", 1)[-1]  # options kept
    assert "授权说明" in summary  # the consent text survives the shortening
    assert wechat_app.count(SharedAnswer) == 0  # nothing public was stored
    request = stored_request(wechat_app, code)
    assert request.note == long_note and request.ref in final


def test_refused_consent_leaves_nothing_of_the_form(wechat_app: RunningApp) -> None:
    sender = WechatSender(wechat_app)
    long_note = "今年订单大幅增加需要采购原材料并扩充生产线" * 45
    code = make_credit_code()
    replies: list[str] = []

    def ask(text: str) -> str:
        answer = sender.ask("openid-refuse", text)
        replies.append(answer)
        if answer.startswith("请核对您填写的融资需求登记"):
            refusal = options(answer)["不同意（不提交）"]
            replies.append(sender.ask("openid-refuse", refusal))
            return "RZ-00000000-0000"  # stops fill_form: nothing is submitted
        return answer

    fill_form(ask, code, note=long_note)
    assert "没有保存" in replies[-1]
    assert wechat_app.count(SharedAnswer) == 0 and wechat_app.count(FinancingRequest) == 0
    links = [m.group(0) for r in replies for m in re.finditer(r"https?://\S+", r)]
    for link in links:  # whatever was linked is not the owner's data
        page = sender.http.get(link.replace("https://policybot.test", wechat_app.url))
        assert PHONE not in page.text and code not in page.text
    db = services_of(wechat_app.app).db
    forget_replies(db, older_than=timedelta(0))  # what housekeeping does a minute later
    with db.session() as session:
        kept = [row.reply or "" for row in session.scalars(select(ProcessedMessage))]
    assert not any(PHONE in text or code in text for text in kept)


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
