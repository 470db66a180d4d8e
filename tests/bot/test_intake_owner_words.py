"""Form answers in owners' own words: numerals, international mobiles, free-text choices,
questions at a step, notes as typed (issue 20, item 10). Inputs are generated over each kind."""

from __future__ import annotations

import random
from typing import Any

import cn2an
import pytest

from bot.intake import ConfirmationNeeded, FieldError, NotAnAnswer, validate_field
from bot.intake.amounts import MAX_AMOUNT_WAN, TYPICAL_WAN
from bot.intake.choice_words import CHOICE_WORDS
from bot.intake.choices import read_choice
from bot.intake.fields import FIELDS, FORM_FIELDS

DIGITS = "零一二三四五六七八九"
RNG = random.Random(20)


def reading(text: str) -> tuple[Any, ...]:
    """What validate_field makes of an amount: ("stored", value) or ("ask", value, other)."""
    try:
        return ("stored", validate_field("amount_wan", text))
    except ConfirmationNeeded as exc:
        return ("ask", exc.value, exc.other_answer)


def spoken(n: int) -> list[str]:
    """Ways owners write the number n in Chinese numerals (formal, 两, abbreviated)."""
    formal = cn2an.an2cn(n)
    forms = {formal, formal.replace("二百", "两百").replace("二千", "两千")}
    if 100 <= n < 1000 and n % 100 and n % 10 == 0:  # 两百五 = 250
        forms.add(DIGITS[n // 100] + "百" + DIGITS[n // 10 % 10])
    if 1000 <= n < 10000 and n % 1000 and n % 100 == 0:  # 一千五 = 1500, 1.5千, 1千5
        forms.add(DIGITS[n // 1000] + "千" + DIGITS[n // 100 % 10])
        forms.add(f"{n / 1000:g}千")
        forms.add(f"{n // 1000}千{n // 100 % 10}")
    return sorted(forms)


# Below 1 万: written in Chinese numerals without 万 (with 万, "三万五" names its unit itself).
NUMBERS = sorted({*RNG.sample(range(1, 10000), 120), 200, 250, 350, 1500, 3200, 9999})
DIGIT_NUMBERS = sorted({*NUMBERS, *RNG.sample(range(10000, 200000), 40), 10000, 20000, 100000})


@pytest.mark.parametrize("n", NUMBERS)
def test_bare_chinese_numerals_read_like_bare_digits(n: int) -> None:
    expected = reading(str(n))
    for text in spoken(n):
        assert reading(text) == expected, (text, n)


@pytest.mark.parametrize("n", DIGIT_NUMBERS)
def test_other_reading_is_offered_only_when_plausible(n: int) -> None:
    """A bare number is 万元; its yuan reading is offered only inside the typical range."""
    low, high = TYPICAL_WAN
    found = reading(str(n))
    as_yuan = n / 10000
    if n <= MAX_AMOUNT_WAN and low <= as_yuan <= high:
        assert found[0] == "ask" and found[1] == n and found[2]
        assert validate_field("amount_wan", found[2]) == as_yuan  # the offered answer stores it
    else:
        assert not (found[0] == "ask" and found[2]), found
    if low <= n <= high and not low <= as_yuan:
        assert found == ("stored", float(n))  # "250", "两百五": stored as 250 万元, not asked


MOBILES = [f"1{RNG.choice('3456789')}{RNG.randrange(10**9):09d}" for _ in range(12)]
PREFIXES = ["+86", "0086", "86", "+0086", "＋８６", "(+86)", "（86）"]
SEPARATORS = [" ", "-", "－", "", "  ", "—"]


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("separator", SEPARATORS)
def test_international_prefix_mobiles_are_mobiles(prefix: str, separator: str) -> None:
    for mobile in MOBILES:
        grouped = separator.join([mobile[:3], mobile[3:7], mobile[7:]])
        assert validate_field("phone", f"{prefix}{separator}{grouped}") == mobile
        assert validate_field("phone", f"{prefix} {mobile}") == mobile


@pytest.mark.parametrize("prefix", ["+86 ", "0086 ", ""])
def test_landlines_with_or_without_prefix_are_still_refused(prefix: str) -> None:
    with pytest.raises(FieldError, match="固定电话"):
        validate_field("phone", f"{prefix}0598-8231234")


CHOICE_FIELDS = [f for f in FIELDS if f.kind == "choice"]
TEMPLATES = ["{w}", "主要是{w}", "我们是{w}这块的", "{w}吧，大概这样", "嗯{w}。"]


@pytest.mark.parametrize("field", CHOICE_FIELDS, ids=lambda f: f.name)
def test_free_text_naming_an_option_never_lands_on_another(field: Any) -> None:
    """Each word of an option, in a sentence, gives an option that word names (or asks back
    among them): never an option the word does not name."""

    def words(option: str) -> tuple[str, ...]:
        return (option, *CHOICE_WORDS.get(option, ()))

    for option in field.choices:
        for word in words(option):
            named = {o for o in field.choices if word in words(o)}
            for template in TEMPLATES:
                text = template.format(w=word)
                found = read_choice(text, field.choices)
                if found.choice is not None:
                    assert found.choice in named, (text, found)
                else:
                    assert named & set(found.candidates), (text, found)


@pytest.mark.parametrize(
    ("name", "text", "option"),
    [
        ("purpose", "买竹子原料，周转用", "流动资金周转"),
        ("purpose", "进一批原材料", "流动资金周转"),
        ("purpose", "贷款快到期了，借新还旧", "续贷"),
        ("guarantee", "没有抵押物", "信用"),
        ("guarantee", "拿厂房抵押", "抵押"),
        ("guarantee", "用山林做抵押", "林权抵押"),
        ("guarantee", "找担保公司", "保证"),
        ("industry", "开饭店的", "住宿餐饮"),
        ("industry", "做物流运输", "交通运输"),
        ("county", "在沙县", "沙县区"),
        ("product", "还不清楚", "不确定"),
    ],
)
def test_free_text_for_a_choice_maps_to_the_option_it_names(
    name: str, text: str, option: str
) -> None:
    assert validate_field(name, text) == option


@pytest.mark.parametrize(("name", "text"), [("guarantee", "质押"), ("purpose", "买设备也要周转")])
def test_free_text_naming_two_options_is_asked_back(name: str, text: str) -> None:
    with pytest.raises(FieldError) as caught:
        validate_field(name, text)
    assert "还是" in caught.value.message and "请选择" in caught.value.message


QUESTIONS = [
    "那找谁",
    "这个要填什么",
    "为什么要填这个",
    "{label}是什么意思",
    "为什么要{label}",
    "必须填吗",
    "不填可以吗",
    "这个在哪里找",
    "填哪个好呢",
]


@pytest.mark.parametrize("field", FORM_FIELDS, ids=lambda f: f.name)
def test_a_question_typed_at_a_step_is_never_the_answer(field: Any) -> None:
    for template in QUESTIONS:
        text = template.format(label=field.label)
        if field.kind == "note" and "{label}" not in template and "为什么" not in template:
            continue  # the note takes free text; questions about it are still caught below
        with pytest.raises(NotAnAnswer) as caught:
            validate_field(field.name, text)
        assert field.label in caught.value.message, text


@pytest.mark.parametrize("name", ["company_name", "contact_name", "credit_code", "phone"])
def test_answers_with_a_trailing_question_mark_are_still_answers(name: str) -> None:
    answers = {
        "company_name": "三明市什么值得买商贸有限公司",
        "contact_name": "林晓明",
        "credit_code": "91350400MA2Y12345Q",
        "phone": "13912345678",
    }
    assert validate_field(name, answers[name] + "？") == validate_field(name, answers[name])


NOTES = [
    "订单增加，急需采购原材料：约３０吨（竹子）！",
    "去年营收约１２００万元；今年订单翻倍。",
    "“急”——下月初要交货……",
    "ＡＢＣ公司的应收账款约50万，能否质押？",
]


@pytest.mark.parametrize("note", NOTES)
def test_notes_keep_full_width_punctuation_as_typed(note: str) -> None:
    assert validate_field("note", f"  {note}\n") == note


def term_reading(text: str) -> tuple[Any, ...]:
    try:
        return ("stored", validate_field("term_months", text))
    except ConfirmationNeeded as exc:
        return ("ask", exc.value)
    except FieldError as exc:
        return ("refused", exc.message)


@pytest.mark.parametrize("n", range(1, 400))
def test_bare_chinese_numerals_read_like_digits_for_the_term(n: int) -> None:
    assert term_reading(cn2an.an2cn(n)) == term_reading(str(n))
