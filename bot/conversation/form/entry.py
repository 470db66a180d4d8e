"""Ways into and out of the chat form: starting it (or the client's own form), a repeated 同意.

One entry point whatever words are used: every request to apply reaches `start_form`. A client
that shows the financing form itself (the web widget, through `form_in_client`) is told to open
it (`OutMessage.action == OPEN_FORM`) and no chat form starts, so an owner meets one form there.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from bot.conversation.commands import APPLY, CONSENT_YES, looks_like_question, normalize_text
from bot.conversation.form.messages import TOTAL, resume_message
from bot.conversation.form.told import told_answers
from bot.conversation.turn import Turn
from bot.intake.amounts import read_amount
from bot.intake.choices import read_choice
from bot.intake.errors import ReadingError
from bot.intake.fields import PURPOSES
from bot.intake.numbers import NUMERAL, half_width
from bot.messages import Button, OutMessage
from core import clock

OPEN_FORM = "open_form"
OPEN_FORM_TEXT = f"好的，请在登记表中填写融资需求（共{TOTAL}项，约3分钟），提交后会给您受理编号。"
SUBMITTED = "submitted_form"  # state: tag of the last form sent (a repeated 同意 is idempotent)
ALREADY_SUBMITTED = "您的融资需求登记已经提交，无需重复操作。回复“进度”可随时查询办理状态。"
CONSENT_WORDS = frozenset(
    {CONSENT_YES, "同意", "同意授权", "同意并提交", "同意提交", "我同意", "同意授权提交", "agree"}
)
_FORM_IN_CLIENT: ContextVar[bool] = ContextVar("form_in_client", default=False)
_AMOUNT = re.compile(rf"[{NUMERAL}]*[万亿][{NUMERAL}]*")
_NEED = re.compile(r"贷|借|融资|资金|周转|缺钱")


def need_hints(text: str) -> dict[str, Any]:
    """Answers suggested by a financing need: the amount and the purpose of "想贷款200万周转"."""
    hints: dict[str, Any] = {}
    purpose = _purpose(text)
    if purpose:
        hints["purpose"] = purpose
    match = _AMOUNT.search(half_width(text))
    if not match:
        return hints
    try:
        reading = read_amount(match.group())
    except ReadingError:
        return hints
    return hints if reading.needs_confirmation else {"amount_wan": reading.wan, **hints}


def _purpose(text: str) -> str | None:
    """The purpose a need states ("想贷100万周转" -> 流动资金周转), never read from a question."""
    if not _NEED.search(text) or looks_like_question(text):
        return None
    return read_choice(text, PURPOSES[:-1]).choice  # not 其他: only an option named


def new_form() -> dict[str, Any]:
    """A fresh form: its own id (the idempotency key of its submission) and no answers.

    `pending` holds a reading awaiting the owner's confirmation: field, value, question,
    yes/no labels and flags stored with it.
    """
    return {"id": uuid.uuid4().hex, "data": {}, "step": "field", "editing": None, "pending": None}


@contextmanager
def form_in_client() -> Iterator[None]:
    """Within: the client shows the financing form itself (the web widget), so a request to
    apply is answered with the action OPEN_FORM instead of starting the form in the chat."""
    token = _FORM_IN_CLIENT.set(True)
    try:
        yield
    finally:
        _FORM_IN_CLIENT.reset(token)


def start_form(turn: Turn) -> None:
    """Open a new form and ask its first question (or have the client open its own form)."""
    told, words = told_answers(turn.state)  # facts given earlier in the conversation
    hints = turn.state.pop("hints", None) or {}  # e.g. the amount of "我要贷款200万": newer
    told.update(hints)
    if _FORM_IN_CLIENT.get():
        button = Button("填写融资需求登记表", APPLY)
        message = OutMessage(
            OPEN_FORM_TEXT, buttons=[button], action=OPEN_FORM, prefill=told or None
        )
        turn.say(message, "form_open")
        return
    form = new_form()
    form["hints"] = hints
    form["told"], form["told_words"] = told, words
    form["started_at"] = clock.now().isoformat()  # a refusal redacts the transcript since
    turn.state["form"] = form
    lead = "好的，开始登记融资需求。随时回复“取消”可退出，“修改”可更改已填项。"
    turn.say(resume_message(form, lead), "form")


def is_consent(text: str) -> bool:
    """True for an explicit yes to the consent statement (同意, 同意授权并提交 …)."""
    return normalize_text(text) in CONSENT_WORDS


def repeats_consent(state: dict[str, Any], text: str) -> bool:
    """True for a consent typed again (no form open) after a form of this conversation was sent."""
    return not state.get("form") and bool(state.get(SUBMITTED)) and is_consent(text)


def already_submitted(turn: Turn) -> None:
    """The form was sent already: say so (idempotent), never a refusal or an error."""
    turn.intent = "already_submitted"
    turn.say(OutMessage(ALREADY_SUBMITTED, buttons=[Button("查询进度", "进度")]), "form")
