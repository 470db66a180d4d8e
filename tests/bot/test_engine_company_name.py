"""The chat form (every channel shares the engine) applies the company-name rule of
bot.intake.company_names: junk at the first step or when the name is changed from the summary
is refused with what is wrong, the step stays and every answer given is kept; a name without an
organisation form is asked back and stored once confirmed. Generated over kinds of names."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from tests.helpers.company_names import NOT_CHINESE, PHONES, SENTENCES, SHORT
from tests.helpers.engine import button_labels, fill_form, form_state, press, texts

CHANNELS = ("cli", "web", "telegram", "wechat")
JUNK = [*NOT_CHINESE[:4], *PHONES[:2], *SENTENCES[:4], "某某公司", "我们公司", "厂"]
GOOD = "尤溪县绿野竹木制品厂"


@pytest.mark.parametrize(("bad", "channel"), list(zip(JUNK, CHANNELS * 4, strict=False)))
def test_junk_at_the_first_step_is_refused_and_the_step_stays(
    shared_engine: Engine, user: str, bad: str, channel: str
) -> None:
    shared_engine.handle(channel, user, "申请")
    replies = shared_engine.handle(channel, user, bad)
    assert "（1/14）" in texts(replies) and "（2/14）" not in texts(replies), texts(replies)
    assert "company_name" not in form_state(shared_engine, user, channel)["data"]
    assert "（2/14）" in texts(shared_engine.handle(channel, user, GOOD))
    assert form_state(shared_engine, user, channel)["data"]["company_name"] == GOOD


@pytest.mark.parametrize("bad", JUNK[::2])
def test_junk_when_changing_the_name_keeps_every_answer(
    shared_engine: Engine, user: str, bad: str
) -> None:
    fill_form(shared_engine, user)
    before = dict(form_state(shared_engine, user, "cli")["data"])
    shared_engine.handle("cli", user, "修改")
    shared_engine.handle("cli", user, "edit:company_name")
    replies = shared_engine.handle("cli", user, bad)
    assert "企业" in texts(replies) and "请核对" not in texts(replies)
    assert form_state(shared_engine, user, "cli")["data"] == before
    summary = shared_engine.handle("cli", user, GOOD)
    assert "请核对" in texts(summary) and GOOD in texts(summary)
    after = form_state(shared_engine, user, "cli")["data"]
    assert after == {**before, "company_name": GOOD}


@pytest.mark.parametrize("short", SHORT[::6])
def test_a_short_name_is_asked_back_and_stored_once_confirmed(
    shared_engine: Engine, user: str, short: str
) -> None:
    shared_engine.handle("cli", user, "申请")
    asked = shared_engine.handle("cli", user, short)
    assert (
        "简称" in texts(asked)
        and "company_name" not in form_state(shared_engine, user, "cli")["data"]
    )
    (label,) = [b for b in button_labels(asked) if "确认" in b]
    replies = press(shared_engine, user, asked, label)
    assert "（2/14）" in texts(replies)
    assert form_state(shared_engine, user, "cli")["data"]["company_name"] == short


def test_a_short_name_retyped_in_full_is_taken(shared_engine: Engine, user: str) -> None:
    shared_engine.handle("cli", user, "申请")
    shared_engine.handle("cli", user, "绿野竹木")
    assert "（2/14）" in texts(shared_engine.handle("cli", user, GOOD))
    assert form_state(shared_engine, user, "cli")["data"]["company_name"] == GOOD
