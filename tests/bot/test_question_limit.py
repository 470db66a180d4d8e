"""RATE_LIMIT_CHAT counts questions per conversation, the same rule in every channel: form
steps, button taps, commands and feedback never count (issue 20, item 8)."""

from __future__ import annotations

import random

import pytest

from bot.engine import Engine
from core.settings import Settings
from storage.db import Database
from tests.bot.engine_support import ANSWERS, FakeAnswerer, db, texts

__all__ = ["db"]
CHANNELS = ["web", "telegram", "wechat", "wecom", "cli"]
THROTTLED = "提问太频繁"
QUESTION = "企业信用有瑕疵，怎么修复信用？"
LIMIT = 3


@pytest.fixture
def limited(db: Database, db_settings: Settings) -> Engine:
    settings = db_settings.model_copy(update={"rate_limit_chat": f"{LIMIT}/minute"})
    return Engine(db, FakeAnswerer(), settings)


def non_questions(rng: random.Random, answer_id: int) -> list[str]:
    """Commands, taps and feedback in a random order, more of them than the limit."""
    pool = ["进度", "查询进度", "帮助", "原文:measure-2", f"fb:up:{answer_id}", "继续", "修改"]
    return [rng.choice(pool) for _ in range(4 * LIMIT)]


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("seed", [7, 8])
def test_only_questions_count_in_every_channel(limited: Engine, channel: str, seed: int) -> None:
    rng = random.Random(seed)
    user = f"limit-{channel}-{seed}"
    first = limited.handle(channel, user, QUESTION)
    answer_id = next(m.message_id for m in first if m.message_id)
    limited.handle(channel, user, "申请")
    for _name, text in ANSWERS:  # the whole form: 14 answers
        assert THROTTLED not in texts(limited.handle(channel, user, text))
    assert "登记编号" in texts(limited.handle(channel, user, "同意授权并提交"))
    for text in non_questions(rng, answer_id):
        assert THROTTLED not in texts(limited.handle(channel, user, text)), text
    for _ in range(LIMIT - 1):
        assert THROTTLED not in texts(limited.handle(channel, user, QUESTION))
    refused = texts(limited.handle(channel, user, QUESTION))
    assert THROTTLED in refused and "依据第2条" not in refused
    assert "您提交的融资需求登记" in texts(limited.handle(channel, user, "进度"))
    assert THROTTLED not in texts(limited.handle(channel, f"{user}-neighbour", QUESTION))


def test_question_inside_the_form_over_the_limit_keeps_the_form(limited: Engine) -> None:
    user = "limit-in-form"
    for _ in range(LIMIT):
        limited.handle("web", user, QUESTION)
    limited.handle("web", user, "申请")
    limited.handle("web", user, ANSWERS[0][1])
    replies = texts(limited.handle("web", user, "信用修复要多久？"))
    assert THROTTLED in replies and "统一社会信用代码" in replies  # refused, then the step again
    assert "县" in texts(limited.handle("web", user, ANSWERS[1][1]))  # the form goes on
