"""Normalisation and validation of form answers; every error is Chinese and carries an example.

An answer is stored as read, refused with a FieldError, or (a guessed reading, an unusual
amount, a credit code failing its check character) raised as ConfirmationNeeded, to be stored
only once the owner confirms it.
"""

from __future__ import annotations

import math
import re
from typing import Any

from bot.intake.amounts import MAX_AMOUNT_WAN, AmountReading, describe_wan, read_amount
from bot.intake.choices import EMPTY_NOTE_WORDS, answer_text, bare_words, parse_yes_no, read_choice
from bot.intake.cleaning import clean_name, is_placeholder_only, name_characters
from bot.intake.credit_code import (
    check_character_fails,
    credit_code_problem,
    normalize_credit_code,
)
from bot.intake.errors import (
    ConfirmationNeeded,
    FieldError,
    NotAnAnswer,
    ReadingError,
    UnknownFieldError,
)
from bot.intake.fields import FIELD_BY_NAME, Field
from bot.intake.numbers import spoken_digits
from bot.intake.questions import reads_as_question, reads_as_small_talk, says_nothing_more
from bot.intake.terms import MAX_TERM_MONTHS, describe_months, read_term

MAX_NOTE = 1000
UNVERIFIED_FLAG = "credit_code_unverified"
LEGACY_CODE_YES = "按执照填写，确认无误"
_PHONE_NOISE = re.compile(r"[\s\-()（）.。,，、;；:：!！?？~～_—·‐‑–−]")
_SPOKEN_PHONE = re.compile(r"[\u4e00-\u9fff]{1,10}(1\d{10})[\u4e00-\u9fff]{0,4}")
_INTERNATIONAL_MOBILE = re.compile(r"(?:\+|\+?00)?86(1\d{10})")
_PERSON = re.compile(r"[\u3400-\u9fffA-Za-z·• .'-]+")


def _error(field: Field, problem: str) -> FieldError:
    """A FieldError whose message ends with the field's example."""
    return FieldError(field.name, f"{problem}，例如：{field.example}")


def _placeholder_error(field: Field) -> FieldError:
    """The answer was a sticker, an emoji or a chat app's placeholder text."""
    return _error(field, f"收到的是表情、图片或暂不支持的消息，不是{field.label}，请用文字输入")


def _validate_text(field: Field, raw: Any) -> str:
    text, removed = clean_name(answer_text(raw))
    if removed and name_characters(text) == 0:
        raise _placeholder_error(field)
    if len(text) < 2:
        raise _error(field, "企业名称至少2个字，请输入营业执照上的企业全称")
    if len(text) > 100:
        raise _error(field, f"企业名称不能超过100个字（您输入了{len(text)}个字）")
    if name_characters(text) < 2:
        raise _error(field, "企业名称不能只有数字或符号，请输入营业执照上的企业全称")
    return text


def _validate_person(field: Field, raw: Any) -> str:
    text, removed = clean_name(answer_text(raw))
    if removed and name_characters(text) == 0:
        raise _placeholder_error(field)
    if re.search(r"\d", text):
        raise _error(field, "联系人姓名不能包含数字")
    if len(text) < 2:
        raise _error(field, "联系人姓名至少2个字")
    if len(text) > 50:
        raise _error(field, "联系人姓名不能超过50个字")
    if not _PERSON.fullmatch(text) or name_characters(text) < 2:
        raise _error(field, "联系人姓名只能包含汉字或字母")
    return text


def _validate_credit_code(field: Field, raw: Any) -> str:
    code = normalize_credit_code(answer_text(raw))
    if not code:
        raise _error(field, "请输入18位统一社会信用代码")
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
        raise _error(field, problem)
    return code


def _validate_phone(field: Field, raw: Any) -> str:
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
        raise _error(field, "手机号码只能包含数字")
    if phone.startswith("0"):
        raise _error(field, "请填写手机号码（暂不支持固定电话）")
    if len(phone) != 11:
        raise _error(field, f"手机号码应为11位，您输入的是{len(phone)}位")
    if not re.fullmatch(r"1[3-9]\d{9}", phone):
        raise _error(field, "请填写中国大陆手机号码（以13至19开头）")
    return phone


def _validate_amount(field: Field, raw: Any) -> float:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if math.isnan(raw) or math.isinf(raw):
            raise _error(field, "请输入融资金额的数字（单位：万元）")
        reading = AmountReading(round(float(raw), 4), guessed=False)
    else:
        try:
            reading = read_amount(answer_text(raw))
        except ReadingError as exc:
            raise _error(field, exc.message) from None
    if reading.wan <= 0:
        raise _error(field, "融资金额必须大于0")
    if reading.wan > MAX_AMOUNT_WAN:
        raise _error(field, "融资金额不能超过100000万元（即10亿元），请以“万元”为单位填写")
    if reading.other is not None:  # "20000": 2 亿元, or 2 万元 written in yuan?
        main, other = describe_wan(reading.wan), describe_wan(reading.other)
        question = f"您填写的金额是 {main}，还是 {other}？请选择："
        raise ConfirmationNeeded(
            field.name,
            f"请核对金额：是 {main}，还是 {other}？如是 {other}，请改填“{reading.other:g}万”；"
            f"如是 {main}，请勾选确认后再提交",
            value=reading.wan,
            question=question,
            yes_label=f"是 {reading.wan:g} 万元",
            no_label="都不对，重新填写",
            other_label=f"是 {reading.other:g} 万元",
            other_answer=f"{reading.other:g}万",
        )
    if reading.needs_confirmation:
        question = f"您填写的是 {describe_wan(reading.wan)}，对吗？"
        raise ConfirmationNeeded(
            field.name,
            f"请核对金额：{question}确认无误后再提交",
            value=reading.wan,
            question=question,
            no_label="不对，重新填写",
        )
    return reading.wan


def _validate_term(field: Field, raw: Any) -> int:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        months, guessed = float(raw), False
    else:
        text = answer_text(raw)
        if re.match(r"\s*(-|负)", text):
            raise _error(field, "贷款期限应在1到360个月之间")
        try:
            reading = read_term(text)
        except ReadingError as exc:
            raise _error(field, exc.message) from None
        months, guessed = reading.months, reading.guessed
        if guessed and months >= 1:
            months = float(round(months))  # "100天" is about 3 months: asked back below
    if math.isnan(months) or months != int(months):
        raise _error(field, "贷款期限请填写整数个月")
    if not 1 <= months <= MAX_TERM_MONTHS:
        raise _error(field, "贷款期限应在1到360个月之间")
    if guessed:
        question = f"您填写的期限是 {describe_months(int(months))}，对吗？"
        raise ConfirmationNeeded(
            field.name,
            f"请核对期限：{question}确认无误后再提交",
            value=int(months),
            question=question,
            no_label="不对，重新填写",
        )
    return int(months)


def _validate_choice(field: Field, raw: Any) -> str:
    reading = read_choice(raw, field.choices)
    choice = reading.choice
    if choice is None and len(reading.candidates) >= 2:  # "买设备也周转": which one is meant?
        named = "还是".join(f"“{c}”" for c in reading.candidates)
        raise FieldError(field.name, f"您指的是{named}？请选择一项（可回复序号）")
    if choice is None:
        options = "、".join(field.choices)
        raise FieldError(field.name, f"请从以下选项中选择：{options}（可回复序号，例如：1）")
    return choice


def _validate_yes_no(field: Field, raw: Any) -> bool:
    value = parse_yes_no(raw)
    if value is None:
        raise _error(field, "请回答“是”或“否”（也可回复“有”或“没有”）")
    return value


def _validate_note(field: Field, raw: Any) -> str:
    if bare_words(raw) in EMPTY_NOTE_WORDS or (isinstance(raw, str) and says_nothing_more(raw)):
        return ""
    # Kept as typed: full-width punctuation (，。：“”) and digits are the owner's own text.
    text = "" if isinstance(raw, bool) or raw is None else str(raw).strip()
    if len(text) > MAX_NOTE:
        raise _error(field, f"补充说明不能超过1000字（您输入了{len(text)}字），请精简后再发")
    return text


def _validate_consent(field: Field, raw: Any) -> bool:
    if parse_yes_no(raw) is True:
        return True
    raise _error(field, "需要您同意授权后才能提交")


FREE_TEXT_KINDS = frozenset({"text", "person", "note"})  # any words could be stored there
_VALIDATORS = {
    "text": _validate_text,
    "person": _validate_person,
    "credit_code": _validate_credit_code,
    "phone": _validate_phone,
    "amount": _validate_amount,
    "term": _validate_term,
    "choice": _validate_choice,
    "yes_no": _validate_yes_no,
    "note": _validate_note,
    "consent": _validate_consent,
}


def validate_field(name: str, raw: Any) -> Any:
    """The normalised value of one answer.

    Raises FieldError (Chinese message with an example), its subclasses ConfirmationNeeded for
    readings to confirm first and NotAnAnswer for a question typed instead of an answer, or
    UnknownFieldError for a name the form does not have.
    """
    field = FIELD_BY_NAME.get(name)
    if field is None:
        raise UnknownFieldError(name)
    if isinstance(raw, str) and is_placeholder_only(raw):
        raise _placeholder_error(field)
    if isinstance(raw, str) and reads_as_question(field, raw):
        problem = f"收到的像是一个问题，不是{field.label}。{field.why}"
        raise NotAnAnswer(field.name, f"{problem}例如：{field.example}")
    if isinstance(raw, str) and field.kind in FREE_TEXT_KINDS and reads_as_small_talk(field, raw):
        problem = f"收到的像是客套话（如“谢谢”“好的”），不是{field.label}。"
        raise NotAnAnswer(field.name, f"{problem}例如：{field.example}")
    return _VALIDATORS[field.kind](field, raw)
