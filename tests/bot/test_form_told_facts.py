"""Facts told before the form starts (county, trade, amount, collateral) are not asked again
from scratch: at their step the form says what it noted in one line ("已记下：尤溪县，对吗？
回复“对”或直接改。"); "对" stores exactly that, another answer replaces it, "不对" asks the step
afresh; nothing told is stored before the owner confirms. Generated over the counties, the
goods of bot.intake.trades, amounts and kinds of collateral."""

from __future__ import annotations

import itertools

import pytest

from bot.engine import Engine
from bot.intake.trades import GOODS, MAKE
from core.kinds import COUNTIES
from tests.helpers.engine import ANSWERS, button_labels, form_state, press, texts

MADE = sorted(w for w, kinds in GOODS.items() if kinds == MAKE and len(w) >= 2)
COLLATERAL = [("手上有林权证", "林权抵押"), ("没有抵押物", "信用"), ("有房产可以抵押", "抵押")]
AMOUNTS = [30, 80, 150, 500]
CASES = [
    (county, goods, amount, collateral)
    for county, goods, amount, collateral in zip(
        COUNTIES,
        itertools.islice(MADE, 3, None, 5),
        itertools.cycle(AMOUNTS),
        itertools.cycle(COLLATERAL),
        strict=False,
    )
]
TOLD_LINE = "已记下："


def _walk(engine: Engine, user: str, reply_to_told: str | None = None) -> list[str]:
    """Answer the form's steps in order, replying `reply_to_told` (default "对") where the
    form offers a told answer; returns the told lines seen."""
    seen = []
    replies = engine.handle("cli", user, "申请")
    for _name, answer in ANSWERS:
        text = texts(replies)
        if TOLD_LINE in text:
            seen.append(text.split(TOLD_LINE, 1)[1].split("，对吗", 1)[0])
            replies = engine.handle("cli", user, reply_to_told or "对")
            continue
        replies = engine.handle("cli", user, answer)
    return seen


@pytest.mark.parametrize(("county", "goods", "amount", "collateral"), CASES)
def test_told_facts_are_offered_and_stored_when_confirmed(
    shared_engine: Engine,
    shared_db: tuple,
    user: str,
    county: str,
    goods: str,
    amount: int,
    collateral: tuple[str, str],
) -> None:
    words, guarantee = collateral
    shared_engine.handle(
        "cli", user, f"我们公司在{county[:-1]}，做{goods}的，想贷{amount}万，{words}"
    )
    seen = _walk(shared_engine, user)
    data = form_state(shared_db[0], user)["data"]
    assert data["county"] == county and data["industry"] == "制造业"
    assert data["amount_wan"] == amount and data["guarantee"] == guarantee
    assert seen[0] == county and seen[1].startswith("制造业") and goods in seen[1]
    assert f"{amount}万元" in seen and guarantee in seen


@pytest.mark.parametrize("county", COUNTIES[::3])
def test_another_answer_replaces_the_told_one(
    shared_engine: Engine, shared_db: tuple, user: str, county: str
) -> None:
    other = next(c for c in COUNTIES if c != county)
    shared_engine.handle("cli", user, f"公司在{county[:-1]}，想贷100万")
    replies = shared_engine.handle("cli", user, "申请")
    for _, answer in ANSWERS[:2]:
        replies = shared_engine.handle("cli", user, answer)
    assert f"{TOLD_LINE}{county}" in texts(replies)
    assert "county" not in form_state(shared_db[0], user)["data"]  # not stored before "对"
    replies = shared_engine.handle("cli", user, other)
    assert form_state(shared_db[0], user)["data"]["county"] == other
    assert TOLD_LINE not in texts(replies)  # the industry was not told


def test_no_asks_the_step_afresh_with_every_option(
    shared_engine: Engine, shared_db: tuple, user: str
) -> None:
    shared_engine.handle("cli", user, f"我们在{COUNTIES[4][:-1]}")
    replies = shared_engine.handle("cli", user, "申请")
    for _, answer in ANSWERS[:2]:
        replies = shared_engine.handle("cli", user, answer)
    replies = press(shared_engine, user, replies, "不对，重新填")
    assert set(COUNTIES) <= set(button_labels(replies)) and TOLD_LINE not in texts(replies)
    assert "county" not in form_state(shared_db[0], user)["data"]
    shared_engine.handle("cli", user, COUNTIES[7])
    assert form_state(shared_db[0], user)["data"]["county"] == COUNTIES[7]


def test_nothing_told_means_no_told_line(shared_engine: Engine, user: str) -> None:
    assert _walk(shared_engine, user) == []
