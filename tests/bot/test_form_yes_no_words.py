"""Yes/no steps read colloquial yes and no said with more words ("有的 下个月到期", "是的呢",
"暂时没有"), keep the fact said with them (shown in the summary, sent at the head of the note),
and never read a question or past experience ("有没有", "没贷过") as yes or no. Generated over
heads, joins and facts, and over the yes/no steps and channels."""

from __future__ import annotations

import itertools

import pytest

from bot.conversation.form.detail import submitted
from bot.engine import Engine
from bot.intake import FieldError, validate_field
from bot.intake.choices import parse_yes_no, yes_no_reading
from bot.intake.fields import FIELD_BY_NAME, FORM_FIELDS, Field
from tests.helpers.engine import (
    fake_answerer,
    fill_form,
    form_state,
    shared_db,
    shared_engine,
    texts,
    user,
)

__all__ = ["fake_answerer", "shared_db", "shared_engine", "user"]

YES_HEADS = ["有的", "有一笔", "对", "是的呢", "是的", "是", "有", "嗯", "对的", "是啊", "要的"]
NO_HEADS = ["没有", "暂时没有", "无", "否", "不是", "没", "目前没有", "暂无", "不需要", "还没有"]
JOINS = [" ", "，", ",", "。", "~"]
FACTS = ["下个月到期", "年底到期", "三月份到期", "在农商行", "大概100万"]
NOT_VERDICTS = [
    "有没有",
    "是不是要",
    "要不要续贷",
    "没贷过",
    "没有贷过款",
    "有借过",
    "不知道",
    "不清楚",
    "无所谓",
    "没问题",
    "有点不清楚",
]
YES_NO_FIELDS = [f for f in FORM_FIELDS if f.kind == "yes_no"]
CHANNELS = ["cli", "telegram", "wechat", "web", "api"]


@pytest.mark.parametrize(
    ("head", "yes"), [(h, True) for h in YES_HEADS] + [(h, False) for h in NO_HEADS]
)
def test_a_bare_head_is_yes_or_no(head: str, yes: bool) -> None:
    assert yes_no_reading(head) == (yes, "")
    assert yes_no_reading(f"{head}。") == (yes, "")


@pytest.mark.parametrize(
    ("head", "join", "fact"),
    list(itertools.product(YES_HEADS + NO_HEADS, JOINS, FACTS)),
)
def test_a_head_with_a_fact_keeps_the_fact(head: str, join: str, fact: str) -> None:
    assert yes_no_reading(f"{head}{join}{fact}") == (head in YES_HEADS, fact)


@pytest.mark.parametrize(
    ("head", "thanks"),
    itertools.product([h for h in YES_HEADS + NO_HEADS if h != "嗯"], ["谢谢", "好的 谢谢"]),
)
def test_thanks_after_a_verdict_is_no_fact(head: str, thanks: str) -> None:
    """("嗯，谢谢" is an acknowledgement, below.)"""
    assert yes_no_reading(f"{head}，{thanks}") == (head in YES_HEADS, "")


@pytest.mark.parametrize("ack", ["嗯嗯，收到", "嗯，好的", "嗯 知道了", "嗯，谢谢"])
def test_an_acknowledgement_is_not_a_yes(ack: str) -> None:
    assert parse_yes_no(ack) is None


@pytest.mark.parametrize("text", NOT_VERDICTS + [f"{t}？" for t in NOT_VERDICTS])
def test_questions_and_experience_are_not_verdicts(text: str) -> None:
    assert parse_yes_no(text) is None


@pytest.mark.parametrize(("head", "fact"), itertools.product(YES_HEADS[:4], FACTS[:2]))
def test_consent_needs_a_bare_yes(head: str, fact: str) -> None:
    with pytest.raises(FieldError):
        validate_field("consent", f"{head} {fact}")


@pytest.mark.parametrize("field", YES_NO_FIELDS, ids=lambda f: f.name)
@pytest.mark.parametrize("fact", FACTS)
def test_the_fact_is_sent_at_the_head_of_the_note(field: Field, fact: str) -> None:
    name = field.name
    sent = submitted({name: True, "said": {name: fact}, "note": "急用"})
    assert "said" not in sent
    assert sent["note"] == f"{FIELD_BY_NAME[name].label}：{fact}；急用"


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("field", YES_NO_FIELDS, ids=lambda f: f.name)
def test_colloquial_yes_no_at_the_step(
    shared_engine: Engine, user: str, channel: str, field: Field
) -> None:
    name = field.name
    index = CHANNELS.index(channel)
    head = YES_HEADS[index]
    fact = FACTS[index]
    replies = fill_form(shared_engine, user, channel=channel, **{name: f"{head} {fact}"})
    assert "请核对" in texts(replies) and f"是（{fact}）" in texts(replies)
    data = form_state(shared_engine, user, channel)["data"]
    assert data[name] is True and data["said"] == {name: fact}
    shared_engine.handle(channel, user, f"改{FIELD_BY_NAME[name].label}")
    replies = shared_engine.handle(channel, user, NO_HEADS[index])
    data = form_state(shared_engine, user, channel)["data"]
    assert data[name] is False and "said" not in data and f"（{fact}）" not in texts(replies)
