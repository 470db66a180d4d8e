"""Engine tests with the real offline answerer (session index): answers, follow-ups, form."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from bot.engine import Engine
from core.settings import Settings
from storage.db import open_database
from tests.helpers.engine import button_values, fill_form, texts

if TYPE_CHECKING:
    from bot.answerer import Answerer


@pytest.fixture
def real_engine(settings: Settings, answerer: Answerer) -> Iterator[Engine]:
    """The engine on SQLite with the shared real answerer."""
    db = open_database(settings)
    yield Engine(db, answerer, settings)
    db.dispose()


def articles(replies: list[Any]) -> set[int | None]:
    return {c.article for r in replies for c in r.citations}


def test_real_policy_question_cites_article_and_offers_follow_ups(real_engine: Engine) -> None:
    replies = real_engine.handle("web", "u1", "贷款快到期了还想继续借，有什么政策？")
    assert 6 in articles(replies)
    values = button_values(replies)
    assert any(v.startswith("原文:measure-") for v in values)
    assert any(v.startswith("fb:up:") for v in values)


def test_real_follow_up_uses_previous_topic(real_engine: Engine, answerer: Answerer) -> None:
    first = real_engine.handle("web", "u1", "科技贷是什么？")
    follow = real_engine.handle("web", "u1", "那要什么条件？")
    alone = answerer.answer("那要什么条件？")
    assert 6 in articles(first) and 6 in articles(follow)
    assert "科技" in texts(follow)
    assert alone.answer != follow[0].text


def test_real_financing_need_offers_form(real_engine: Engine) -> None:
    replies = real_engine.handle("web", "u1", "想贷款200万周转")
    assert "登记需求" in texts(replies) and "暂不需要" in button_values(replies)
    assert len(replies) == 1  # the answer says 回复“申请” and carries the offer's buttons


def test_real_out_of_scope_is_declined_with_contact(real_engine: Engine) -> None:
    replies = real_engine.handle("web", "u1", "明天三明天气怎么样？")
    assert "联系人工" in button_values(replies)
    assert "申请融资对接" not in button_values(replies)


def test_real_source_button_shows_measure_text(real_engine: Engine) -> None:
    replies = real_engine.handle("web", "u1", "原文:measure-6")
    assert "应续尽续" in texts(replies) and replies[0].citations[0].article == 6


def test_real_question_in_form_is_answered_and_form_resumes(real_engine: Engine) -> None:
    fill_form(real_engine, "u1", channel="web", stop_before="guarantee")
    replies = real_engine.handle("web", "u1", "信用修复怎么办理？")
    assert 2 in articles(replies)
    assert "我们继续填写" in texts(replies)
    assert "知识产权质押" in [b.label for r in replies for b in r.buttons]


@pytest.mark.parametrize(
    ("closing", "expected"),
    [("好的，我去问问银行", "THANKS_TEXT"), ("谢谢，再见", "GOODBYE_TEXT")],
)
def test_real_closing_mid_conversation_gets_a_short_reply_and_keeps_the_topic(
    real_engine: Engine, closing: str, expected: str
) -> None:
    import bot.dialogue

    real_engine.handle("web", "u1", "科技贷是什么？")
    replies = real_engine.handle("web", "u1", closing)
    assert texts(replies) == getattr(bot.dialogue, expected)
    follow = real_engine.handle("web", "u1", "那要什么条件？")
    assert 6 in articles(follow) and "科技" in texts(follow)


@pytest.mark.parametrize(
    ("first", "own", "nothing"),
    [
        ("评估费银行收了我两千合理吗", "贷120万要准备哪些条件", "？？？"),
        ("科技贷是什么？", "银行非让我买保险才放款，这合规吗", "嗯"),
        ("中登网是干什么的", "抵押的厂房贬值了额度被砍咋办", "。。。"),
    ],
)
def test_real_own_question_and_empty_message_after_a_topic(
    real_engine: Engine, answerer: Answerer, first: str, own: str, nothing: str
) -> None:
    before = texts(real_engine.handle("web", "u2", first))
    after = real_engine.handle("web", "u2", own)
    assert articles(after) == {c.article for c in answerer.answer(own).citations}
    asked_back = real_engine.handle("web", "u2", nothing)
    assert not articles(asked_back) and texts(asked_back) not in (before, texts(after))
    assert texts(asked_back).startswith("没太明白")
