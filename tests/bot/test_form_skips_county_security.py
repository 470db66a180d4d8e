"""Kinds a trial of the chat form found, generated over wordings (not the trial's strings):

1. a skip or "none" answer ("没有 跳过", "不知道 先跳过", "还没办") is never read as the step's
   value: the optional note is empty, 意向产品 is 不确定, 担保方式 asks back 信用, every other
   step says it is required and what it needs, and nothing entered is lost ("先不填" is no
   cancel);
2. the county in the company name is offered at the county step, never over an answer;
3. the security is stored as meant: the asset decides 抵押 or 质押, a right without an option is
   其他, and the owner's own words are kept beside it;
4. traditional script, words around a credit code or a name, letters typed for digits.
"""

from __future__ import annotations

import itertools

import opencc
import pytest

from bot.conversation.form.detail import GUARANTEE_DETAIL, submitted
from bot.engine import Engine
from bot.intake import ConfirmationNeeded, FieldError, validate_field
from bot.intake.counties import county_in_name
from bot.intake.errors import SkippedRequired
from bot.intake.fields import FORM_FIELDS
from core.kinds import COUNTIES
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
CODE = dict(ANSWERS)["credit_code"]
# skip answers built from parts: a lead, a core (none / unknown / skip), a tail, then joined
LEADS = ["", "我", "暂时", "这个先", "嗯，", "呃……"]
NONE = ["没有", "还没办", "暂无", "还没有办执照", "没有营业执照"]
UNKNOWN = ["不知道", "不清楚", "忘了", "记不清", "没想好"]
SKIP = ["跳过", "先跳过", "以后再说", "先不填", "待定", "回头再填"]
TAILS = ["", "吧", "了", "。", "！"]


def _skips(cores: list[str], seconds: list[str] = SKIP) -> list[str]:
    """Skip wordings: lead + core + tail, alone and followed by a second part."""
    out = [
        f"{lead}{core}{tail}"
        for lead, core, tail in zip(LEADS * 5, cores * 6, TAILS * 6, strict=False)
    ]
    out += [f"{core} {second}" for core, second in zip(cores, seconds * 2, strict=False)]
    return list(dict.fromkeys(out + [TRADITIONAL.convert(t) for t in out[::3]]))


ANY_SKIP = _skips(NONE) + _skips(UNKNOWN) + _skips(SKIP, ["吧", "啊"])
UNKNOWN_SKIPS = _skips(UNKNOWN) + _skips(SKIP, ["吧", "啊"])
REQUIRED = [f for f in FORM_FIELDS if f.kind not in ("note", "yes_no") and f.name != "product"]


# 1. skips
@pytest.mark.parametrize(("field", "text"), itertools.product(REQUIRED, UNKNOWN_SKIPS[::2]))
def test_a_skip_at_a_required_step_says_it_is_required(field: object, text: str) -> None:
    name = field.name  # type: ignore[attr-defined]
    with pytest.raises(SkippedRequired) as caught:
        validate_field(name, text)
    assert "必填" in caught.value.message and "不能跳过" in caught.value.message


@pytest.mark.parametrize("text", ANY_SKIP)
def test_a_skip_is_never_read_as_a_credit_code(text: str) -> None:
    with pytest.raises(SkippedRequired) as caught:
        validate_field("credit_code", text)
    message = caught.value.message
    assert "营业执照" in message and "位，您输入的是" not in message and "不含字符" not in message


@pytest.mark.parametrize("text", ANY_SKIP)
def test_a_skip_at_the_optional_note_stores_it_empty(text: str) -> None:
    assert validate_field("note", text) == ""


@pytest.mark.parametrize("text", ANY_SKIP)
def test_a_skip_at_the_product_step_is_unsure(text: str) -> None:
    assert validate_field("product", text) == "不确定"


@pytest.mark.parametrize("text", _skips(NONE))
def test_none_at_the_guarantee_step_asks_back_credit(text: str) -> None:
    with pytest.raises(ConfirmationNeeded) as caught:
        validate_field("guarantee", text)
    assert caught.value.value == "信用"


@pytest.mark.parametrize("step", ["renewal_due", "first_loan"])
@pytest.mark.parametrize("text", UNKNOWN_SKIPS[::3])
def test_an_unknown_yes_or_no_is_asked_again(step: str, text: str) -> None:
    with pytest.raises(SkippedRequired):
        validate_field(step, text)


@pytest.mark.parametrize("text", ["没有", "暂时没有", "無", "沒有"])
def test_a_plain_no_stays_a_yes_no_answer(text: str) -> None:
    assert validate_field("renewal_due", text) is False


@pytest.mark.parametrize("text", ["没有 跳过", "不知道 先跳过", "还没办", "先不填", "沒有 跳過"])
def test_a_skip_in_chat_keeps_what_was_entered(shared_engine: Engine, user: str, text: str) -> None:
    shared_engine.handle("cli", user, "申请")
    shared_engine.handle("cli", user, ANSWERS[0][1])
    replies = shared_engine.handle("cli", user, text)
    form = form_state(shared_engine, user)
    assert form is not None and form["data"] == {"company_name": ANSWERS[0][1]}
    assert "必填" in texts(replies) and "保留" in texts(replies)
    shared_engine.handle("cli", user, CODE)
    assert form_state(shared_engine, user)["data"]["credit_code"] == CODE


@pytest.mark.parametrize("said", ["我们的代码是{c}", "信用代码：{c}", "统一社会信用代码{c}。"])
def test_a_code_said_with_words_is_read(said: str) -> None:
    assert validate_field("credit_code", said.format(c=CODE)) == CODE


@pytest.mark.parametrize(("digit", "letter"), [("0", "O"), ("1", "I")])
def test_a_letter_typed_for_a_digit_is_asked_back(digit: str, letter: str) -> None:
    at = CODE.index(digit)
    with pytest.raises(ConfirmationNeeded) as caught:
        validate_field("credit_code", CODE[:at] + letter + CODE[at + 1 :])
    assert caught.value.value == CODE


# 2. the county in the company name
TRADES = ["鑫源竹业有限公司", "老王小吃店", "绿野茶叶专业合作社", "闽运机械厂"]
PREFIXES = ["", "福建省", "三明市", "福建省三明市"]


def _named(county: str) -> list[str]:
    forms = [county, county[:-1]] if len(county) == 3 else [county]
    return [p + f + t for p, f, t in zip(PREFIXES * 2, forms * 4, TRADES * 2, strict=False)]


@pytest.mark.parametrize("county", COUNTIES)
def test_the_county_in_a_company_name_is_read(county: str) -> None:
    for name in [*_named(county), f"鑫源竹业（{county[:-1]}）有限公司"]:
        assert county_in_name(name) == county, name


@pytest.mark.parametrize(
    ("name", "county"),
    [
        ("沙县老王小吃店", "沙县区"),
        ("三明市梅列区鑫源贸易商行", "三元区"),
        ("沙县小吃鑫源店", None),
    ],
)
def test_a_former_division_is_read_and_a_brand_is_not(name: str, county: str | None) -> None:
    assert county_in_name(name) == county


@pytest.mark.parametrize("county", COUNTIES[::2])
def test_the_county_step_offers_the_name_county(
    shared_engine: Engine, user: str, county: str
) -> None:
    shared_engine.handle("cli", user, "申请")
    shared_engine.handle("cli", user, _named(county)[1])
    replies = shared_engine.handle("cli", user, CODE)
    assert county in texts(replies) and "企业名称" in texts(replies)
    shared_engine.handle("cli", user, "对")
    assert form_state(shared_engine, user)["data"]["county"] == county


@pytest.mark.parametrize("county", COUNTIES[1::3])
def test_an_explicit_county_wins_over_the_name(
    shared_engine: Engine, user: str, county: str
) -> None:
    other = next(c for c in COUNTIES if c != county)
    shared_engine.handle("cli", user, f"我们企业在{other}")
    shared_engine.handle("cli", user, "申请")
    shared_engine.handle("cli", user, _named(county)[0])
    replies = shared_engine.handle("cli", user, CODE)
    assert other in texts(replies) and "企业名称" not in texts(replies)
    shared_engine.handle("cli", user, county)  # typed: the answer, whatever was offered
    assert form_state(shared_engine, user)["data"]["county"] == county


# 3. the security as meant
ASSETS = {
    "林权抵押": ["林权", "山林", "林地"],
    "知识产权质押": ["专利", "商标", "知识产权"],
    "应收账款质押": ["应收账款"],
    "其他": ["股权", "存单", "仓单", "碳排放权"],
}
FRAMES = ["{a}{v}", "用{a}{v}", "可以拿{a}做{v}", "{a}{v}吧"]


def _security() -> list[tuple[str, str]]:
    cases = []
    for (option, assets), verb, frame in itertools.product(
        ASSETS.items(), ["抵押", "质押"], FRAMES
    ):
        cases += [(option, frame.format(a=a, v=verb)) for a in assets]
    return cases + [(option, TRADITIONAL.convert(text)) for option, text in cases[::4]]


@pytest.mark.parametrize(("option", "text"), _security())
def test_the_asset_decides_the_security_option(option: str, text: str) -> None:
    assert validate_field("guarantee", text) == option


@pytest.mark.parametrize(("option", "text"), _security()[::5])
def test_the_owners_words_are_kept_beside_the_option(
    shared_engine: Engine, user: str, option: str, text: str
) -> None:
    shared_engine.handle("cli", user, "申请")
    for name, answer in ANSWERS:
        shared_engine.handle("cli", user, text if name == "guarantee" else answer)
    data = form_state(shared_engine, user)["data"]
    assert data["guarantee"] == option
    said = data.get(GUARANTEE_DETAIL)
    if said is not None:  # kept when the words say more than the option
        assert f"担保方式：{said}" in submitted(data)["note"]
    assert option in text or said  # 林权质押 stored as 林权抵押 keeps "林权质押"


# 4. traditional script and words around a name
@pytest.mark.parametrize(
    ("step", "text", "value"),
    [
        ("county", "沙縣", "沙县区"),
        ("county", "梅列區", "三元区"),
        ("purpose", "流動資金周轉", "流动资金周转"),
        ("contact_name", "張三", "张三"),
        ("contact_name", "於建国", "於建国"),
        ("contact_name", "我叫李四", "李四"),
        ("contact_name", "联系人是王女士", "王女士"),
        ("company_name", "尤溪縣鑫源竹業有限公司", "尤溪县鑫源竹业有限公司"),
    ],
)
def test_owner_wordings_are_read_as_meant(step: str, text: str, value: str) -> None:
    assert validate_field(step, text) == value


def test_a_real_answer_is_no_skip() -> None:
    for name, answer in ANSWERS:
        try:
            validate_field(name, answer)
        except FieldError as exc:  # pragma: no cover - a failure message
            pytest.fail(f"{name}: {exc.message}")
