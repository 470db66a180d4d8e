"""An answer's next step names the office only as the 人工 reply can honour it: "发送“人工”查看
联系方式" with a phone (or address) configured, else the registration that 人工 itself offers.

The office step is the composer's fallback when a source gives no next step of its own, so the
answers here come from an answerer without the plain-language layer (every measure falls back)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answerer import Answerer
from bot.compose.contact import office_step
from bot.conversation.replies import contact_message
from bot.engine import Engine
from bot.messages import Ask
from core.settings import Settings
from storage.db import open_database

PROMISE = "查看联系方式"
REGISTRATION = "回复“申请”登记融资需求"
# Questions of several kinds (how, whom, what, conditions, yes/no) over several topics.
TOPICS = ["无还本续贷", "信用修复", "应急转贷", "政府性融资担保", "首贷", "知识产权质押"]
KINDS = ["{t}怎么办理", "{t}找谁", "{t}是什么", "{t}有什么条件", "我们厂能办{t}吗"]
QUESTIONS = [kind.format(t=topic) for topic in TOPICS for kind in KINDS]
PAIRS = [(QUESTIONS[i], QUESTIONS[i + 7]) for i in range(0, len(QUESTIONS) - 7, 4)]
CONFIGS = {
    "none": {},
    "phone": {"office_phone": "0598-0000000"},  # a placeholder, not a real number
    "address": {"office_address": "三明市某某路1号"},
}


def _settings(base: Settings, name: str) -> Settings:
    return base.model_copy(update={"office_phone": "", "office_address": "", **CONFIGS[name]})


@pytest.fixture(scope="module", params=list(CONFIGS))
def configured(request: pytest.FixtureRequest, answerer: Answerer) -> tuple[Answerer, Settings]:
    """An answerer without plain points (the office step is every measure's next step) on
    settings with no contact, a phone, or an address configured."""
    settings = _settings(answerer.settings, request.param)
    return Answerer(answerer.retriever, answerer.documents, settings), settings


def _offered_contact(settings: Settings) -> bool:
    """Whether the 人工 reply without live staff shows contact details."""
    return any(w in contact_message(settings).text for w in ("电话：", "地址："))


@pytest.mark.parametrize("name", list(CONFIGS))
def test_office_step_follows_what_the_contact_reply_shows(answerer: Answerer, name: str) -> None:
    settings = _settings(answerer.settings, name)
    step = office_step(settings)
    assert (PROMISE in step) == _offered_contact(settings)
    assert (REGISTRATION in step) != _offered_contact(settings)
    assert not any(ch.isdigit() for ch in step)  # no number: answers cite every number


def test_answers_point_to_the_office_as_configured(configured: tuple[Answerer, Settings]) -> None:
    answerer, settings = configured
    texts = [answerer.answer(q).answer for q in QUESTIONS]
    texts += [answerer.respond([Ask("other", a), Ask("other", b)]).answer for a, b in PAIRS]
    stepped = [t for t in texts if "下一步：也可以" in t]
    assert len(stepped) >= len(texts) // 3, texts  # the fallback step is really exercised
    if _offered_contact(settings):
        assert all(PROMISE in t for t in stepped)
        assert not any(REGISTRATION in t for t in stepped)
    else:
        assert not any(PROMISE in t for t in texts)
        assert all(REGISTRATION in t for t in stepped)


# questions that show no financing need (a need's next step is the registration form)
PLAIN_ASKS = [
    k.format(t=t) for t in ("信用修复", "政府性融资担保", "知识产权质押") for k in KINDS[1:3]
]


@pytest.mark.parametrize("question", PLAIN_ASKS)
def test_human_after_an_answer_shows_what_the_answer_promised(
    configured: tuple[Answerer, Settings], data_dir: Path, question: str
) -> None:
    answerer, settings = configured
    settings = settings.model_copy(update={"data_dir": data_dir})
    db = open_database(settings)
    try:
        engine = Engine(db, answerer, settings)
        said = "\n".join(m.text for m in engine.handle("cli", "owner", question))
        contact = "\n".join(m.text for m in engine.handle("cli", "owner", "人工"))
        assert PROMISE in said or REGISTRATION in said, said  # the office step was given
        if PROMISE in said:
            assert "电话：" in contact or "地址：" in contact
        if REGISTRATION in said:
            assert REGISTRATION in contact
    finally:
        db.dispose()
