"""The county step of the self-check (政策体检) reads an answer exactly as the financing form
reads its county step, through the same function (`validate_field("county", …)` behind
`bot.checkup.county.read_check_county`), and the county a company name names is read by the
one derivation (`bot.intake.counties.county_in_name`) in any script.

Generated over kinds: each county written in full, without 区/县/市, in traditional script,
in a sentence said aloud, as a company name, and the former 梅列(区); wrong answers (another
city, the city itself, noise), two counties named, and a correction ("不是沙县，是永安").
"""

from __future__ import annotations

from typing import Any

import opencc
import pytest

from bot.checkup.county import UnclearCounty, read_check_county
from bot.checkup.steps import NotRead
from bot.engine import Engine
from bot.intake import validate_field
from bot.intake.counties import county_in_name
from core.kinds import COUNTIES
from storage.conversations import get_conversation
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

TRADITIONAL = opencc.OpenCC("s2t")
SAID = ["我在{}", "我们在{}这边", "{}的", "在{}吧", "公司在{}。", "我们厂在{}工业园区"]
NAMED = ["{}鑫源竹业有限公司", "三明市{}老王机械厂", "福建省{}绿野茶叶专业合作社"]


def spellings(county: str) -> list[str]:
    """How owners write a county: full, without 区/县/市, traditional, said, a company name."""
    stem = county[:-1] if len(county) == 3 else county
    plain = [county, stem, TRADITIONAL.convert(county), TRADITIONAL.convert(stem)]
    said = [frame.format(form) for frame, form in zip(SAID, [stem, county] * 3, strict=True)]
    named = [frame.format(form) for frame, form in zip(NAMED, [county, stem, county], strict=True)]
    return [*plain, *said, TRADITIONAL.convert(said[0]), *named, TRADITIONAL.convert(named[0])]


KINDS = [(county, text) for county in COUNTIES for text in spellings(county)]
FORMER = ["梅列", "梅列区", "梅列區", "我在梅列", "三明市梅列区鑫源贸易商行"]
BAD = ["北京", "三明", "三明市区", "福建", "嗯嗯嗯", "12", "<b>沙</b>"]
UNCLEAR = ["沙县还是永安", "沙县区和三元区", "尤溪或者大田", "不确定是宁化还是清流"]
CORRECTED = [
    ("不是沙县，是永安", "永安市"),
    ("不在尤溪，在大田", "大田县"),
    ("泰宁，不是建宁", "泰宁县"),
]


def check_data(engine: Engine, user: str) -> dict[str, Any]:
    with engine.db.session() as session:
        conversation = get_conversation(session, channel="cli", user_id=user)
        assert conversation is not None
        return dict((conversation.state.get("checkup") or {}).get("data") or {})


def at_county_step(engine: Engine, user: str) -> None:
    engine.handle("cli", user, "政策体检")
    replies = engine.handle("cli", user, "制造业")
    assert "哪个县" in texts(replies)


@pytest.mark.parametrize(("county", "text"), KINDS)
def test_the_check_reads_a_county_as_the_form_does(county: str, text: str) -> None:
    assert validate_field("county", text) == county, text
    assert read_check_county(text) == county, text


@pytest.mark.parametrize("text", FORMER)
def test_the_former_meilie_is_sanyuan(text: str) -> None:
    assert read_check_county(text) == validate_field("county", text) == "三元区"


@pytest.mark.parametrize("text", BAD)
def test_what_names_no_county_is_refused_with_the_options(text: str) -> None:
    with pytest.raises(NotRead) as refused:
        read_check_county(text)
    message = str(refused.value)
    assert "三明市" in message and all(c in message for c in COUNTIES)


@pytest.mark.parametrize("text", UNCLEAR)
def test_two_counties_are_asked_back(text: str) -> None:
    with pytest.raises(UnclearCounty) as unclear:
        read_check_county(text)
    assert len(unclear.value.candidates) == 2
    assert all(f"“{c}”" in str(unclear.value) for c in unclear.value.candidates)


@pytest.mark.parametrize("county", COUNTIES)
def test_a_company_name_in_traditional_script_names_its_county(county: str) -> None:
    stem = county[:-1]
    for name in (
        f"{county}鑫源竹业有限公司",
        f"鑫源竹业（{stem}）有限公司",
        f"三明市{stem}闽运机械厂",
    ):
        assert county_in_name(TRADITIONAL.convert(name)) == county, name
        assert county_in_name(name.replace("（", "(").replace("）", ")")) == county, name
    assert county_in_name(TRADITIONAL.convert("沙县小吃鑫源店")) is None  # a brand


@pytest.mark.parametrize(("county", "text"), KINDS[::4])
def test_the_check_step_stores_each_kind(
    shared_engine: Engine, user: str, county: str, text: str
) -> None:
    at_county_step(shared_engine, user)
    replies = shared_engine.handle("cli", user, text)
    assert "⚠️" not in texts(replies) and "企业规模" in texts(replies)
    assert check_data(shared_engine, user)["county"] == county


@pytest.mark.parametrize(("text", "county"), CORRECTED)
def test_a_corrected_county_is_the_one_meant(
    shared_engine: Engine, user: str, text: str, county: str
) -> None:
    at_county_step(shared_engine, user)
    shared_engine.handle("cli", user, text)
    assert check_data(shared_engine, user)["county"] == county


@pytest.mark.parametrize("text", BAD[::2] + UNCLEAR[:2])
def test_bad_input_is_said_and_nothing_entered_is_lost(
    shared_engine: Engine, user: str, text: str
) -> None:
    at_county_step(shared_engine, user)
    replies = shared_engine.handle("cli", user, text)
    said = texts(replies)
    assert "⚠️" in said and "哪个县" in said and ("三明市" in said or "还是" in said)
    data = check_data(shared_engine, user)
    assert "county" not in data and data["industry"] == "制造业"
    shared_engine.handle("cli", user, "沙縣")
    data = check_data(shared_engine, user)
    assert (data["industry"], data["county"]) == ("制造业", "沙县区")


def test_two_counties_keep_the_other_facts_given(shared_engine: Engine, user: str) -> None:
    at_county_step(shared_engine, user)
    replies = shared_engine.handle("cli", user, "沙县还是永安说不好，想贷款300万")
    said = texts(replies)
    assert "300万元" in said and "“沙县区”还是“永安市”" in said and "哪个县" in said
    data = check_data(shared_engine, user)
    assert data["amount_wan"] == 300.0 and "county" not in data


def test_the_chat_form_offers_the_county_of_a_traditional_name(
    shared_engine: Engine, user: str
) -> None:
    shared_engine.handle("cli", user, "申请")
    shared_engine.handle("cli", user, "寧化縣鑫源竹業有限公司")
    replies = shared_engine.handle("cli", user, dict(ANSWERS)["credit_code"])
    assert "宁化县" in texts(replies) and "企业名称" in texts(replies)
    shared_engine.handle("cli", user, "对")
    assert form_state(shared_engine, user)["data"]["county"] == "宁化县"


@pytest.mark.parametrize(("text", "county"), CORRECTED)
def test_the_county_kept_for_later_is_the_one_meant(
    shared_engine: Engine, user: str, text: str, county: str
) -> None:
    at_county_step(shared_engine, user)
    shared_engine.handle("cli", user, text)
    shared_engine.handle("cli", user, "取消")
    known = texts(shared_engine.handle("cli", user, "政策体检"))
    assert f"已知情况：{county}" in known or f"｜{county}" in known, known
    wrong = next(c for c in COUNTIES if c != county and c[:2] in text)
    assert wrong not in known
