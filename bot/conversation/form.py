"""The financing-request form in chat: one field at a time, summary, consent, edit, cancel."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

from bot.conversation.commands import (
    CONSENT_NO,
    CONSENT_YES,
    EDIT_PREFIX,
    looks_like_question,
    normalize_text,
)
from bot.conversation.form_buttons import CONFIRM, EXPIRED, Press, belongs_to, parse_press
from bot.conversation.form_messages import (
    confirm_message,
    edit_picker_message,
    next_field,
    pending_confirmation,
    pick_edit_field,
    prompt_message,
    summary_message,
)
from bot.conversation.replies import APPLY_BUTTON, help_message
from bot.conversation.turn import Turn
from bot.intake import ConfirmationNeeded, FieldError, validate_field
from bot.intake.amounts import read_amount
from bot.intake.choices import NO_WORDS, YES_WORDS
from bot.intake.errors import ReadingError
from bot.intake.fields import FIELD_BY_NAME, FORM_FIELDS, Field, display_value
from bot.intake.numbers import NUMERAL, half_width
from bot.intake.validation import LEGACY_CODE_YES, UNVERIFIED_FLAG
from bot.messages import OutMessage

AskQuestion = Callable[[Turn, str], None]  # answers a policy question inside the turn
_CONSENT_WORDS = frozenset(
    {CONSENT_YES, "同意", "同意授权", "同意并提交", "同意提交", "我同意", "同意授权提交", "agree"}
)
_SUMMARY_WORDS = frozenset({CONSENT_YES, CONSENT_NO, "同意授权", "同意并提交", "确认提交"})
_POLICY_WORDS = re.compile(r"贷款|融资|政策|利率|利息|额度|补贴|续贷")
_AMOUNT = re.compile(rf"[{NUMERAL}]*[万亿][{NUMERAL}]*")
_CONFIRM_YES = YES_WORDS | {"确认", "确认无误", "没错", "正确", "无误", normalize_text(LEGACY_CODE_YES)}
_CONFIRM_NO = (NO_WORDS | {"不对", "错了", "不是的", "重新输入", "重新填写", "重填", "不对,重新填写"}) - {
    "无"
}
_ORG_SUFFIX = re.compile(r"(公司|厂|店|社|中心|部|行|馆|场|站|所|院|队|坊|园)")


def need_hints(text: str) -> dict[str, float]:
    """Answers suggested by a financing need, e.g. the amount in "想贷款200万周转"."""
    match = _AMOUNT.search(half_width(text))
    if not match:
        return {}
    try:
        reading = read_amount(match.group())
    except ReadingError:
        return {}
    return {} if reading.needs_confirmation else {"amount_wan": reading.wan}


def new_form() -> dict[str, Any]:
    """A fresh form: its own id (the idempotency key of its submission) and no answers.

    `pending` holds a reading awaiting the owner's confirmation: field, value, question,
    yes/no labels and flags stored with it.
    """
    return {"id": uuid.uuid4().hex, "data": {}, "step": "field", "editing": None, "pending": None}


def resume_message(form: dict[str, Any], lead: str = "") -> OutMessage:
    """Where the form stands: the next question, the summary or the edit picker."""
    if form["step"] == "edit":
        return edit_picker_message(form)
    field = next_field(form)
    if field is None:
        return summary_message(form, lead)
    return prompt_message(form, field, lead)


def start_form(turn: Turn) -> None:
    """Open a new form and ask its first question."""
    form = new_form()
    form["hints"] = turn.state.pop("hints", None) or {}
    turn.state["form"] = form
    lead = "好的，开始登记融资需求。随时回复“取消”可退出，“修改”可更改已填项。"
    turn.say(resume_message(form, lead), "form")


def _is_side_question(field: Field, text: str) -> bool:
    """A question typed instead of an answer (the optional note takes any text)."""
    if field.kind == "note":
        return False
    if field.kind == "person" or (field.kind == "text" and _ORG_SUFFIX.search(text)):
        return "?" in text or "？" in text  # names may contain question-like characters
    if field.kind == "text" and _POLICY_WORDS.search(text):  # e.g. "想贷款200万周转"
        return True
    return looks_like_question(text)


def _verdict(text: str) -> bool | None:
    """Yes / no typed in reply to a confirmation question (None: something else)."""
    key = normalize_text(text)
    if key in _CONFIRM_YES:
        return True
    if key in _CONFIRM_NO:
        return False
    return None


def _store(turn: Turn, form: dict[str, Any], field: Field, value: Any, flags: dict[str, Any]) -> None:
    """Store an answer (with its flags), then ask the next question or show the summary."""
    form["data"][field.name] = value
    if field.name == "credit_code":
        form["data"].pop(UNVERIFIED_FLAG, None)
    form["data"].update(flags)
    form["editing"], form["pending"] = None, None
    turn.intent = f"form:{field.name}"
    turn.say(resume_message(form), "form")


def _settle(turn: Turn, form: dict[str, Any], field: Field, confirmed: bool) -> None:
    """The owner's yes (store the reading) or no (ask the question again) to a confirmation."""
    pending = form["pending"]
    if confirmed:
        _store(turn, form, field, pending["value"], pending.get("flags") or {})
        return
    form["pending"] = None
    turn.intent = "form_unconfirmed"
    turn.say(prompt_message(form, field, "好的，请重新填写："), "form")


def _answer_field(
    turn: Turn, form: dict[str, Any], text: str, ask: AskQuestion, *, pressed: bool = False
) -> None:
    """Validate the answer to the current field; store it, ask it back, or explain."""
    field = next_field(form)
    if field is None:
        turn.say(summary_message(form), "form")
        return
    if pending_confirmation(form, field) is not None and not pressed:
        verdict = _verdict(text)
        if verdict is not None:
            _settle(turn, form, field, verdict)
            return
    if normalize_text(text) in _SUMMARY_WORDS:  # a summary button pressed while editing a field
        turn.say(prompt_message(form, field, "请先回答当前问题："), "form")
        return
    if not pressed and _is_side_question(field, text):
        ask(turn, text)
        turn.say(resume_message(form, "我们继续填写："), "form")
        return
    form["pending"] = None  # a new answer replaces a reading awaiting confirmation
    try:
        value = validate_field(field.name, text)
    except ConfirmationNeeded as exc:
        form["pending"] = {
            "field": field.name, "value": exc.value, "question": exc.question,
            "yes": exc.yes_label, "no": exc.no_label, "flags": exc.flags,
        }  # fmt: skip
        turn.intent = "form_confirm"
        turn.say(confirm_message(form, form["pending"]), "form_confirm")
        return
    except FieldError as exc:
        turn.intent = "form_invalid"
        turn.say(prompt_message(form, field, f"⚠️ {exc.message}"), "form_invalid")
        return
    _store(turn, form, field, value, {})


def _expired(turn: Turn, form: dict[str, Any] | None) -> None:
    """A stale button: say so, then where things stand."""
    turn.intent = "stale_button"
    if form:
        turn.say(resume_message(form, EXPIRED + "当前的问题是："), "form")
        return
    text = EXPIRED + "当前没有进行中的登记。需要登记融资需求请回复“申请”，查询已提交的登记请回复“进度”。"
    turn.say(OutMessage(text, buttons=[APPLY_BUTTON]), "stale_button")


def handle_press(turn: Turn, press: Press, ask: AskQuestion) -> None:
    """A form button: applied to the field it answers while the form is open, else expired."""
    form = turn.state.get("form")
    if form is None or not belongs_to(press, form):
        _expired(turn, form)
        return
    current = next_field(form) if form["step"] == "field" else None
    if press.kind == CONFIRM:
        if current is None or current.name != press.field or not pending_confirmation(form, current):
            _expired(turn, form)
        else:
            _settle(turn, form, current, press.confirmed)
        return
    if press.field == "consent":
        if form["step"] == "field" and current is None:
            _summary_input(turn, form, press.answer, ask)
        elif current is not None and form.get("editing"):
            turn.say(prompt_message(form, current, "请先回答当前问题："), "form")
        else:
            _expired(turn, form)
        return
    field = FIELD_BY_NAME.get(press.field)
    if field is None or field not in FORM_FIELDS:
        _expired(turn, form)
    elif current is not None and current.name == field.name:
        _answer_field(turn, form, press.answer, ask, pressed=True)
    else:
        _apply_earlier(turn, form, field, press.answer)


def _apply_earlier(turn: Turn, form: dict[str, Any], field: Field, answer: str) -> None:
    """A button of an earlier question of this form: change that field, then carry on."""
    try:
        value = validate_field(field.name, answer)
    except FieldError:  # includes readings that would need confirming: not from our buttons
        _expired(turn, form)
        return
    form["data"][field.name] = value
    turn.intent = f"form:{field.name}"
    shown = display_value(field.name, value) or "（无）"
    turn.say(resume_message(form, f"已将「{field.label}」改为：{shown}。"), "form")


def _summary_input(turn: Turn, form: dict[str, Any], text: str, ask: AskQuestion) -> None:
    """Consent (store), refusal (discard), a question, or a reminder of the choices."""
    key = normalize_text(text)
    if key in _CONSENT_WORDS:  # only an explicit yes counts as consent
        turn.submit = {**form["data"], "consent": True}
        turn.submit_key = form["id"]
        turn.state["form"] = None
        turn.intent = "consent"
        return
    if re.search(r"不.{0,2}同意", key) or key in NO_WORDS:
        turn.state["form"] = None
        turn.intent = "consent_refused"
        turn.say(
            OutMessage("您未同意授权，本次填写的信息没有保存。需要时可回复“申请”重新登记。"),
            "consent_refused",
        )
        return
    if looks_like_question(text):
        ask(turn, text)
        turn.say(summary_message(form, "我们继续："), "form")
        return
    turn.say(summary_message(form, "请确认是否同意授权并提交："), "form")


def _edit_input(turn: Turn, form: dict[str, Any], text: str) -> None:
    """Pick the field to change from the picker."""
    field = pick_edit_field(form, text)
    if field is None:
        turn.say(edit_picker_message(form), "form")
        return
    form["step"], form["editing"] = "field", field.name
    turn.say(resume_message(form), "form")


def handle_form(turn: Turn, text: str, command: str | None, ask: AskQuestion) -> None:
    """One message while the form is open (commands first, then the current step)."""
    form: dict[str, Any] = turn.state["form"]
    for key, default in new_form().items():  # states saved by older versions lack newer keys
        form.setdefault(key, default)
    press = parse_press(text)
    if press is not None:
        handle_press(turn, press, ask)
        return
    if command == "cancel":
        turn.state["form"] = None
        turn.intent = "cancel"
        turn.say(OutMessage("已取消本次登记，填写的信息没有保存。需要时回复“申请”重新开始。"))
        return
    edit_target = text.strip().startswith(EDIT_PREFIX) and FIELD_BY_NAME.get(
        text.strip()[len(EDIT_PREFIX) :]
    )
    if edit_target and edit_target.name in form["data"]:
        _edit_input(turn, form, text)
        return
    if command == "edit":
        turn.intent = "edit"
        if not form["data"]:
            turn.say(resume_message(form, "还没有已填写的项目。"), "form")
            return
        form["step"], form["editing"], form["pending"] = "edit", None, None
        turn.say(edit_picker_message(form), "form")
        return
    if command in ("apply", "resume", "decline"):
        turn.intent = command
        if command == "resume":
            form["editing"] = None
        if form["step"] == "edit":
            form["step"] = "field"
        lead = "您正在填写融资需求登记，我们继续：" if command != "resume" else ""
        turn.say(resume_message(form, lead), "form")
        return
    if command == "help":
        turn.intent = "help"
        turn.say(help_message())
        turn.say(resume_message(form, "您正在填写融资需求登记，我们继续："), "form")
        return
    if form["step"] == "edit":
        _edit_input(turn, form, text)
    elif next_field(form) is None:
        _summary_input(turn, form, text, ask)
    else:
        _answer_field(turn, form, text, ask)
