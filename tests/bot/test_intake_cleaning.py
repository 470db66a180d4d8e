"""What chat apps and speech recognition add: punctuation, sticker placeholders, emoji."""

from __future__ import annotations

import pytest

from bot.intake import FORM_FIELDS, FieldError, validate_field
from tests.helpers.engine import ANSWERS

CLEAN = dict(ANSWERS)
EXPECTED = {
    "company_name": "三明市测试机械制造有限公司",
    "credit_code": "91350400MA2Y12345Q",
    "county": "三元区",
    "industry": "外贸",
    "contact_name": "张三",
    "phone": "13912345678",
    "amount_wan": 200.0,
    "purpose": "流动资金周转",
    "term_months": 12,
    "guarantee": "知识产权质押",
    "product": "外贸贷",
    "renewal_due": True,
    "first_loan": False,
}
# What recognition puts after (or around) a spoken answer.
SPOKEN_ENDINGS = ["。", "，", "！", "？", "…", ".", "。 ", "~"]
# What WeChat and other chat apps send instead of a sticker, image or emoji.
PLACEHOLDERS = [
    "【收到不支持的消息类型，暂无法显示】",
    "[收到不支持的消息类型，暂无法显示]",
    "收到不支持的消息类型，暂无法显示",
    "[表情]",
    "[图片]",
    "[动画表情]",
    "[微笑]",
    "[Smile]",
    "/::)",
    "/::D/::D",
    "/:rose",
    "😊",
    "👍🏻",
    "🙏🙏🙏",
    "❤️",
    "😀 😀",
]


@pytest.mark.parametrize("ending", SPOKEN_ENDINGS)
@pytest.mark.parametrize("name", list(EXPECTED))
def test_spoken_punctuation_is_stripped_from_every_answer(name: str, ending: str) -> None:
    assert validate_field(name, CLEAN[name] + ending) == EXPECTED[name]


@pytest.mark.parametrize(
    ("name", "spoken"),
    [
        ("phone", "139，1234，5678。"),
        ("phone", "139 1234 5678。"),
        ("phone", "幺三九一二三四五六七八。"),
        ("phone", "１３９１２３４５６７８！"),
        ("phone", "我的手机号是13912345678。"),
        ("phone", "手机：139 1234 5678"),
        ("phone", "我的手机号是幺三九一二三四五六七八。"),
        ("credit_code", "9135 0400 MA2Y 1234 5Q。"),
        ("credit_code", "91350400，MA2Y12345Q。"),
        ("company_name", "三明市，测试机械制造有限公司。"),
        ("company_name", "“三明市测试机械制造有限公司”。"),
        ("contact_name", "张三，"),
    ],
)
def test_punctuation_inside_a_spoken_answer_is_removed(name: str, spoken: str) -> None:
    assert validate_field(name, spoken) == EXPECTED[name]


@pytest.mark.parametrize("placeholder", PLACEHOLDERS)
@pytest.mark.parametrize("field", [f for f in FORM_FIELDS if f.kind != "note"])
def test_placeholder_is_refused_with_a_clear_message(field: object, placeholder: str) -> None:
    name = field.name  # type: ignore[attr-defined]
    with pytest.raises(FieldError) as caught:
        validate_field(name, placeholder)
    message = caught.value.message
    assert "表情" in message or "请从以下选项中选择" in message or "请回答" in message, message


@pytest.mark.parametrize("placeholder", PLACEHOLDERS)
@pytest.mark.parametrize("name", ["company_name", "contact_name", "note"])
def test_placeholder_alone_is_never_a_name_or_note(name: str, placeholder: str) -> None:
    with pytest.raises(FieldError, match="表情"):
        validate_field(name, placeholder)


@pytest.mark.parametrize("decoration", ["😊", "[微笑]", "/::)", "👍🏻"])
@pytest.mark.parametrize("name", ["company_name", "contact_name"])
def test_name_with_emoji_keeps_only_the_name(name: str, decoration: str) -> None:
    assert validate_field(name, CLEAN[name] + decoration) == EXPECTED[name]
    assert validate_field(name, decoration + CLEAN[name]) == EXPECTED[name]


@pytest.mark.parametrize(
    ("name", "raw", "message"),
    [
        ("company_name", "。。。", "没有汉字"),
        ("company_name", "12", "没有汉字"),
        ("contact_name", "@@", "只能包含汉字或字母"),
        ("contact_name", "张@三", "只能包含汉字或字母"),
    ],
)
def test_name_without_name_characters_is_refused(name: str, raw: str, message: str) -> None:
    with pytest.raises(FieldError, match=message):
        validate_field(name, raw)


@pytest.mark.parametrize("name", ["欧阳·娜娜", "John Smith", "李 四"])
def test_real_person_names_are_kept(name: str) -> None:
    assert validate_field("contact_name", name) == name


def test_name_keeps_full_width_brackets_that_are_not_a_notice() -> None:
    name = "三明市【闽运】机械有限公司"
    assert validate_field("company_name", name) == name
