"""Forgetting the reference number is part of the progress flow: "受理编号不记得了" after 进度
lists the user's own requests (never anyone else's), or says where the number was shown and
whom to ask on this channel with this configuration; it is never declined as out of scope."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.conversation.progress import forgets_reference
from bot.engine import Engine
from core.settings import Settings
from storage.db import open_database
from tests.bot.engine_support import (
    FakeAnswerer,
    fake_answerer,
    shared_db,
    shared_engine,
    submit,
    texts,
    user,
)

__all__ = ["fake_answerer", "shared_db", "shared_engine", "user"]

# The request's own number, named as owners name it; then a bare number word.
STRONG = ["受理编号", "申请编号", "登记编号", "受理号", "申请单号", "查询编号", "RZ编号"]
WEAK = ["编号", "号码", "单号", "那个号"]
# Ways of saying it is lost: {n} is the noun.
SHAPES = [
    "{n}不记得了",
    "{n}忘了",
    "{n}我给忘了",
    "{n}忘记了",
    "{n}记不清了",
    "{n}找不到了",
    "{n}弄丢了",
    "{n}是多少来着",
    "没记住{n}",
    "忘了{n}",
    "不记得我的{n}了",
    "想不起来{n}",
    "没有{n}怎么查",
    "没{n}能查吗",
    "{n}在哪看",
    "{n}去哪找",
]
ENDS = ["", "。", "，怎么办", "啊"]


def _phrasings(nouns: list[str]) -> list[str]:
    """Every shape with every noun, the ending varied without multiplying the cases."""
    return sorted(
        {
            shape.format(n=noun) + ENDS[(i + j) % len(ENDS)]
            for i, noun in enumerate(nouns)
            for j, shape in enumerate(SHAPES)
        }
    )


FORGOT_STRONG = _phrasings(STRONG)
FORGOT_WEAK = _phrasings(WEAK)
# Other numbers an owner may lose, and policy questions: never the progress flow.
OTHER_NUMBERS = [
    f"{noun}{verb}"
    for noun in ["手机号", "电话号码", "身份证号", "信用代码", "账号", "银行卡号", "密码"]
    for verb in ["忘了", "不记得了", "找不到了"]
]
QUESTIONS = [
    "科技贷怎么申请",
    "续贷要准备什么材料",
    "第6条讲的是什么",
    "贷款被拒了怎么办",
    "信用修复要多久",
    "申请需要营业执照编号吗",
]


@pytest.mark.parametrize("text", FORGOT_STRONG)
def test_forgetting_the_request_number_is_read_in_any_context(text: str) -> None:
    assert forgets_reference(text.lower())


@pytest.mark.parametrize("text", FORGOT_WEAK)
def test_forgetting_a_bare_number_is_read_only_after_a_progress_question(text: str) -> None:
    assert forgets_reference(text, after_progress=True)
    assert not forgets_reference(text, after_progress=False)


@pytest.mark.parametrize("text", OTHER_NUMBERS + QUESTIONS)
def test_other_numbers_and_questions_are_not_a_forgotten_reference(text: str) -> None:
    assert not forgets_reference(text, after_progress=True)


PROGRESS = ["进度", "我的申请到哪一步了", "申请有消息没"]
FORGOT_SAMPLE = ["受理编号不记得了", "编号忘了", "没记住号码", "单号找不到了，怎么办"]


@pytest.mark.parametrize("progress", PROGRESS)
@pytest.mark.parametrize("forgot", FORGOT_SAMPLE)
def test_forgotten_number_after_progress_lists_own_requests_only(
    shared_engine: Engine, user: str, progress: str, forgot: str
) -> None:
    other = submit(shared_engine, f"{user}-other", company_name="三明市别家竹木制品有限公司")
    ref = submit(shared_engine, user)
    shared_engine.handle("cli", user, progress)
    replies = shared_engine.handle("cli", user, forgot)
    text = texts(replies)
    assert ref in text and "不用编号也能查" in text
    assert other not in text and "别家竹木" not in text
    assert "不在我的服务范围" not in text


@pytest.mark.parametrize("channel", ["web", "telegram", "wechat", "wecom"])
@pytest.mark.parametrize("forgot", FORGOT_SAMPLE)
def test_forgotten_number_without_requests_points_to_staff_where_they_reply(
    shared_engine: Engine, user: str, channel: str, forgot: str
) -> None:
    shared_engine.handle(channel, user, "进度")
    replies = shared_engine.handle(channel, user, forgot)
    text = texts(replies)
    assert "没有找到您提交的融资需求登记" in text and "回执" in text
    assert "回复“人工”" in text and "联系人工" in [b.value for r in replies for b in r.buttons]


@pytest.fixture(params=["", "0598-0000000"], ids=["no-phone", "phone"])
def cli_engine(request: pytest.FixtureRequest, data_dir: Path) -> tuple[Engine, str]:
    """An engine whose settings have no OFFICE_PHONE, or one (a placeholder, not a real one)."""
    settings = Settings(_env_file=None, POLICYBOT_DATA_DIR=data_dir, OFFICE_PHONE=request.param)  # type: ignore[call-arg]
    return Engine(open_database(settings), FakeAnswerer(), settings), request.param


@pytest.mark.parametrize("forgot", FORGOT_SAMPLE)
def test_forgotten_number_on_cli_points_to_what_people_offer_there(
    cli_engine: tuple[Engine, str], user: str, forgot: str
) -> None:
    engine, phone = cli_engine
    try:
        engine.handle("cli", user, "进度")
        replies = engine.handle("cli", user, forgot)
        text = texts(replies)
        assert "没有找到您提交的融资需求登记" in text
        if phone:
            assert "查看" in text and "联系方式" in text
        else:
            assert "联系方式" not in text and "回复“申请”" in text
    finally:
        engine.db.dispose()


@pytest.mark.parametrize("forgot", ["编号忘了", "没记住号码"])
def test_bare_number_without_progress_is_not_the_progress_flow(
    shared_engine: Engine, user: str, fake_answerer: FakeAnswerer, forgot: str
) -> None:
    shared_engine.handle("cli", user, "科技贷要什么条件")
    replies = shared_engine.handle("cli", user, forgot)
    assert "不用编号也能查" not in texts(replies)
    assert "没有找到您提交的融资需求登记" not in texts(replies)
    assert any(forgot in question for question, _ in fake_answerer.calls)


@pytest.mark.parametrize("ask", PROGRESS)
def test_status_names_a_person_only_as_this_channel_offers_one(
    cli_engine: tuple[Engine, str], user: str, ask: str
) -> None:
    engine, phone = cli_engine
    try:
        for channel in ("cli", "telegram"):
            ref = submit(engine, user, channel=channel)
            text = texts(engine.handle(channel, user, ask))
            assert ref in text
            if channel == "telegram":  # staff answer 人工 here
                assert "回复“人工”联系协调办工作人员" in text
            elif phone:
                assert "发送“人工”查看" in text and "联系方式" in text
            else:
                assert "人工" not in text
    finally:
        engine.db.dispose()
