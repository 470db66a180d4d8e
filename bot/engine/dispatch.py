"""The turn dispatcher: what one message means in its conversation's state, and its replies.

`decide_turn(engine, channel, user_id, state, text, length) -> Turn` reads only (a progress
reply or the question limit may read the database); `bot.engine.turns.Engine.handle` loads the
state before it and saves the turn after it (`bot.engine.saving`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.checkup.buttons import parse_check_press
from bot.checkup.flow import (
    CHECKUP,
    apply_with_profile,
    handle_checkup,
    show_result_part,
    stale_press,
    start_checkup,
)
from bot.checkup.rules import rules_for
from bot.conversation.commands import (
    DOCUMENT_PREFIX,
    classify_command,
    normalize_text,
    parse_feedback,
    parse_status_ref,
)
from bot.conversation.commands import parse_prefixed as _prefixed
from bot.conversation.form import (
    already_submitted,
    handle_form,
    handle_press,
    need_hints,
    parse_press,
    read_typed,
    repeats_consent,
    resume_message,
    start_form,
)
from bot.conversation.progress import forgets_reference
from bot.conversation.replies import (
    contact_message,
    document_message,
    help_message,
    too_long_in_flow,
    truncated_notice,
)
from bot.conversation.turn import Turn
from bot.engine.asking import answer_question, starts_form
from bot.engine.steps import (
    ACCEPT_OFFER,
    PROGRESS_OPEN,
    REFUSE_OFFER,
    declined,
    no_form,
    progress_reply,
    resume,
)
from bot.handoff.flow import CHANNELS as STAFF_CHANNELS
from bot.messages import MAX_MESSAGE_CHARS
from core import clock

if TYPE_CHECKING:
    from bot.engine.turns import Engine

log = logging.getLogger(__name__)

MAX_INPUT_CHARS = MAX_MESSAGE_CHARS  # longer messages are read up to here; the user is told


def decide_turn(
    engine: Engine, channel: str, user_id: str, state: dict[str, Any], text: str, length: int = 0
) -> Turn:
    """The replies and new state of one message (reads only; `bot.engine.saving` writes);
    `state`: the turn's own copy (changed in place); `length`: the message's before cutting."""
    turn = Turn(state=state, channel=channel)
    offer_open = bool(state.pop("offer_open", False))  # the form was offered last turn
    progress_open = bool(state.pop(PROGRESS_OPEN, False))
    feedback = parse_feedback(text)
    doc_id = _prefixed(text, DOCUMENT_PREFIX)
    command = classify_command(text) if text else "help"
    ref = parse_status_ref(text)
    if ref is not None:
        command = "status"
    elif command is None and forgets_reference(normalize_text(text), after_progress=progress_open):
        command = "forgot_ref"  # "编号忘了" while asking about progress
    form = state.get("form")
    if form:  # typed button text, a field named in the edit menu (form.typed)
        text, command = read_typed(form, text, command)
    ask = limited_ask(engine, channel, user_id)  # questions count against RATE_LIMIT_CHAT
    if feedback is None and engine.handoff.decide(turn, channel, user_id, text, command):
        if length > MAX_INPUT_CHARS:  # staff read what was kept
            turn.say(truncated_notice(length, MAX_INPUT_CHARS), "too_long")
        return turn  # a handoff is open or asked for: staff answer, not the bot
    if length > MAX_INPUT_CHARS and (form or state.get(CHECKUP)):
        turn.intent = "too_long"  # never stored as a step's answer: the step is asked again
        turn.say(too_long_in_flow(length, MAX_INPUT_CHARS), "too_long")
        resume(turn)
        return turn
    if length > MAX_INPUT_CHARS:
        turn.say(truncated_notice(length, MAX_INPUT_CHARS), "too_long")
    if feedback is not None:
        turn.feedback, turn.intent = feedback, "feedback"
        engine.handoff.note_feedback(turn, feedback[1])
    elif engine.subscriptions.handle(turn, channel, user_id, text):  # 订阅 / 退订
        resume(turn)
    elif doc_id:
        turn.intent = "document"
        document = document_of(engine, doc_id)
        today = clock.today(engine.settings)
        turn.say(document_message(document, today, engine.settings), "document")
        resume(turn)
    elif command in ("human", "contact"):  # 人工 where staff cannot reply (cli), 电话多少
        turn.intent = command
        staff = channel in STAFF_CHANNELS
        person = command == "human"
        turn.say(contact_message(engine.settings, staff=staff, person=person), command)
        resume(turn)
    elif command in ("status", "forgot_ref"):
        forgot = command == "forgot_ref"
        progress_reply(engine.db, engine.settings, turn, channel, user_id, forgot=forgot, ref=ref)
    elif form and command == "checkup":  # one flow at a time: the form first
        turn.intent = "checkup"
        lead = "您正在填写融资需求登记，填完或回复“取消”后再做政策体检。我们继续："
        turn.say(resume_message(form, lead), "form")
    elif form:
        handle_form(turn, text, command, ask)
    elif state.get(CHECKUP):
        handle_checkup(turn, text, command, ask, _rules(engine))
    elif command == "checkup":
        start_checkup(turn, _rules(engine), text)
    elif command == "checkup_apply":
        apply_with_profile(turn)
    elif command in ("checkup_detail", "checkup_excluded"):
        show_result_part(turn, command, _rules(engine))
    elif parse_check_press(text) is not None:  # a self-check button after it ended
        stale_press(turn)
    elif (press := parse_press(text)) is not None:  # a form button after the form closed
        handle_press(turn, press, ask)
    elif repeats_consent(state, text):  # 同意 typed again after the form was sent
        already_submitted(turn)
    elif starts_form(command, state, text):  # 申请, or "…要50万 申请": facts kept
        turn.intent = "apply"
        if hints := need_hints(text):  # "我要贷款200万": the amount given is kept
            turn.state["hints"] = hints
        start_form(turn)
    elif command == "help":
        turn.intent = "help"
        turn.say(help_message(), "help")
    elif command in ("cancel", "edit", "resume"):
        no_form(turn, command)
    elif command == "decline":
        declined(turn)
    elif offer_open and ACCEPT_OFFER.match(text.strip()):
        turn.intent = "apply"  # "好的" to "现在开始吗？" starts the form
        start_form(turn)
    elif offer_open and REFUSE_OFFER.match(text.strip()):
        declined(turn)
    else:
        ask(turn, text)
    return turn


def limited_ask(engine: Engine, channel: str, user_id: str) -> Callable[[Turn, str], None]:
    """`answer_question` counted against the question limit (same in every channel)."""

    def ask(turn: Turn, text: str) -> None:
        wait = engine.questions.wait_s(channel, user_id)
        if wait <= 0:
            answer_question(engine.answerer, engine.handoff, turn, text)
            return
        turn.intent = "rate_limited"
        turn.say(engine.questions.refusal(wait), "rate_limited")

    return ask


def _rules(engine: Engine) -> tuple[Any, ...]:
    """The eligibility rules of the loaded answerer (else the packaged ones)."""
    return rules_for(engine.answerer, engine.settings)


def document_of(engine: Engine, doc_id: str) -> Any:
    """The full document for 查看条款原文, or None."""
    try:
        return engine.answerer.document(doc_id)
    except Exception:
        log.exception("document %s failed", doc_id)
        return None
