"""The contact step takes a person's name only: another step's answer (an industry, a county,
a product, a purpose, yes/no …), an organisation or "don't know" is refused with a message
naming what it looks like, an unusual name is asked back, and nothing entered earlier is lost.
Cases are generated from the form's own tables and from surname × given-name parts."""

from __future__ import annotations

import itertools

import pytest

from bot.engine import Engine
from bot.intake import ConfirmationNeeded, FieldError, validate_field
from bot.intake.choice_words import CHOICE_WORDS
from bot.intake.fields import FIELDS
from bot.intake.person_names import COMPOUND_SURNAMES, SURNAMES
from tests.helpers.engine import (
    ANSWERS,
    fake_answerer,
    form_state,
    shared_db,
    shared_engine,
    texts,
    user,
)

__all__ = ["fake_answerer", "shared_db", "shared_engine", "user"]

# Every option of the other choice steps, and the everyday words that name one (long enough
# to be taken for a name: two characters or more, no digits).
OTHER_ANSWERS = sorted(
    {
        word
        for field in FIELDS
        if field.choices and field.name != "contact_name"
        for choice in field.choices
        for word in (choice, *CHOICE_WORDS.get(choice, ()))
        if len(word) >= 2 and not any(c.isdigit() for c in word)
    }
)
GIVEN = ["伟", "芳", "秀英", "建国", "丽", "志强", "婷婷", "明", "晓东", "静"]
SINGLE = sorted(SURNAMES)
NAMES = [
    *(
        s + g
        for s, g in zip(
            itertools.islice(itertools.cycle(SINGLE), 0, 400, 7),
            itertools.cycle(GIVEN),
            strict=False,
        )
    ),
    *(s + g for s, g in zip(sorted(COMPOUND_SURNAMES), itertools.cycle(GIVEN), strict=False)),
]
ADDRESSES = ["先生", "女士", "小姐", "总", "经理", "会计", "老板"]
ADDRESSED = [s + a for s, a in zip(SINGLE[::9], itertools.cycle(ADDRESSES), strict=False)]
ORGANISATIONS = [
    f"{n}{k}"
    for n in ("三明", "永安", "华兴")
    for k in ("有限公司", "机械厂", "超市店", "合作社", "银行")
]
NOT_NAMES = ["不知道", "不清楚", "暂无", "保密", "test", "none", "啊啊啊", "做机械配件的"]
ENGLISH = ["John Smith", "Mary-Jane Lee", "O'Neil", "Li Wei", "Anna"]


@pytest.mark.parametrize("text", OTHER_ANSWERS)
def test_another_steps_answer_is_not_a_contact_name(text: str) -> None:
    with pytest.raises(FieldError) as caught:
        validate_field("contact_name", text)
    assert not isinstance(caught.value, ConfirmationNeeded)
    assert "不是人的姓名" in caught.value.message and "张三" in caught.value.message


@pytest.mark.parametrize("text", ORGANISATIONS + NOT_NAMES)
def test_an_organisation_or_a_non_answer_is_refused(text: str) -> None:
    with pytest.raises(FieldError) as caught:
        validate_field("contact_name", text)
    assert not isinstance(caught.value, ConfirmationNeeded)
    assert "姓名" in caught.value.message


@pytest.mark.parametrize("text", NAMES + ADDRESSED + ENGLISH + ["买买提·艾力"])
def test_a_personal_name_is_stored_as_typed(text: str) -> None:
    assert validate_field("contact_name", text) == text


@pytest.mark.parametrize("text", ["金融", "江山", "石材", "乜小宝"])
def test_a_dictionary_word_or_rare_surname_is_asked_back(text: str) -> None:
    with pytest.raises(ConfirmationNeeded) as caught:
        validate_field("contact_name", text)
    assert caught.value.value == text and text in caught.value.question


def _at_contact_step(engine: Engine, user: str) -> None:
    engine.handle("cli", user, "申请")
    for name, text in ANSWERS:
        if name == "contact_name":
            return
        engine.handle("cli", user, text)


@pytest.mark.parametrize("text", ["制造业", "农林牧渔", "尤溪县", "科技贷", "设备购置"])
def test_the_chat_refuses_it_and_keeps_the_earlier_answers(
    shared_engine: Engine, shared_db: tuple, user: str, text: str
) -> None:
    _at_contact_step(shared_engine, user)
    before = dict(form_state(shared_db[0], user)["data"])
    reply = texts(shared_engine.handle("cli", user, text))
    assert "不是人的姓名" in reply and "联系人" in reply
    form = form_state(shared_db[0], user)
    assert form["data"] == before and "contact_name" not in form["data"]
    shared_engine.handle("cli", user, "李建国")
    assert form_state(shared_db[0], user)["data"]["contact_name"] == "李建国"


def test_the_chat_asks_back_an_unusual_name_and_stores_it_when_confirmed(
    shared_engine: Engine, shared_db: tuple, user: str
) -> None:
    _at_contact_step(shared_engine, user)
    reply = texts(shared_engine.handle("cli", user, "江山"))
    assert "江山" in reply and "对吗" in reply
    shared_engine.handle("cli", user, "对")
    assert form_state(shared_db[0], user)["data"]["contact_name"] == "江山"
