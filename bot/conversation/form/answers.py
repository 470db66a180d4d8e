"""Answers to the form's questions: validation, readings asked back, stale buttons."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from bot.conversation.commands import CONSENT_NO, CONSENT_YES, normalize_text
from bot.conversation.form.buttons import EXPIRED, answer_button
from bot.conversation.form.detail import keep_detail
from bot.conversation.form.messages import (
    confirm_message,
    next_field,
    pending_confirmation,
    prompt_message,
    resume_message,
    summary_message,
)
from bot.conversation.form.side import (
    SHORT_QUESTION_CHARS,
    drop_refusal,
    field_named,
    in_step_context,
    refused,
)
from bot.conversation.form.told import county_from_name, forget_told
from bot.conversation.replies import APPLY_BUTTON
from bot.conversation.turn import Turn
from bot.intake import ConfirmationNeeded, FieldError, validate_field
from bot.intake.choices import NO_WORDS, YES_WORDS
from bot.intake.errors import SkippedRequired, UnclearChoice
from bot.intake.fields import Field, display_value
from bot.intake.questions import asks_about_field, reads_as_question, reads_as_small_talk
from bot.intake.skips import reads_as_skip
from bot.intake.validation import FREE_TEXT_KINDS
from bot.intake.validators.identity import LEGACY_CODE_YES, UNVERIFIED_FLAG
from bot.messages import OutMessage
from bot.reading.closings import closing

_THANKS = re.compile(r"谢|感谢|辛苦|麻烦")
_LABEL_MARKS = re.compile(r"[\s,，、。.!！?？~～:：;；()（）]")
AskQuestion = Callable[[Turn, str], None]  # answers a policy question inside the turn
SUMMARY_WORDS = frozenset({CONSENT_YES, CONSENT_NO, "同意授权", "同意并提交", "确认提交"})
_CONFIRM_YES = YES_WORDS | {
    "确认",
    "确认无误",
    "没错",
    "正确",
    "无误",
    normalize_text(LEGACY_CODE_YES),
}
NO_OPEN_FORM = "当前没有进行中的登记。需要登记融资需求请回复“申请”，查询已提交的登记请回复“进度”。"
KEPT = "已填写的内容都保留着，准备好后直接回复即可继续。"
_CONFIRM_NO = NO_WORDS - {"无"} | {"不对", "错了", "不是的", "重新输入", "重新填写", "重填"}


def side_question(
    turn: Turn, form: dict[str, Any], field: Field, text: str, ask: AskQuestion
) -> None:
    """A question typed at a step: explain the step or answer it, then ask the step again."""
    turn.intent = "form_question"
    named = field_named(text, field)
    if asks_about_field(text) and (named or field).why:
        about = named or field
        lead = about.why if about is field else f"关于「{about.label}」：{about.why}"
        turn.say(resume_message(form, f"{lead}\n\n我们继续填写："), "form_explain")
        return
    since = len(turn.replies)
    ask(turn, in_step_context(field, text))
    if refused(turn.replies, since) and len(text.strip()) <= SHORT_QUESTION_CHARS:
        drop_refusal(turn.replies, since)  # a short question at a step is about the step
        turn.intent, turn.in_scope = "form_question", None
        turn.say(resume_message(form, f"{field.why}\n\n我们继续填写："), "form_explain")
        return
    turn.say(resume_message(form, "我们继续填写："), "form")


def _small_talk(field: Field, text: str) -> bool:
    """Thanks, greetings and acknowledgements at a step: never the answer. At a choice step
    a word the step itself reads as an option ("好" for yes) stays the answer."""
    if not reads_as_small_talk(field, text):
        return False
    try:
        validate_field(field.name, text)
    except FieldError:  # includes ConfirmationNeeded and NotAnAnswer
        return True
    return field.kind in FREE_TEXT_KINDS


def _verdict(text: str, pending: dict[str, Any]) -> bool | None:
    """Yes / no typed in reply to a confirmation question, its buttons' own labels included
    ("不对，重新填"); None: something else."""
    key = normalize_text(text)
    typed = _label(key)
    if key in _CONFIRM_YES or (typed and typed == _label(pending.get("yes"))):
        return True
    if key in _CONFIRM_NO or (typed and typed == _label(pending.get("no"))):
        return False
    return None


def _label(label: Any) -> str:
    """A button label as typed text compares with it (spaces and punctuation aside)."""
    return _LABEL_MARKS.sub("", normalize_text(str(label or "")))


def _typed_other(text: str, pending: dict[str, Any]) -> str:
    """The answer of the other reading's button when its label is typed ("是 2 万元")."""
    other = pending.get("other_label")
    if other and pending.get("other_answer") and _label(text) and _label(text) == _label(other):
        return str(pending["other_answer"])
    return text


def _store(
    turn: Turn, form: dict[str, Any], field: Field, value: Any, flags: dict[str, Any]
) -> None:
    """Store an answer (with its flags), then ask the next question or show the summary."""
    form["data"][field.name] = value
    forget_told(form, field.name)
    if field.name == "company_name":  # 尤溪县…有限公司: its county offered at that step
        county_from_name(form, value)
    if field.name == "credit_code":
        form["data"].pop(UNVERIFIED_FLAG, None)
    form["data"].update(flags)
    form["editing"], form["pending"] = None, None
    turn.intent = f"form:{field.name}"
    turn.say(resume_message(form), "form")


def settle(turn: Turn, form: dict[str, Any], field: Field, confirmed: bool) -> None:
    """The owner's yes (store the reading) or no (ask the question again) to a confirmation."""
    pending = form["pending"]
    if confirmed:
        keep_detail(
            form, field.name, pending["value"], (form.get("told_words") or {}).get(field.name)
        )
        _store(turn, form, field, pending["value"], pending.get("flags") or {})
        return
    form["pending"] = None
    forget_told(form, field.name)  # "不对": the step is asked afresh
    turn.intent = "form_unconfirmed"
    turn.say(prompt_message(form, field, "好的，请重新填写："), "form")


def answer_field(
    turn: Turn, form: dict[str, Any], text: str, ask: AskQuestion, *, pressed: bool = False
) -> None:
    """Validate the answer to the current field; store it, ask it back, or explain."""
    field = next_field(form)
    if field is None:
        turn.say(summary_message(form), "form")
        return
    pending = pending_confirmation(form, field)
    if pending is not None and not pressed:
        verdict = _verdict(text, pending)
        if verdict is not None:
            settle(turn, form, field, verdict)
            return
        text = _typed_other(text, pending)
    if normalize_text(text) in SUMMARY_WORDS:  # a summary button pressed while editing a field
        turn.say(prompt_message(form, field, "请先回答当前问题："), "form")
        return
    skipping = not pressed and reads_as_skip(normalize_text(text))  # never a question
    if not pressed and not skipping and reads_as_question(field, text):
        side_question(turn, form, field, text, ask)
        return
    if not pressed and not skipping and _small_talk(field, text):
        turn.intent = "form_small_talk"
        lead = "不客气。" if closing(text) == "thanks" and _THANKS.search(text) else "好的。"
        turn.say(prompt_message(form, field, f"{lead}我们继续填写，当前的问题是："), "form")
        return
    form["pending"] = None  # a new answer replaces a reading awaiting confirmation
    forget_told(form, field.name)
    try:
        value = validate_field(field.name, text)
    except ConfirmationNeeded as exc:
        form["pending"] = {
            "field": field.name,
            "value": exc.value,
            "question": exc.question,
            "yes": exc.yes_label,
            "no": exc.no_label,
            "flags": exc.flags,
            "other_label": exc.other_label,
            "other_answer": exc.other_answer,
        }
        turn.intent = "form_confirm"
        turn.say(confirm_message(form, form["pending"]), "form_confirm")
        return
    except UnclearChoice as exc:  # "做茶叶的": only the options it may mean are offered
        turn.intent = "form_unclear"
        buttons = [answer_button(form, field.name, choice) for choice in exc.candidates]
        turn.say(OutMessage(exc.message, buttons=buttons), "form_invalid")
        return
    except FieldError as exc:
        turn.intent = "form_invalid"
        kept = ""
        if isinstance(exc, SkippedRequired):  # "没有 跳过" at a required step
            kept = f"。{KEPT}" if form["data"] else "。"
        turn.say(prompt_message(form, field, f"⚠️ {exc.message}{kept}"), "form_invalid")
        return
    keep_detail(form, field.name, value, text)
    _store(turn, form, field, value, {})


def expired(turn: Turn, form: dict[str, Any] | None) -> None:
    """A stale button: say so, then where things stand."""
    turn.intent = "stale_button"
    if form:
        turn.say(resume_message(form, EXPIRED + "当前的问题是："), "form")
        return
    turn.say(OutMessage(EXPIRED + NO_OPEN_FORM, buttons=[APPLY_BUTTON]), "stale_button")


def apply_earlier(turn: Turn, form: dict[str, Any], field: Field, answer: str) -> None:
    """A button of an earlier question of this form: change that field, then carry on."""
    try:
        value = validate_field(field.name, answer)
    except FieldError:  # includes readings that would need confirming: not from our buttons
        expired(turn, form)
        return
    form["data"][field.name] = value
    keep_detail(form, field.name, value, answer)
    turn.intent = f"form:{field.name}"
    shown = display_value(field.name, value) or "（无）"
    turn.say(resume_message(form, f"已将「{field.label}」改为：{shown}。"), "form")
