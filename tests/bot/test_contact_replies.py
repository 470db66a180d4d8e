"""人工 and contact questions get honest, useful replies on every channel, with and without
OFFICE_PHONE / OFFICE_ADDRESS: the configured details when there are some, else what the
service really does (staff reply here, or the registration after which the office calls).
Generated over channels x configurations x wordings; the greeting never promises a contact."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.catalog import GREETING, HELP_TEXT, REFUSAL_OPENER
from bot.conversation.replies import contact_message
from bot.engine import Engine
from bot.handoff.flow import CHANNELS as STAFF_CHANNELS
from core.settings import Settings
from storage.db import open_database
from tests.bot.engine_support import FakeAnswerer, texts

PHONE = "0598-0000000"  # a placeholder, not a real number
ADDRESS = "三明市某某路1号"
CONFIGS = {
    "none": {},
    "phone": {"office_phone": PHONE},
    "address": {"office_address": ADDRESS},
    "both": {"office_phone": PHONE, "office_address": ADDRESS},
}
CONTACT_ASKS = ["电话多少", "怎么联系你们", "有没有电话", "你们地址在哪", "協調辦電話是多少？"]
PERSON_ASKS = ["我要找真人", "人工", "能跟工作人员聊一下吗"]
NUMBER = re.compile(r"\d{3,4}-\d{7,8}")


def _settings(data_dir: Path, config: str) -> Settings:
    """Settings on `data_dir` with the contact configuration named `config`."""
    base = Settings(_env_file=None, POLICYBOT_DATA_DIR=data_dir)  # type: ignore[call-arg]
    return base.model_copy(update={"office_phone": "", "office_address": "", **CONFIGS[config]})


@pytest.fixture(params=list(CONFIGS))
def configured(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[tuple[Engine, str]]:
    """An engine (fake answerer) on settings with one of the contact configurations."""
    settings = _settings(data_dir, request.param)
    db = open_database(settings)
    yield Engine(db, FakeAnswerer(), settings), request.param
    db.dispose()


def _check_contact(text: str, config: str, *, staff: bool) -> None:
    """What a contact reply must say under `config` on a channel with or without staff."""
    assert REFUSAL_OPENER not in text, text
    assert (PHONE in text) == (config in ("phone", "both")), text
    assert (ADDRESS in text) == (config in ("address", "both")), text
    if config == "none":
        assert not NUMBER.search(text) and "电话：" not in text and "没有可以提供的" in text
    if staff:
        assert "回复“人工”" in text  # a person can really be reached here
    else:
        assert "回复“申请”" in text and "转给协调办工作人员" not in text
        assert config != "none" or "这里不能直接转接工作人员" in text


@pytest.mark.parametrize("channel", ["cli", "telegram", "web"])
@pytest.mark.parametrize("ask", CONTACT_ASKS)
def test_contact_question_is_answered_as_configured(
    configured: tuple[Engine, str], channel: str, ask: str
) -> None:
    engine, config = configured
    replies = engine.handle(channel, f"u-{channel}", ask)
    _check_contact(texts(replies), config, staff=channel in STAFF_CHANNELS)
    assert isinstance(engine.answerer, FakeAnswerer)
    assert engine.answerer.calls == []  # never sent to the answerer (no scope refusal)


@pytest.mark.parametrize("ask", PERSON_ASKS)
def test_person_then_contact_questions_in_the_terminal_are_all_answered(
    configured: tuple[Engine, str], ask: str
) -> None:
    """The trial's flow: a person asked for, then the phone and the way to reach them."""
    engine, config = configured
    _check_contact(texts(engine.handle("cli", "owner", ask)), config, staff=False)
    for follow_up in CONTACT_ASKS[:3]:
        _check_contact(texts(engine.handle("cli", "owner", follow_up)), config, staff=False)


@pytest.mark.parametrize("channel", sorted(STAFF_CHANNELS - {"web"}))
def test_person_asked_for_where_staff_reply_opens_a_handoff(
    configured: tuple[Engine, str], channel: str
) -> None:
    engine, config = configured
    opened = texts(engine.handle(channel, "owner", "我要找真人"))
    assert "已为您转接人工服务" in opened
    assert (PHONE in opened) == (config in ("phone", "both"))
    following = texts(engine.handle(channel, "owner", "电话多少"))  # reaches staff, not refused
    assert REFUSAL_OPENER not in following and "已收到" in following


@pytest.mark.parametrize("channel", ["cli", "telegram"])
def test_handoff_offer_after_misses_promises_only_what_the_channel_has(
    configured: tuple[Engine, str], channel: str
) -> None:
    engine, config = configured
    said = [texts(engine.handle(channel, "owner", q)) for q in ("今天天气如何", "明天天气呢")]
    offer = said[-1]
    assert "没能帮上忙" in offer
    if channel in STAFF_CHANNELS:
        assert "需要转给协调办工作人员" in offer
    else:
        assert "需要转给协调办工作人员" not in offer
        _check_contact(offer, config, staff=False)


@pytest.mark.parametrize("config", list(CONFIGS))
@pytest.mark.parametrize("staff", [True, False])
def test_contact_reply_has_one_source_and_its_buttons(
    data_dir: Path, config: str, staff: bool
) -> None:
    settings = _settings(data_dir, config)
    message = contact_message(settings, staff=staff, person=False)
    _check_contact(message.text, config, staff=staff)
    values = [b.value for b in message.buttons]
    assert "申请融资对接" in values and (("联系人工" in values) == staff)


@pytest.mark.parametrize("text", [GREETING, HELP_TEXT])
def test_greeting_promises_no_contact_details(text: str) -> None:
    line = next(line for line in text.splitlines() if "人工" in line)
    assert "联系方式" not in line and "电话" not in line, line
