"""The satisfaction question: 1-5 buttons, and owners' own words understood in every channel,
never the out-of-scope refusal (issue 20, item 11)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.engine import Engine
from bot.notices import notice_message
from bot.survey import SCORE_BUTTONS, read_score
from storage.models import SatisfactionSurvey
from storage.requests import create_request
from storage.satisfaction import QUESTION, ask_satisfaction
from tests.bot.engine_support import (
    db,
    engine,
    fake_answerer,
    shared_db,
    shared_engine,
    texts,
    user,
)
from tests.storage.factories import request_data

__all__ = ["db", "engine", "fake_answerer", "shared_db", "shared_engine", "user"]
CHANNELS = ["web", "telegram", "wechat", "wecom"]
REFUSAL = "不在服务范围"
SAYINGS = {
    5: [
        "非常满意",
        "很满意",
        "特别满意",
        "5分",
        "五分",
        "五星",
        "5星",
        "⭐⭐⭐⭐⭐",
        "满分",
        "好评",
        "打5分",
    ],
    4: ["挺满意的", "满意", "比较满意", "还不错", "挺好", "4分", "四星", "蛮满意"],
    3: ["一般般", "一般", "还行", "还可以", "马马虎虎", "3分", "三星"],
    2: ["不太满意", "不满意", "不怎么满意", "有点不满意", "2分", "两星"],
    1: ["非常不满意", "很不满意", "太差了", "差评", "1分", "一星"],
}
FRAMES = ["{s}", "{s}的", "{s}！", "{s}。", "嗯，{s}", "{s}，谢谢", "对你们的服务{s}"]
CASES = [(score, saying) for score, sayings in SAYINGS.items() for saying in sayings]


@pytest.mark.parametrize(("score", "saying"), CASES)
def test_owners_words_read_as_their_score(score: int, saying: str) -> None:
    for frame in FRAMES:
        text = frame.format(s=saying)
        assert read_score(text, pending=True) == score, text
        assert read_score(text) == score, text  # said on its own, with no question pending


@pytest.mark.parametrize(
    "text",
    [
        "一般多久能放款？",
        "不满意的话找谁投诉",
        "贷款额度一般是多少",
        "不好意思问一下",
        "好的",
        "6分",
    ],
)
def test_questions_and_other_words_are_not_ratings(text: str) -> None:
    assert read_score(text, pending=True) is None


def test_bare_digit_is_a_score_only_while_a_question_is_pending() -> None:
    assert [read_score(str(n), pending=True) for n in range(1, 6)] == [1, 2, 3, 4, 5]
    assert read_score("5") is None


def test_the_question_gets_five_buttons_in_order() -> None:
    message = notice_message(QUESTION)
    assert [b.value for b in message.buttons] == ["1分", "2分", "3分", "4分", "5分"]
    assert notice_message("【融资需求进度】状态已更新").buttons == []


def ask_survey(engine: Engine, channel: str, user: str) -> int:
    with engine.db.session() as session:
        request = create_request(
            session, data=request_data(), channel=channel, channel_user_id=user
        )
        assert ask_satisfaction(session, request, outcome="granted")
        return request.id


def score_of(engine: Engine, request_id: int) -> int | None:
    with engine.db.session() as session:
        survey = session.scalars(
            select(SatisfactionSurvey).where(SatisfactionSurvey.request_id == request_id)
        ).one()
        return survey.score


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize(("score", "saying"), [(4, "挺满意的"), (3, "一般般"), (2, "不太满意")])
def test_natural_reply_to_the_question_is_recorded_in_every_channel(
    shared_engine: Engine, user: str, channel: str, score: int, saying: str
) -> None:
    request_id = ask_survey(shared_engine, channel, user)
    replies = shared_engine.handle(channel, user, saying)
    assert "感谢您的评价" in texts(replies) and REFUSAL not in texts(replies)
    assert score_of(shared_engine, request_id) == score


@pytest.mark.parametrize("button", SCORE_BUTTONS, ids=lambda b: b.value)
def test_each_score_button_records_its_score(
    shared_engine: Engine, user: str, button: object
) -> None:
    request_id = ask_survey(shared_engine, "telegram", user)
    shared_engine.handle("telegram", user, button.value)  # type: ignore[attr-defined]
    assert score_of(shared_engine, request_id) == int(button.value[0])  # type: ignore[attr-defined]


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("saying", ["挺满意的", "五星", "一般般", "不太满意"])
def test_rating_without_a_question_is_thanked_never_refused(
    shared_engine: Engine, user: str, channel: str, saying: str
) -> None:
    replies = shared_engine.handle(channel, user, saying)
    assert REFUSAL not in texts(replies) and texts(replies)
    assert "谢谢" in texts(replies) or "抱歉没能让您满意" in texts(replies)
