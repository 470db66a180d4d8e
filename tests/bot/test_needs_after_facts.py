"""A loan need in words after the owner told the firm's facts (bot.needs.need_after_facts):
answered — the two routes (a bank, or the need registered and pushed by the coordination
office, 第15条) — with the form offered, started only when asked (回复“申请”). Generated
over firm statements × need wordings, written here from the measures' words."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from bot.engine import Engine
from bot.needs import need_after_facts
from bot.reading import ConversationContext, extract_facts
from core.settings import Settings
from storage.db import open_database
from tests.helpers.engine import button_labels, texts

if TYPE_CHECKING:
    from bot.answerer import Answerer

FIRMS = ("我们在尤溪做竹木加工的", "公司在永安，做机械配件", "我们是沙县做小吃连锁的")
NEEDS = ("想贷款", "我要贷款", "我们想贷款50万", "想借点钱")
FORM_STARTED = "开始登记融资需求"


@pytest.fixture
def real_engine(settings: Settings, answerer: Answerer) -> Iterator[Engine]:
    """The engine on SQLite with the shared real answerer."""
    db = open_database(settings)
    yield Engine(db, answerer, settings)
    db.dispose()


@pytest.mark.parametrize(("firm", "need"), list(itertools.product(FIRMS, NEEDS)))
def test_a_need_after_the_firms_facts_is_answered_and_the_form_offered(
    real_engine: Engine, firm: str, need: str
) -> None:
    user = f"u-{firm}-{need}"
    real_engine.handle("web", user, firm)
    replies = real_engine.handle("web", user, need)
    said = texts(replies)
    assert FORM_STARTED not in said
    assert "第15条" in said and "申请" in said  # the two routes, the form offered
    assert FORM_STARTED in texts(real_engine.handle("web", user, "申请"))


@pytest.mark.parametrize(("firm", "need"), list(zip(FIRMS * 2, NEEDS * 2, strict=False)))
def test_the_answer_saying_reply_apply_is_the_only_offer(
    real_engine: Engine, firm: str, need: str
) -> None:
    user = f"one-{firm}-{need}"
    real_engine.handle("web", user, firm)
    replies = real_engine.handle("web", user, need)
    assert len(replies) == 1 and "回复“申请”" in replies[0].text, texts(replies)
    assert "现在开始吗" not in texts(replies)
    assert {"开始登记", "暂不需要"} <= set(button_labels(replies))
    assert FORM_STARTED in texts(real_engine.handle("web", user, "好的"))


@pytest.mark.parametrize("need", NEEDS[:2])
def test_a_need_told_first_still_starts_the_form(real_engine: Engine, need: str) -> None:
    assert FORM_STARTED in texts(real_engine.handle("web", f"u-{need}", need))


@pytest.mark.parametrize(("firm", "need"), list(itertools.product(FIRMS, NEEDS)))
def test_need_after_facts_reads_the_state(firm: str, need: str) -> None:
    state: dict[str, object] = {}
    assert not need_after_facts(state, need)
    ConversationContext(facts=extract_facts(firm)).store(state)
    assert need_after_facts(state, need)
    assert not need_after_facts(state, "申请")  # the command itself starts the form
