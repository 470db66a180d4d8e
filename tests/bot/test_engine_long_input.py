"""A message over MAX_INPUT_CHARS is never cut silently: a question is answered on its first
2000 characters and the user is told so; inside the form or the self-check it is not taken
as an answer (nothing entered is lost) and the step is asked again."""

from __future__ import annotations

import pytest

from bot.engine import MAX_INPUT_CHARS, Engine
from tests.helpers.engine import (
    ANSWERS,
    FakeAnswerer,
    fake_answerer,
    fill_form,
    shared_db,
    shared_engine,
    texts,
    user,
)

__all__ = ["fake_answerer", "shared_db", "shared_engine", "user"]

CHANNELS = ["cli", "telegram", "wechat", "wecom"]  # the web API refuses them with a 422
# Long messages of several kinds: a story before the question, a pasted document, a list.
FILLERS = ["我们厂做竹制品十几年了，", "第一条 为了规范融资服务，", "1. 设备 2. 厂房 3. 存货；"]
QUESTIONS = ["科技贷要什么条件？", "信用修复怎么弄？"]
LENGTHS = [MAX_INPUT_CHARS + 1, MAX_INPUT_CHARS + 700, 3 * MAX_INPUT_CHARS]
NOTICE = f"只读取了前 {MAX_INPUT_CHARS} 字"


def _long(filler: str, question: str, length: int) -> str:
    """A message of exactly `length` characters (none of them blank at its ends): the
    question, then filler."""
    body = question + filler * (length // len(filler) + 1)
    return body[: length - 1] + "。"


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("filler", FILLERS)
@pytest.mark.parametrize("length", LENGTHS)
def test_over_long_question_is_answered_and_the_cut_is_said(
    shared_engine: Engine,
    fake_answerer: FakeAnswerer,
    user: str,
    channel: str,
    filler: str,
    length: int,
) -> None:
    question = QUESTIONS[length % len(QUESTIONS)]
    replies = shared_engine.handle(channel, user, _long(filler, question, length))
    text = texts(replies)
    assert NOTICE in text and f"{length} 字" in text
    assert any(question.rstrip("？") in asked for asked, _ in fake_answerer.calls)  # answered


@pytest.mark.parametrize("length", [1, MAX_INPUT_CHARS - 1, MAX_INPUT_CHARS])
def test_message_within_the_limit_gets_no_notice(
    shared_engine: Engine, user: str, length: int
) -> None:
    replies = shared_engine.handle("cli", user, _long(FILLERS[0], "", length) or "科")
    assert NOTICE not in texts(replies)


@pytest.mark.parametrize("filler", FILLERS)
@pytest.mark.parametrize("step", ["note", "company_name", "purpose"])
def test_over_long_form_answer_is_not_stored_and_the_step_is_asked_again(
    shared_engine: Engine, user: str, filler: str, step: str
) -> None:
    asked = fill_form(shared_engine, user, stop_before=step)
    long = _long(filler, "", MAX_INPUT_CHARS + 300)
    replies = shared_engine.handle("cli", user, long)
    text = texts(replies)
    assert "没有保存" in text and "已经填写的内容都还在" in text
    assert asked[-1].text.split("\n\n")[-1] in replies[-1].text  # the same step, asked again
    names = [name for name, _ in ANSWERS]
    for _, answer in ANSWERS[names.index(step) :]:  # the rest of the form, then its summary
        replies = shared_engine.handle("cli", user, answer)
    summary = texts(replies)
    assert "三明市测试机械制造有限公司" in summary and "13912345678"[-4:] in summary
    assert filler * 2 not in summary


@pytest.mark.parametrize("filler", FILLERS)
def test_over_long_answer_in_the_self_check_is_not_taken(
    shared_engine: Engine, user: str, filler: str
) -> None:
    asked = shared_engine.handle("cli", user, "政策体检")
    replies = shared_engine.handle("cli", user, _long(filler, "", MAX_INPUT_CHARS + 50))
    assert "没有保存" in texts(replies)
    assert asked[-1].text.split("\n\n")[-1] in replies[-1].text


@pytest.mark.parametrize("channel", ["telegram", "wechat"])
def test_over_long_message_to_staff_is_said_to_be_cut(
    shared_engine: Engine, user: str, channel: str
) -> None:
    shared_engine.handle(channel, user, "人工")
    replies = shared_engine.handle(channel, user, _long(FILLERS[1], "", MAX_INPUT_CHARS + 10))
    assert NOTICE in texts(replies)
