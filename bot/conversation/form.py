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
from bot.conversation.form_messages import (
    edit_picker_message,
    next_field,
    pick_edit_field,
    prompt_message,
    summary_message,
)
from bot.conversation.replies import help_message
from bot.conversation.turn import Turn
from bot.intake import FieldError, validate_field
from bot.intake.fields import FIELD_BY_NAME, Field
from bot.intake.numbers import half_width
from bot.intake.validation import MAX_AMOUNT_WAN, NO_WORDS
from bot.messages import OutMessage

AskQuestion = Callable[[Turn, str], None]  # answers a policy question inside the turn
_CONSENT_WORDS = frozenset(
    {CONSENT_YES, "同意", "同意授权", "同意并提交", "同意提交", "我同意", "同意授权提交", "agree"}
)
_SUMMARY_WORDS = frozenset({CONSENT_YES, CONSENT_NO, "同意授权", "同意并提交", "确认提交"})
_POLICY_WORDS = re.compile(r"贷款|融资|政策|利率|利息|额度|补贴|续贷")
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿)")
_ORG_SUFFIX = re.compile(r"(公司|厂|店|社|中心|部|行|馆|场|站|所|院|队|坊|园)")


def need_hints(text: str) -> dict[str, float]:
    """Answers suggested by a financing need, e.g. the amount in "想贷款200万周转"."""
    match = _AMOUNT.search(half_width(text))
    if not match:
        return {}
    value = float(match.group(1)) * (10000 if match.group(2) == "亿" else 1)
    return {"amount_wan": value} if 0 < value <= MAX_AMOUNT_WAN else {}


def new_form() -> dict[str, Any]:
    """A fresh form: its own id (the idempotency key of its submission) and no answers."""
    return {"id": uuid.uuid4().hex, "data": {}, "step": "field", "editing": None}


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


def _answer_field(turn: Turn, form: dict[str, Any], text: str, ask: AskQuestion) -> None:
    """Validate the answer to the current field; store it and ask the next, or explain."""
    field = next_field(form)
    if field is None:
        turn.say(summary_message(form), "form")
        return
    if normalize_text(text) in _SUMMARY_WORDS:  # a summary button pressed while editing a field
        turn.say(prompt_message(form, field, "请先回答当前问题："), "form")
        return
    if _is_side_question(field, text):
        ask(turn, text)
        turn.say(resume_message(form, "我们继续填写："), "form")
        return
    try:
        value = validate_field(field.name, text)
    except FieldError as exc:
        turn.intent = "form_invalid"
        turn.say(prompt_message(form, field, f"⚠️ {exc.message}"), "form_invalid")
        return
    form["data"][field.name] = value
    form["editing"] = None
    turn.intent = f"form:{field.name}"
    turn.say(resume_message(form), "form")


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
        form["step"], form["editing"] = "edit", None
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
