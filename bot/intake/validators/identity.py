"""Validators of who is asking: company name, contact person, credit code and mobile phone."""

from __future__ import annotations

import re
from typing import Any

from bot.intake.choices import answer_text
from bot.intake.cleaning import clean_name, name_characters
from bot.intake.company_names import EXAMPLE_COPIED, read_company_name
from bot.intake.credit_code import (
    EXAMPLE_REFUSED,
    check_character_fails,
    code_in_words,
    credit_code_problem,
    example_copied,
    lookalike_reading,
    normalize_credit_code,
)
from bot.intake.errors import ConfirmationNeeded, FieldError
from bot.intake.fields import Field
from bot.intake.numbers import spoken_digits
from bot.intake.person_names import read_person_name
from bot.intake.skips import NEEDED
from bot.intake.validators.common import example_error, placeholder_error
from retrieval.normalize import to_simplified

UNVERIFIED_FLAG = "credit_code_unverified"
EXAMPLE_CODE = "credit_code_example"  # the error type of a copied example code
LEGACY_CODE_YES = "按执照填写，确认无误"
NAME_YES = "是姓名，确认无误"
LICENCE_NAME_YES = "与执照一致，确认无误"
_PHONE_NOISE = re.compile(r"[\s\-()（）.。,，、;；:：!！?？~～_—·‐‑–−]")
_SPOKEN_PHONE = re.compile(r"[\u4e00-\u9fff]{1,10}(1\d{10})[\u4e00-\u9fff]{0,4}")
_INTERNATIONAL_MOBILE = re.compile(r"(?:\+|\+?00)?86(1\d{10})")
_NAME_LEAD_IN = re.compile(
    r"^(?:我叫|我是|我姓名是|本人|联系人(?:是|叫|为)?|姓名(?:是|叫)?|名字(?:是|叫)?|叫)[:：\s]*"
)
_HAN = re.compile(r"[\u3400-\u9fff]")
_PERSON = re.compile(r"[\u3400-\u9fffA-Za-z·• .'-]+")


def validate_text(field: Field, raw: Any) -> str:
    """A company name as registered in China, read by `bot.intake.company_names`: refused
    with a precise code, asked back when it has no organisation form (公司, 厂, 店 …)."""
    text, removed = clean_name(answer_text(raw))
    if removed and name_characters(text) == 0:
        raise placeholder_error(field)
    reading = read_company_name(text)
    if reading.verdict == "refuse":
        message = f"{reading.reason}，例如：{field.example}"
        if reading.code == EXAMPLE_COPIED:  # no 某某 example after refusing a copied one
            message = f"{reading.reason}。"
        raise FieldError(field.name, message, code=reading.code)
    if reading.verdict == "ask":
        raise ConfirmationNeeded(
            field.name,
            f"{reading.reason}；如与营业执照上的名称完全一致，请确认后再提交",
            value=reading.name,
            question=(
                f"{reading.reason}。\n如果营业执照上就是“{reading.name}”，请点“{LICENCE_NAME_YES}”；"
                "否则请重新输入企业全称。"
            ),
            yes_label=LICENCE_NAME_YES,
            no_label="重新输入",
        )
    return reading.name


def validate_person(field: Field, raw: Any) -> str:
    """A contact person's name: 2 to 50 Chinese characters or letters, no digits, read as a
    name by `bot.intake.person_names` (another step's answer is refused, an unusual name is
    asked back)."""
    text, removed = clean_name(answer_text(raw))
    if removed and name_characters(text) == 0:
        raise placeholder_error(field)
    said = _NAME_LEAD_IN.match(text)  # "我叫张三", "联系人是李女士": the name after it
    if said and len(text) - said.end() >= 2:
        text = text[said.end() :].strip()
    if re.search(r"\d", text):
        raise example_error(field, "联系人姓名不能包含数字")
    if len(text) < 2:
        raise example_error(field, "联系人姓名至少2个字")
    if len(text) > 50:
        raise example_error(field, "联系人姓名不能超过50个字")
    if not _PERSON.fullmatch(text) or name_characters(text) < 2:
        raise example_error(field, "联系人姓名只能包含汉字或字母")
    reading = read_person_name(text)
    simplified = to_simplified(text)  # 張三 is 张三; 於建国 stays (於 is a surname)
    if reading.verdict != "ok" and simplified != text:
        if read_person_name(simplified).verdict == "ok":
            text, reading = simplified, read_person_name(simplified)
    if reading.verdict == "refuse":
        raise example_error(field, f"{reading.reason}，请输入联系人的姓名（也可写“张女士”）")
    if reading.verdict == "ask":
        raise ConfirmationNeeded(
            field.name,
            f"“{text}”不太像常见的姓名；如确是联系人的姓名，请确认后再提交",
            value=text,
            question=f"联系人姓名填“{text}”，对吗？是姓名请点“{NAME_YES}”，否则请重新输入。",
            yes_label=NAME_YES,
            no_label="重新输入",
        )
    return text


def validate_credit_code(field: Field, raw: Any) -> str:
    """An 18-character unified social credit code; a failing check character is asked back
    (some pre-2016 licences print one), any other problem refused, as is the form's example
    copied (or its placeholder shape)."""
    code = code_in_words(normalize_credit_code(answer_text(raw)))
    if _HAN.search(code):  # 九一三五…: digits read out one by one
        code = code_in_words(normalize_credit_code(spoken_digits(code)))
    if not code:
        raise example_error(field, "请输入18位统一社会信用代码")
    if not re.search(r"[0-9A-Z]", code):  # words only ("执照在会计那"): no code to check
        raise FieldError(field.name, f"没有看到代码。{NEEDED[field.name]}。")
    fixed = lookalike_reading(code)
    if fixed is not None:  # 9135O400…: the letter O typed for the digit 0
        letters = "、".join(sorted(set(code) & set("OIZS")))
        question = f"代码里不用字母{letters}，按数字读是“{fixed}”，对吗？"
        raise ConfirmationNeeded(
            field.name, f"{question}确认后再提交", value=fixed, question=question
        )
    if example_copied(code):  # no example after refusing a copied one
        raise FieldError(field.name, f"{EXAMPLE_REFUSED}。", code=EXAMPLE_CODE)
    problem = credit_code_problem(code)
    if problem and check_character_fails(code):
        raise ConfirmationNeeded(
            field.name,
            f"{problem}；如与营业执照上印的完全一致，请确认后再提交",
            value=code,
            question=(
                f"⚠️ {problem}。\n如果营业执照上印的就是“{code}”（2016年以前发放的执照个别如此），"
                f"请点“{LEGACY_CODE_YES}”；否则请重新输入正确的代码。"
            ),
            yes_label=LEGACY_CODE_YES,
            no_label="重新输入",
            flags={UNVERIFIED_FLAG: True},
        )
    if problem:
        raise example_error(field, problem)
    return code


def validate_phone(field: Field, raw: Any) -> str:
    """A mainland mobile number (11 digits), typed or said with spaces, dashes or +86."""
    phone = _PHONE_NOISE.sub("", spoken_digits(answer_text(raw)))
    spoken = _SPOKEN_PHONE.fullmatch(phone)  # "我的手机号是13912345678", said in a voice message
    if spoken:
        phone = spoken.group(1)
    international = _INTERNATIONAL_MOBILE.fullmatch(phone)  # +86 / 0086 / 86 before a mobile
    if international:
        phone = international.group(1)
    elif phone.startswith("+86"):
        phone = phone[3:]
    if not phone.isdigit():
        raise example_error(field, "手机号码只能包含数字")
    if phone.startswith("0"):
        raise example_error(field, "请填写手机号码（暂不支持固定电话）")
    if len(phone) != 11:
        raise example_error(field, f"手机号码应为11位，您输入的是{len(phone)}位")
    if not re.fullmatch(r"1[3-9]\d{9}", phone):
        raise example_error(field, "请填写中国大陆手机号码（以13至19开头）")
    return phone
