"""What an owner types where the form shows buttons (text-only channels such as WeChat show
them as text): a button's visible text stands for the button ("不修改", "返回", an option's
label), and in the edit menu, or with a word of change at the summary, a field named in the
owner's words selects that field ("联系电话", "改电话", "手机号", "改一下金额", "企业名称错了").

`read_typed(form, text, command) -> (text, command)`: what the dispatcher (bot.engine.turns)
reads the message as while the form is open; unchanged for anything else.
"""

from __future__ import annotations

import re
from typing import Any

from bot.conversation.commands import classify_command, looks_like_question, normalize_text
from bot.conversation.form.messages import (
    RESUME,
    edit_picker_message,
    next_field,
    pick_edit_field,
    resume_message,
)
from bot.conversation.form.side import FIELD_WORDS
from bot.intake import FieldError, validate_field
from bot.intake.choices import option_number
from bot.intake.fields import FORM_FIELDS, Field

# Typed where a 不修改 / 返回 button is offered: keep what is there.
KEEP_WORDS = frozenset(
    {
        "不修改",
        "不修改了",
        "不用修改",
        "无需修改",
        "不需要修改",
        "不改",
        "不改了",
        "不用改",
        "不用改了",
        "不需要改",
        "不要改",
        "不改动",
        "没问题",
        "没有问题",
        "确认",
        "确认无误",
        "无误",
        "保持不变",
        "不变",
        "就这样",
        "保持原样",
        "维持原样",
        "原样",
        "返回",
        "返回上一步",
        "算了",
    }
)
_MARKS = re.compile(r"[\s,，、。.!！?？~～:：;；()（）“”\"'「」]")
_PARENS = re.compile(r"[（(][^）)]*[）)]")
# Words of change around a field's name: 改电话, 电话要改一下, 企业名称错了, 把金额改一下.
_CHANGE = re.compile(
    r"修改|更改|更正|改成|改为|改一下|改下|改掉|改|换一下|换成|换|重新填写|重新填|重填|重新输入|"
    r"填错了|写错了|输错了|错了|不对|有误|有问题"
)
_FILLER = re.compile(
    r"^(我|我们)?(想|要|想要|需要|得|请|帮我|麻烦)*(把|将)?|(一下|吧|呢|啊|呀|了|的)+$"
)
_MAX_NAME_EXTRA = 2  # "电话号码": a field word with at most this many more characters


def _plain(text: str) -> str:
    """Text as typed labels compare: normalised, without spaces and punctuation."""
    return _MARKS.sub("", normalize_text(text))


def _labels(label: str) -> set[str]:
    """A button's visible text as it may be typed: whole, and without its bracketed part."""
    return {p for p in (_plain(label), _plain(_PARENS.sub("", label))) if p}


def typed_button(form: dict[str, Any], text: str) -> str | None:
    """The value of the button (of the form's current message) whose visible text `text` is,
    else None; a word of keeping ("不改了", "没问题") where 不修改 / 返回 is offered."""
    key = _plain(text)
    if not key:
        return None
    buttons = resume_message(form).buttons
    for button in buttons:
        if key in _labels(button.label):
            return button.value
    if key in KEEP_WORDS and any(b.value == RESUME for b in buttons):
        return RESUME
    return None


def _names(field: Field) -> set[str]:
    """The words naming a field: its label (whole and without brackets) and FIELD_WORDS."""
    return _labels(field.label) | set(FIELD_WORDS.get(field.name, ()))


def named_field(form: dict[str, Any], text: str) -> tuple[Field | None, bool]:
    """(the answered field `text` names, whether it also says to change it); the text must be
    little more than the name and words of change ("我要改一下联系电话"), never a value."""
    answered = [f for f in FORM_FIELDS if f.name in form["data"]]
    key = _plain(text)
    rest = _CHANGE.sub("", key)
    change = rest != key
    rest = _FILLER.sub("", rest)
    if not rest:
        return None, change
    number = option_number(rest)
    if number is not None:
        found = answered[number - 1] if change and number <= len(answered) else None
        return found, change
    matches = []
    for field in answered:
        for name in _names(field):
            if rest == name or (len(rest) >= 2 and rest in name):
                matches.append((0, field))
            elif name in rest and len(rest) - len(name) <= _MAX_NAME_EXTRA and len(name) >= 2:
                matches.append((len(rest) - len(name), field))
    best = min((size for size, _ in matches), default=None)
    if best is None or (best and not change and looks_like_question(key)):
        return None, change  # "电话多少" asks; "改电话" or "电话" names the field
    fields = {f.name: f for size, f in matches if size == best}
    return (next(iter(fields.values())) if len(fields) == 1 else None), change


def edit_choice(form: dict[str, Any], text: str) -> Field | None:
    """The field to change chosen in the edit menu: by button value, label, number, or a
    field named in the owner's words."""
    return pick_edit_field(form, text) or named_field(form, text)[0]


def at_summary(form: dict[str, Any]) -> bool:
    """True when the form shows its summary (every field answered, nothing being edited)."""
    return form.get("step") == "field" and next_field(form) is None


def read_typed(form: dict[str, Any], text: str, command: str | None) -> tuple[str, str | None]:
    """The message as the form reads it: a typed button's value, or a field named to change
    (never the office's phone for "联系电话" in the edit menu)."""
    value = typed_button(form, text)
    if value is not None:
        return value, classify_command(value)
    if form.get("step") == "edit" and edit_choice(form, text) is not None:
        return text, None
    if at_summary(form):
        field, change = named_field(form, text)
        if field is not None and change:
            return text, None
    return text, command


UNREAD_EDIT = (
    "没能确定您要修改哪一项。请回复要修改的项目名称（例如“{label}”）或序号（例如“{n}”）；"
    "不需要修改请回复“返回”。已填写的信息都还保留着。"
)


def unread_edit_message(form: dict[str, Any]) -> Any:
    """The edit menu again, saying what to type."""
    answered = [f for f in FORM_FIELDS if f.name in form["data"]]
    last = len(answered)
    label = answered[-1].label if answered else "联系电话"
    return edit_picker_message(form, UNREAD_EDIT.format(label=label, n=last or 1))


# Values only one field takes, so a value typed in the edit menu is not lost: a mobile number,
# a credit code, an amount in 万.
_DISTINCT_KINDS = ("phone", "credit_code")


def value_field(form: dict[str, Any], text: str) -> Field | None:
    """The answered field of a distinct kind that takes `text` as it is, else None."""
    taken = []
    for field in FORM_FIELDS:
        distinct = field.kind in _DISTINCT_KINDS or (field.kind == "amount" and "万" in text)
        if not distinct or field.name not in form["data"]:
            continue
        try:
            validate_field(field.name, text)
        except FieldError:
            continue
        taken.append(field)
    return taken[0] if len(taken) == 1 else None
