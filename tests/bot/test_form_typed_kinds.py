"""Kinds a new-user trial over HTTP found in the form's edit menu and buttons, generated over
the fields, their names, words of change, button texts and channels: a field named in the edit
menu (or with a word of change at the summary) selects it, never a policy question; what the
menu cannot read gets a message saying what to type; every button's visible text works where
the button is offered; 不修改 and its variants keep the value."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from bot.conversation.form.buttons import parse_press
from bot.conversation.form.messages import RESUME, resume_message
from bot.conversation.form.side import FIELD_WORDS
from bot.conversation.form.typed import KEEP_WORDS, edit_choice, named_field, read_typed
from bot.engine import Engine
from bot.intake.fields import FORM_FIELDS, Field
from tests.helpers.engine import (
    ANSWERS,
    button_labels,
    fake_answerer,
    fill_form,
    form_state,
    shared_db,
    shared_engine,
    texts,
    user,
)
from tests.helpers.intake import intake_payload

__all__ = ["fake_answerer", "shared_db", "shared_engine", "user"]

CHANNELS = ["cli", "telegram", "wechat", "web", "api"]
PICKER = "请选择要修改的项目"
SUMMARY = "请核对您填写的融资需求登记"
# Ways of naming a field to change it ({w}: the field's label or one of its words).
CHANGE_FRAMES = [
    "改{w}",
    "修改{w}",
    "{w}错了",
    "改一下{w}",
    "{w}填错了",
    "我要改{w}",
    "把{w}改一下",
    "{w}要改",
    "{w}不对",
    "更改{w}",
    "{w}写错了",
    "我想修改一下{w}",
]
BARE_FRAMES = ["{w}", "{w}。", " {w} "]
# a complete request as the form holds it (no consent: the summary comes before it)
DATA: dict[str, Any] = {k: v for k, v in intake_payload().items() if k != "consent"}


def _form(step: str = "edit") -> dict[str, Any]:
    return {"id": "ab12cd34" * 4, "data": dict(DATA), "step": step, "editing": None}


def _names(field: Field) -> list[str]:
    label = field.label.split("（")[0]
    return list(dict.fromkeys([field.label, label, *FIELD_WORDS.get(field.name, ())]))


NAMED = [(f, w) for f in FORM_FIELDS for w in _names(f)]


@pytest.mark.parametrize(
    ("field", "word", "frame"),
    [(f, w, fr) for (f, w), fr in itertools.product(NAMED, BARE_FRAMES + CHANGE_FRAMES)],
    ids=lambda v: getattr(v, "name", v),
)
def test_a_field_named_in_the_menu_selects_it(field: Field, word: str, frame: str) -> None:
    text = frame.format(w=word)
    assert edit_choice(_form(), text) == field
    assert read_typed(_form(), text, "contact")[1] is None  # never the office's phone


@pytest.mark.parametrize(
    ("field", "word", "frame"),
    [(f, w, fr) for (f, w), fr in itertools.product(NAMED, CHANGE_FRAMES)],
    ids=lambda v: getattr(v, "name", v),
)
def test_a_word_of_change_at_the_summary_selects_the_field(
    field: Field, word: str, frame: str
) -> None:
    assert named_field(_form("field"), frame.format(w=word)) == (field, True)


@pytest.mark.parametrize(("name", "value"), [a for a in ANSWERS if not a[1].isdigit()])
def test_an_answer_value_names_no_field(name: str, value: str) -> None:
    assert named_field(_form(), value)[0] is None


@pytest.mark.parametrize("word", ["电话", "手机号", "金额", "首贷"])
@pytest.mark.parametrize("ask", ["{w}多少", "{w}是什么", "什么是{w}？", "{w}怎么填"])
def test_a_question_about_a_field_is_not_a_pick(word: str, ask: str) -> None:
    assert named_field(_form(), ask.format(w=word))[0] is None


@pytest.mark.parametrize("word", sorted(KEEP_WORDS))
@pytest.mark.parametrize("field", FORM_FIELDS, ids=lambda f: f.name)
def test_keep_words_where_not_changing_is_offered(field: Field, word: str) -> None:
    form = {**_form("field"), "editing": field.name}
    text, command = read_typed(form, word, None)
    assert (text, command) == (RESUME, "resume")


@pytest.mark.parametrize("field", FORM_FIELDS, ids=lambda f: f.name)
def test_every_button_text_typed_at_an_edit_step_is_the_button(field: Field) -> None:
    form = {**_form("field"), "editing": field.name}
    for button in resume_message(form).buttons:
        for typed in (button.label, f" {button.label}。"):
            assert read_typed(form, typed, None)[0] == button.value


@pytest.mark.parametrize("step", ["edit", "field"])
def test_every_button_text_typed_at_the_summary_and_menu_is_the_button(step: str) -> None:
    form = _form(step)
    buttons = resume_message(form).buttons
    assert buttons
    for button in buttons:
        value = read_typed(form, button.label, None)[0]
        assert value == button.value or parse_press(value) == parse_press(button.value)


# Engine, every channel: the trial's walk through the edit menu.
@pytest.mark.parametrize("channel", CHANNELS)
def test_each_field_named_in_the_menu_is_offered_for_change(
    shared_engine: Engine, user: str, channel: str
) -> None:
    fill_form(shared_engine, user, channel=channel)
    for index, field in enumerate(FORM_FIELDS):
        assert PICKER in texts(shared_engine.handle(channel, user, "修改"))
        word = _names(field)[index % len(_names(field))]
        frame = (BARE_FRAMES + CHANGE_FRAMES)[index % 6]
        replies = shared_engine.handle(channel, user, frame.format(w=word))
        assert f"修改「{field.label}」" in texts(replies), (word, texts(replies))
        keep = sorted(KEEP_WORDS)[index % len(KEEP_WORDS)]
        assert SUMMARY in texts(shared_engine.handle(channel, user, keep))
    assert form_state(shared_engine, user, channel)["data"]["phone"] == "13912345678"


@pytest.mark.parametrize("channel", CHANNELS)
def test_the_menu_never_goes_silent_and_keeps_the_answers(
    shared_engine: Engine, user: str, channel: str
) -> None:
    fill_form(shared_engine, user, channel=channel)
    shared_engine.handle(channel, user, "修改")
    before = form_state(shared_engine, user, channel)["data"]
    for unread in ["随便", "好的吧", "嗯嗯嗯", "abc"]:
        replies = shared_engine.handle(channel, user, unread)
        assert "没能确定您要修改哪一项" in texts(replies) and PICKER in texts(replies)
    assert form_state(shared_engine, user, channel)["data"] == before
    replies = shared_engine.handle(channel, user, "联系电话")
    assert "修改「联系电话」" in texts(replies) and "不修改" in button_labels(replies)
    replies = shared_engine.handle(channel, user, "13800001111")
    assert SUMMARY in texts(replies) and "13800001111" in texts(replies)
    shared_engine.handle(channel, user, "修改")
    replies = shared_engine.handle(channel, user, "13700002222")  # a value only one field takes
    assert "13700002222" in texts(replies)
    shared_engine.handle(channel, user, "修改")
    replies = shared_engine.handle(channel, user, "350万")
    assert "350 万元" in texts(replies)


@pytest.mark.parametrize("channel", CHANNELS)
def test_change_words_at_the_summary_and_the_button_text_typed(
    shared_engine: Engine, user: str, channel: str
) -> None:
    fill_form(shared_engine, user, channel=channel)
    replies = shared_engine.handle(channel, user, "电话错了")
    assert "修改「联系电话」" in texts(replies)
    replies = shared_engine.handle(channel, user, "不修改")
    assert SUMMARY in texts(replies) and "请从以下选项中选择" not in texts(replies)
    replies = shared_engine.handle(channel, user, "改一下金额")
    assert "修改「融资金额（万元）」" in texts(replies)
    assert SUMMARY in texts(shared_engine.handle(channel, user, "300"))
    shared_engine.handle(channel, user, "修改信息")
    replies = shared_engine.handle(channel, user, "所属行业")
    assert "修改「所属行业」" in texts(replies)
    replies = shared_engine.handle(channel, user, "没问题")
    assert SUMMARY in texts(replies)
    assert form_state(shared_engine, user, channel)["data"]["amount_wan"] == 300
