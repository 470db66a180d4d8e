"""The financing-request form in chat: one field at a time, summary, consent, edit, cancel."""

from __future__ import annotations

import re
from typing import Any

from bot.conversation.commands import (
    COMMANDS,
    EDIT_PREFIX,
    looks_like_question,
    normalize_text,
)
from bot.conversation.form.answers import (
    AskQuestion,
    answer_field,
    apply_earlier,
    expired,
    settle,
)
from bot.conversation.form.buttons import CONFIRM, Press, belongs_to, form_tag, parse_press
from bot.conversation.form.detail import submitted
from bot.conversation.form.entry import (
    SUBMITTED,
    already_submitted,
    form_in_client,
    is_consent,
    need_hints,
    new_form,
    repeats_consent,
    start_form,
)
from bot.conversation.form.messages import (
    edit_picker_message,
    next_field,
    pending_confirmation,
    prompt_message,
    resume_message,
    summary_message,
)
from bot.conversation.form.side import field_named
from bot.conversation.form.typed import (
    at_summary,
    edit_choice,
    named_field,
    read_typed,
    unread_edit_message,
    value_field,
)
from bot.conversation.replies import help_message
from bot.conversation.turn import Turn
from bot.intake.choices import NO_WORDS
from bot.intake.fields import CONSENT_TEXT, FIELD_BY_NAME, FORM_FIELDS
from bot.intake.questions import asks_about_field
from bot.intake.skips import reads_as_skip
from bot.messages import OutMessage

__all__ = [
    "already_submitted",
    "read_typed",
    "form_in_client",
    "handle_form",
    "handle_press",
    "need_hints",
    "parse_press",
    "repeats_consent",
    "resume_message",
    "start_form",
]


def handle_press(turn: Turn, press: Press, ask: AskQuestion) -> None:
    """A form button: applied to the field it answers while the form is open, else expired."""
    form = turn.state.get("form")
    if form is None and press.field == "consent" and press.tag == turn.state.get(SUBMITTED):
        already_submitted(turn)  # a second tap on 同意 of the form just sent
        return
    if form is None or not belongs_to(press, form):
        expired(turn, form)
        return
    current = next_field(form) if form["step"] == "field" else None
    if press.kind == CONFIRM:
        if (
            current is None
            or current.name != press.field
            or not pending_confirmation(form, current)
        ):
            expired(turn, form)
        else:
            settle(turn, form, current, press.confirmed)
        return
    if press.field == "consent":
        if form["step"] == "field" and current is None:
            _summary_input(turn, form, press.answer, ask)
        elif current is not None and form.get("editing"):
            turn.say(prompt_message(form, current, "请先回答当前问题："), "form")
        else:
            expired(turn, form)
        return
    field = FIELD_BY_NAME.get(press.field)
    if field is None or field not in FORM_FIELDS:
        expired(turn, form)
    elif current is not None and current.name == field.name:
        answer_field(turn, form, press.answer, ask, pressed=True)
    else:
        apply_earlier(turn, form, field, press.answer)


def _summary_input(turn: Turn, form: dict[str, Any], text: str, ask: AskQuestion) -> None:
    """Consent (store), refusal (discard), a question, or a reminder of the choices."""
    key = normalize_text(text)
    if is_consent(text):  # only an explicit yes counts as consent
        turn.submit = {**submitted(form["data"]), "consent": True}
        turn.submit_key = form["id"]
        turn.state["form"] = None
        turn.state[SUBMITTED] = form_tag(form)
        turn.intent = "consent"
        return
    if re.search(r"不.{0,2}同意", key) or key in NO_WORDS:
        turn.state["form"] = None
        turn.intent = "consent_refused"
        turn.discard_since = form.get("started_at")
        turn.say(
            OutMessage("您未同意授权，本次填写的信息没有保存。需要时可回复“申请”重新登记。"),
            "consent_refused",
        )
        return
    if looks_like_question(text) or asks_about_field(text):
        turn.intent = "form_question"
        named = field_named(text, FIELD_BY_NAME["consent"])
        if asks_about_field(text):  # "为什么要授权": the consent statement explains it
            why = CONSENT_TEXT if named is None or named.name == "consent" else named.why
            turn.say(summary_message(form, f"{why}\n\n我们继续："), "form_explain")
            return
        ask(turn, text)
        turn.say(summary_message(form, "我们继续："), "form")
        return
    turn.say(summary_message(form, "请确认是否同意授权并提交："), "form")


def _edit_input(turn: Turn, form: dict[str, Any], text: str, ask: AskQuestion) -> None:
    """Pick the field to change from the picker (a question is answered, a value only one
    field takes goes to that field, anything else is told what to type: never silence)."""
    field = edit_choice(form, text)
    if field is None and looks_like_question(text):
        turn.intent = "form_question"
        ask(turn, text)
        turn.say(edit_picker_message(form, "我们继续："), "form")
        return
    value_of = field is None and value_field(form, text)
    if value_of:  # "13900000000" typed in the menu: the phone is changed to it
        form["step"], form["editing"], form["pending"] = "field", value_of.name, None
        answer_field(turn, form, text, ask)
        return
    if field is None:
        turn.intent = "form_edit_unread"
        turn.say(unread_edit_message(form), "form_invalid")
        return
    turn.intent = "edit"
    form["step"], form["editing"], form["pending"] = "field", field.name, None
    turn.say(resume_message(form), "form")


def _skips_step(form: dict[str, Any], text: str) -> bool:
    """ "先不填", "这个不想填" at a step skip that step, never quit the form (all would be
    lost); "不填了", "算了 不填了" still quit."""
    key = normalize_text(text)
    if form["step"] != "field" or next_field(form) is None or key in COMMANDS["cancel"]:
        return False
    return reads_as_skip(key) and not key.rstrip("吧啊呀").endswith(("了", "啦"))


def handle_form(turn: Turn, text: str, command: str | None, ask: AskQuestion) -> None:
    """One message while the form is open (commands first, then the current step)."""
    form: dict[str, Any] = turn.state["form"]
    for key, default in new_form().items():  # states saved by older versions lack newer keys
        form.setdefault(key, default)
    press = parse_press(text)
    if press is not None:
        handle_press(turn, press, ask)
        return
    if command == "cancel" and not _skips_step(form, text):
        turn.state["form"] = None
        turn.intent = "cancel"
        turn.discard_since = form.get("started_at")
        turn.say(OutMessage("已取消本次登记，填写的信息没有保存。需要时回复“申请”重新开始。"))
        return
    edit_target = text.strip().startswith(EDIT_PREFIX) and FIELD_BY_NAME.get(
        text.strip()[len(EDIT_PREFIX) :]
    )
    named, change = named_field(form, text) if at_summary(form) else (None, False)
    if (edit_target and edit_target.name in form["data"]) or (named and change):
        _edit_input(turn, form, text, ask)  # "改电话" at the summary: straight to the phone
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
        if command == "resume" and form["editing"]:  # 不修改: keep the value, drop any reading
            form["editing"], form["pending"] = None, None
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
        _edit_input(turn, form, text, ask)
    elif next_field(form) is None:
        _summary_input(turn, form, text, ask)
    else:
        answer_field(turn, form, text, ask)
