"""Engine tests outside the form: help, policy answers, follow-ups, feedback, contact."""

from __future__ import annotations

import logging
import re

import pytest

from bot.engine import Engine
from core.settings import Settings
from storage.conversations import get_conversation, list_messages
from storage.db import Database
from storage.models import Message
from tests.helpers.engine import (
    FakeAnswerer,
    button_values,
    fake_answerer,
    shared_db,
    shared_engine,
    texts,
    user,
)

__all__ = ["fake_answerer", "shared_db", "shared_engine", "user"]


@pytest.fixture
def engine(shared_engine: Engine) -> Engine:
    """The engine on this module's shared database (each test has its own user)."""
    return shared_engine


@pytest.fixture
def db(shared_db: tuple[Database, Settings]) -> Database:
    return shared_db[0]


@pytest.fixture
def db_settings(shared_db: tuple[Database, Settings]) -> Settings:
    return shared_db[1]


@pytest.mark.parametrize("greeting", ["/start", "你好", "帮助", "/help", ""])
def test_greeting_shows_help_with_topic_buttons(engine: Engine, user: str, greeting: str) -> None:
    replies = engine.handle("cli", user, greeting)
    labels = [b.label for r in replies for b in r.buttons]
    assert labels == [
        "续贷",
        "信用修复",
        "专项贷款",
        "降低融资成本",
        "政策体检",
        "申请融资对接",
        "联系人工",
    ]
    assert "融资政策助手" in texts(replies)


def test_topic_button_value_is_answered_as_question(engine: Engine, user: str) -> None:
    topic = next(
        b for b in engine.handle("cli", user, "/start")[0].buttons if b.label == "信用修复"
    )
    replies = engine.handle("cli", user, topic.value)
    assert "第2条" in texts(replies)


def test_policy_answer_has_citations_follow_ups_and_feedback(engine: Engine, user: str) -> None:
    replies = engine.handle("cli", user, "科技贷是什么？")
    answer = replies[0]
    assert answer.citations[0].article == 6 and answer.message_id is not None
    values = [b.value for b in answer.buttons]
    assert values[:2] == ["原文:measure-6", "申请融资对接"]
    assert values[2:] == [f"fb:up:{answer.message_id}", f"fb:down:{answer.message_id}"]


def test_follow_up_question_uses_previous_topic(
    engine: Engine, user: str, fake_answerer: FakeAnswerer
) -> None:
    engine.handle("cli", user, "科技贷是什么？")
    replies = engine.handle("cli", user, "那要什么条件？")
    focus = fake_answerer.documents["measure-6"].title  # no glossary: the measure's title
    assert fake_answerer.calls[-1] == (f"{focus}要什么条件?", "measure-6")
    assert "科技贷" in texts(replies)
    engine.handle("cli", user + "-2", "那要什么条件？")
    assert fake_answerer.calls[-1] == ("那要什么条件?", None)


def test_financing_need_offers_the_form(engine: Engine, user: str) -> None:
    replies = engine.handle("cli", user, "想贷款200万周转")
    assert "第6条" in texts(replies) and "登记需求" in texts(replies)
    assert "申请融资对接" in button_values(replies) and "暂不需要" in button_values(replies)
    assert "现在开始吗" not in texts(replies)  # the answer says 回复“申请”: one offer only
    assert "好的" in texts(engine.handle("cli", user, "暂不需要"))
    assert "（1/14）" in texts(engine.handle("cli", user, "申请融资对接"))


@pytest.mark.parametrize("reply", ["好的", "好", "可以", "嗯嗯", "开始吧", "行", "OK"])
def test_typed_yes_to_the_form_offer_starts_the_form(engine: Engine, user: str, reply: str) -> None:
    engine.handle("cli", user, "想贷款200万周转")
    assert "（1/14）" in texts(engine.handle("cli", user, reply))


@pytest.mark.parametrize("reply", ["不用了", "算了", "暂时不用"])
def test_typed_no_to_the_form_offer_declines_it(engine: Engine, user: str, reply: str) -> None:
    engine.handle("cli", user, "想贷款200万周转")
    replies = engine.handle("cli", user, reply)
    assert "需要登记时回复“申请”" in texts(replies) and "（1/14）" not in texts(replies)


def test_yes_without_an_offer_is_no_form(engine: Engine, user: str) -> None:
    engine.handle("cli", user, "想贷款200万周转")
    engine.handle("cli", user, "续贷要什么材料")  # the offer is no longer the last question
    assert "（1/14）" not in texts(engine.handle("cli", user, "好的"))


def test_out_of_scope_question_offers_contact(engine: Engine, user: str) -> None:
    replies = engine.handle("cli", user, "明天天气怎么样")
    assert "不在服务范围" in texts(replies)
    assert "联系人工" in button_values(replies) and "申请融资对接" not in button_values(replies)


def test_source_button_shows_full_measure_text(engine: Engine, user: str) -> None:
    replies = engine.handle("cli", user, "原文:measure-6")
    text = texts(replies)
    assert "落实专项贷款政策" in text and "应续尽续" in text and "责任单位" in text
    assert replies[0].citations[0].doc_id == "measure-6"
    assert "没有找到" in texts(engine.handle("cli", user, "原文:measure-99"))


@pytest.mark.parametrize("keyword", ["人工", "/contact", "联系人工"])
def test_human_keyword_shows_office_contact(
    engine: Engine, user: str, db_settings: Settings, keyword: str
) -> None:
    replies = engine.handle("cli", user, keyword)
    assert db_settings.office_name in texts(replies) and "申请" in texts(replies)
    assert not re.search(r"\d{5,}", texts(replies))  # OFFICE_PHONE unset: no number is shown


@pytest.mark.parametrize(("vote", "expected"), [("up", 1), ("down", -1)])
def test_feedback_button_is_recorded_on_answer(
    engine: Engine, user: str, db: Database, vote: str, expected: int
) -> None:
    answer = engine.handle("cli", user, "科技贷是什么？")[0]
    replies = engine.handle("cli", user, f"fb:{vote}:{answer.message_id}")
    assert "感谢" in texts(replies)
    with db.session() as session:
        message = session.get(Message, answer.message_id)
        assert message is not None and message.feedback == expected


def test_feedback_on_another_users_message_is_ignored(
    engine: Engine, user: str, db: Database
) -> None:
    answer = engine.handle("cli", user, "科技贷是什么？")[0]
    replies = engine.handle("cli", user + "-2", f"fb:up:{answer.message_id}")
    assert "没有找到" in texts(replies)
    with db.session() as session:
        message = session.get(Message, answer.message_id)
        assert message is not None and message.feedback is None


def test_transcript_records_intent_scope_score_and_citations(
    engine: Engine, user: str, db: Database
) -> None:
    engine.handle("cli", user, "科技贷是什么？")
    engine.handle("cli", user, "明天天气怎么样")
    with db.session() as session:
        conversation = get_conversation(session, channel="cli", user_id=user)
        assert conversation is not None
        messages = list_messages(session, conversation_id=conversation.id)
    first_in, first_out = messages[0], messages[1]
    assert (first_in.direction, first_in.intent, first_in.in_scope) == (
        "in",
        "policy_question",
        True,
    )
    assert first_out.top_score == pytest.approx(0.7) and first_out.citations[0]["article"] == 6
    refused = [m for m in messages if m.direction == "in"][1]
    assert (refused.intent, refused.in_scope) == ("out_of_scope", False)


def test_answerer_failure_gives_friendly_message(
    engine: Engine, user: str, fake_answerer: FakeAnswerer
) -> None:
    def broken(question: str, *, topic: str | None = None) -> None:
        raise RuntimeError("index missing")

    fake_answerer.answer = broken  # type: ignore[method-assign,assignment]
    replies = engine.handle("cli", user, "科技贷是什么？")
    assert "暂时无法回答" in texts(replies)


@pytest.mark.parametrize("command", ["修改", "取消", "继续"])
def test_form_commands_without_form_explain(engine: Engine, user: str, command: str) -> None:
    assert "没有进行中的登记" in texts(engine.handle("cli", user, command))


def test_apply_while_filling_resumes_current_question(engine: Engine, user: str) -> None:
    engine.handle("cli", user, "/apply")
    engine.handle("cli", user, "三明市测试机械制造有限公司")
    replies = engine.handle("cli", user, "申请")
    assert "正在填写" in texts(replies) and "（2/14）" in texts(replies)


def test_financing_need_amount_is_offered_to_confirm_in_form(engine: Engine, user: str) -> None:
    engine.handle("cli", user, "想贷款200万周转")
    engine.handle("cli", user, "申请融资对接")
    for text in ["三明市测试机械制造有限公司", "91350400MA2Y12345Q", "三元区", "外贸", "张三"]:
        engine.handle("cli", user, text)
    replies = engine.handle("cli", user, "13912345678")
    assert "已记下：200万元，对吗" in replies[-1].text
    yes, _no = replies[-1].buttons
    assert yes.label == "对"
    assert "资金主要用途" in texts(engine.handle("cli", user, yes.value))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RZ-20261127-0001", "RZ-20261127-0001"),
        ("查询 rz202611270012 进度", "RZ-20261127-0012"),
        ("ＲＺ－２０２６１１２７－０００３状态", "RZ-20261127-0003"),
        ("我之前登记过RZ-20261127-0001，想再补充", None),
        ("进度", None),
    ],
)
def test_parse_status_ref_finds_reference_in_status_questions(
    text: str, expected: str | None
) -> None:
    from bot.conversation.commands import parse_status_ref

    assert parse_status_ref(text) == expected


def test_engine_logs_mask_phone_and_credit_code(
    engine: Engine, user: str, fake_answerer: FakeAnswerer, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(question: str, *, topic: str | None = None) -> None:
        raise RuntimeError("index missing")

    fake_answerer.answer = broken  # type: ignore[method-assign,assignment]
    with caplog.at_level(logging.INFO):
        engine.handle("cli", user, "电话13912345678，代码91350400MA2Y12345Q，能贷吗？")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "139****5678" in logged and "13912345678" not in logged
    assert "91350400MA2Y12345Q" not in logged
