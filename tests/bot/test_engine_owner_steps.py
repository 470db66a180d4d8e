"""The chat form in every channel: questions at a step are answered or explained (never stored),
a repeated 同意 is idempotent, readings with another plausible meaning are offered, and only
answers carry 👍/👎 (issue 20, items 10 and 14)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from bot.conversation.form import form_in_client
from bot.engine import Engine
from bot.intake.fields import FORM_FIELDS
from storage.conversations import get_conversation
from storage.models import FinancingRequest, Message
from tests.helpers.engine import (
    button_labels,
    button_values,
    db,
    engine,
    fake_answerer,
    fill_form,
    press,
    shared_db,
    shared_engine,
    texts,
    user,
)

__all__ = ["db", "engine", "fake_answerer", "shared_db", "shared_engine", "user"]
CHANNELS = ["cli", "web", "telegram", "wechat", "wecom"]
REFUSAL = "不在服务范围"


def form_data(engine: Engine, channel: str, user: str) -> dict[str, Any]:
    with engine.db.session() as session:
        conversation = get_conversation(session, channel=channel, user_id=user)
        assert conversation is not None
        form = conversation.state.get("form")
        return dict(form["data"]) if form else {}


def requests_of(engine: Engine, user: str) -> int:
    with engine.db.session() as session:
        query = select(func.count(FinancingRequest.id)).where(
            FinancingRequest.channel_user_id == user
        )
        return int(session.scalar(query) or 0)


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("question", ["那找谁", "这个要填什么", "为什么要填这个？", "必须填吗"])
def test_question_at_any_step_is_never_stored_and_the_step_is_asked_again(
    shared_engine: Engine, user: str, channel: str, question: str
) -> None:
    for index, field in enumerate(FORM_FIELDS[:-1]):  # every step but the free-text note
        who = f"{user}-{channel}-{index}"
        fill_form(shared_engine, who, channel=channel, stop_before=field.name)
        before = form_data(shared_engine, channel, who)
        replies = shared_engine.handle(channel, who, question)
        assert form_data(shared_engine, channel, who) == before, (field.name, question)
        assert field.prompt.split("（")[0][:6] in texts(replies), (field.name, texts(replies))


@pytest.mark.parametrize("channel", ["cli", "telegram"])
def test_why_a_step_is_asked_is_explained_from_the_fields_table(
    shared_engine: Engine, user: str, channel: str
) -> None:
    fill_form(shared_engine, user, channel=channel, stop_before="phone")
    replies = shared_engine.handle(channel, user, "为什么要手机号")
    phone = next(f for f in FORM_FIELDS if f.name == "phone")
    assert phone.why in texts(replies) and "手机号码" in texts(replies)
    assert REFUSAL not in texts(replies)
    replies = shared_engine.handle(channel, user, "+86 139-1234-5678")
    assert form_data(shared_engine, channel, user)["phone"] == "13912345678"


@pytest.mark.parametrize("channel", CHANNELS)
def test_double_tap_on_consent_is_idempotent_without_refusal(
    shared_engine: Engine, user: str, channel: str
) -> None:
    summary = fill_form(shared_engine, user, channel=channel)
    first = press(shared_engine, user, summary, "同意授权并提交", channel=channel)
    assert "登记编号" in texts(first)
    for again in (
        press(shared_engine, user, summary, "同意授权并提交", channel=channel),
        shared_engine.handle(channel, user, "同意"),
    ):
        assert "已经提交" in texts(again) and REFUSAL not in texts(again)
        assert "过期" not in texts(again)
    assert requests_of(shared_engine, user) == 1


def test_amount_with_another_plausible_reading_offers_it(shared_engine: Engine, user: str) -> None:
    fill_form(shared_engine, user, stop_before="amount_wan")
    asked = shared_engine.handle("cli", user, "20000")
    assert "还是" in texts(asked) and "2 万元" in texts(asked)
    press(shared_engine, user, asked, "是 2 万元")
    assert form_data(shared_engine, "cli", user)["amount_wan"] == 2.0


def test_spoken_numbers_are_stored_in_the_fields_unit(shared_engine: Engine, user: str) -> None:
    fill_form(shared_engine, user, stop_before="amount_wan")
    replies = shared_engine.handle("cli", user, "两百五")
    assert form_data(shared_engine, "cli", user)["amount_wan"] == 250.0
    assert "资金主要用途" in texts(replies)


def test_free_text_choice_is_stored_as_the_option_it_names(
    shared_engine: Engine, user: str
) -> None:
    fill_form(shared_engine, user, stop_before="purpose")
    shared_engine.handle("cli", user, "买竹子原料，周转用")
    assert form_data(shared_engine, "cli", user)["purpose"] == "流动资金周转"


@pytest.mark.parametrize("words", ["申请", "我想申请融资", "填表", "我要登记", "融资对接"])
def test_every_way_to_apply_opens_the_one_client_form(
    shared_engine: Engine, user: str, words: str
) -> None:
    with form_in_client():
        replies = shared_engine.handle("web", user, words)
    assert [m.action for m in replies] == ["open_form"]
    assert form_data(shared_engine, "web", user) == {}  # no second form in the chat
    assert "申请融资对接" in button_values(replies)


def test_accepting_the_offer_opens_the_same_client_form(shared_engine: Engine, user: str) -> None:
    with form_in_client():
        offer = shared_engine.handle("web", user, "想贷款200万周转")
        assert "暂不需要" in button_values(offer)
        replies = shared_engine.handle("web", user, "好的")
    assert [m.action for m in replies] == ["open_form"]


def test_thumbs_only_under_answers(shared_engine: Engine, user: str) -> None:
    greeting = shared_engine.handle("cli", user, "你好")
    answer = shared_engine.handle("cli", user, "企业信用有瑕疵，怎么修复信用？")
    status = shared_engine.handle("cli", user, "进度")
    prompts = fill_form(shared_engine, user)
    receipt = press(shared_engine, user, prompts, "同意授权并提交")
    for replies in (greeting, status, prompts, receipt):
        assert not [v for v in button_values(replies) if v.startswith("fb:")], texts(replies)
        assert all(m.message_id is None for m in replies)
    assert "👍" in button_labels(answer) and answer[0].message_id is not None
    with shared_engine.db.session() as session:  # the receipt's transcript row cannot be rated
        receipt_id = session.scalar(
            select(Message.id).where(Message.intent == "submitted").order_by(Message.id.desc())
        )
    bogus = shared_engine.handle("cli", user, f"fb:up:{receipt_id}")
    assert "没有找到要评价的回答" in texts(bogus)
