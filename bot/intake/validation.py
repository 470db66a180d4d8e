"""Normalisation and validation of form answers; every error is Chinese and carries an example."""

from __future__ import annotations

import math
import re
from typing import Any

from bot.intake.credit_code import credit_code_problem, normalize_credit_code
from bot.intake.errors import FieldError, UnknownFieldError
from bot.intake.fields import FIELD_BY_NAME, FIELDS, Field
from bot.intake.numbers import half_width, parse_number

MAX_AMOUNT_WAN = 100000
MAX_TERM_MONTHS = 360
MAX_NOTE = 1000
YES_WORDS = frozenset(
    {"是", "是的", "有", "有的", "对", "对的", "需要", "要", "yes", "y", "true", "ok", "嗯", "同意"}
)
NO_WORDS = frozenset(
    {"否", "不是", "没有", "没", "无", "不", "不需要", "不要", "no", "n", "false", "不同意"}
)
EMPTY_NOTE_WORDS = frozenset({"", "无", "没有", "没", "跳过", "无补充", "没有了", "不用", "略"})
CHOICE_ALIASES = {
    "不确定": ("不知道", "不清楚", "都可以", "没想好", "不懂"),
    "保证": ("担保", "担保公司", "保证人"),
    "信用": ("纯信用", "无抵押", "无担保"),
}
_CHANNEL = re.compile(r"^[a-z][a-z0-9_-]{0,19}$")
_PUNCT = "。.，,！!？?；;：:、 "


def _text(raw: Any) -> str:
    """Half-width, trimmed text of an answer (numbers converted to text)."""
    if isinstance(raw, bool) or raw is None:
        return ""
    return half_width(str(raw))


def _error(field: Field, problem: str) -> FieldError:
    """A FieldError whose message ends with the field's example."""
    return FieldError(field.name, f"{problem}，例如：{field.example}")


def match_choice(raw: Any, choices: tuple[str, ...]) -> str | None:
    """The choice meant by a label, an option number or an unambiguous part, else None."""
    text = _text(raw).strip(_PUNCT)
    if not text:
        return None
    if text in choices:
        return text
    if text.isdigit() and 1 <= int(text) <= len(choices):
        return choices[int(text) - 1]
    for choice, aliases in CHOICE_ALIASES.items():
        if choice in choices and text in aliases:
            return choice
    found = [c for c in choices if (len(text) >= 2 and text in c) or c in text]
    return found[0] if len(found) == 1 else None


def parse_yes_no(raw: Any) -> bool | None:
    """True/False for 是/否, 有/没有, yes/no (and option numbers 1/2), else None."""
    if isinstance(raw, bool):
        return raw
    text = _text(raw).strip(_PUNCT).lower()
    if text in YES_WORDS or text == "1":
        return True
    if text in NO_WORDS or text == "2":
        return False
    return None


def _validate_text(field: Field, raw: Any) -> str:
    text = re.sub(r"\s+", " ", _text(raw))
    if len(text) < 2:
        raise _error(field, "企业名称至少2个字，请输入营业执照上的企业全称")
    if len(text) > 100:
        raise _error(field, f"企业名称不能超过100个字（您输入了{len(text)}个字）")
    if not re.search(r"[\u4e00-\u9fffA-Za-z]", text):
        raise _error(field, "企业名称不能只有数字或符号，请输入营业执照上的企业全称")
    return text


def _validate_person(field: Field, raw: Any) -> str:
    text = re.sub(r"\s+", " ", _text(raw))
    if re.search(r"\d", text):
        raise _error(field, "联系人姓名不能包含数字")
    if len(text) < 2:
        raise _error(field, "联系人姓名至少2个字")
    if len(text) > 50:
        raise _error(field, "联系人姓名不能超过50个字")
    return text


def _validate_credit_code(field: Field, raw: Any) -> str:
    code = normalize_credit_code(_text(raw))
    if not code:
        raise _error(field, "请输入18位统一社会信用代码")
    problem = credit_code_problem(code)
    if problem:
        raise _error(field, problem)
    return code


def _validate_phone(field: Field, raw: Any) -> str:
    phone = re.sub(r"[\s\-()（）]", "", _text(raw))
    if phone.startswith("+86"):
        phone = phone[3:]
    elif phone.startswith("86") and len(phone) == 13:
        phone = phone[2:]
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
        value: float | None = float(raw)
    else:
        text = _text(raw)
        scale = 10000.0 if "亿" in text else 1.0
        if "元" in text and "万" not in text and "亿" not in text:
            scale = 0.0001  # plain yuan
        value = parse_number(text.replace("万元", "").replace("万", "").replace("亿", ""))
        value = None if value is None else value * scale
    if value is None or math.isnan(value) or math.isinf(value):
        raise _error(field, "请输入融资金额的数字（单位：万元）")
    if value <= 0:
        raise _error(field, "融资金额必须大于0")
    if value > MAX_AMOUNT_WAN:
        raise _error(field, "融资金额不能超过100000万元（即10亿元），请以“万元”为单位填写")
    return round(value, 2)


def _validate_term(field: Field, raw: Any) -> int:
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        months: float | None = float(raw)
    else:
        text = _text(raw)
        if text in ("半年", "半年期"):
            return 6
        number = parse_number(text)
        months = None if number is None else number * (12 if "年" in text else 1)
        if months is not None and "年半" in text:
            months += 6
    if months is None:
        raise _error(field, "请输入贷款期限的月数")
    if months != int(months):
        raise _error(field, "贷款期限请填写整数个月")
    if not 1 <= months <= MAX_TERM_MONTHS:
        raise _error(field, "贷款期限应在1到360个月之间")
    return int(months)


def _validate_choice(field: Field, raw: Any) -> str:
    choice = match_choice(raw, field.choices)
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
    text = _text(raw)
    if text.strip(_PUNCT) in EMPTY_NOTE_WORDS:
        return ""
    if len(text) > MAX_NOTE:
        raise _error(field, f"补充说明不能超过1000字（您输入了{len(text)}字），请精简后再发")
    return text


def _validate_consent(field: Field, raw: Any) -> bool:
    if parse_yes_no(raw) is True:
        return True
    raise _error(field, "需要您同意授权后才能提交")


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
    """The normalised value of one answer; raises FieldError with a Chinese message."""
    field = FIELD_BY_NAME.get(name)
    if field is None:
        raise UnknownFieldError(name)
    return _VALIDATORS[field.kind](field, raw)


def validate_request(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """Clean values of a whole request and per-field Chinese errors (empty when valid)."""
    clean: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field in FIELDS:
        raw = data.get(field.name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if field.optional:
                clean[field.name] = ""
                continue
            if field.kind == "consent":
                errors[field.name] = "需要您同意授权后才能提交"
            else:
                errors[field.name] = f"请填写{field.label}，例如：{field.example}"
            continue
        try:
            clean[field.name] = validate_field(field.name, raw)
        except FieldError as exc:
            errors[field.name] = exc.message
    channel = data.get("channel")
    if channel is not None:
        if isinstance(channel, str) and _CHANNEL.match(channel):
            clean["channel"] = channel
        else:
            errors["channel"] = "渠道名称无效"
    return clean, errors
