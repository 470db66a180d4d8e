"""The turn dispatcher: one message in, its replies decided, then saved (bot.engine.saving).

`Engine.handle(channel, user_id, text) -> list[OutMessage]` never raises: a failure is
logged and answered with the error reply.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from typing import Any

from bot.answer_source import AnswerSource
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
from bot.conversation.limits import QuestionLimit
from bot.conversation.progress import forgets_reference
from bot.conversation.replies import (
    ERROR_TEXT,
    contact_message,
    document_message,
    help_message,
    too_long_in_flow,
    truncated_notice,
)
from bot.conversation.turn import Turn
from bot.engine.asking import answer_question, starts_form
from bot.engine.saving import save_turn
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
from bot.handoff.flow import HandoffClosed, HandoffHook
from bot.llm.context import conversation_scope
from bot.messages import MAX_MESSAGE_CHARS, Button, OutMessage
from bot.subscriptions.flow import SubscriptionFlow
from core import clock
from core.masking import mask_text
from core.settings import Settings
from storage.db import Database
from storage.turn_start import TurnStart, read_turn_start

log = logging.getLogger(__name__)

MAX_INPUT_CHARS = MAX_MESSAGE_CHARS  # longer messages are read up to here; the user is told
MAX_ATTEMPTS = 12  # optimistic-concurrency retries when the same user writes twice at once


class Engine:
    """Channel-agnostic engine; all state lives in the database, so any worker may serve a turn."""

    def __init__(self, db: Database, answerer: AnswerSource, settings: Settings) -> None:
        self.db = db
        self.answerer = answerer
        self.settings = settings
        self.handoff = HandoffHook(db, settings)
        self.questions = QuestionLimit(settings)
        self.subscriptions = SubscriptionFlow(db, lambda: self.answerer)

    def handle(
        self, channel: str, user_id: str, text: str, *, start: TurnStart | None = None
    ) -> list[OutMessage]:
        """Handle one message (or button value) from a channel user; returns the replies.
        `start`: the conversation as the caller just read it (`storage.turn_start`), used for
        the first attempt instead of reading it again."""
        with conversation_scope(self.db, channel, user_id):  # LLM mode reads the last turns
            return self._handle(channel, user_id, text, start)

    def _handle(
        self, channel: str, user_id: str, text: str, start: TurnStart | None = None
    ) -> list[OutMessage]:
        """One message inside its conversation scope (see `handle`)."""
        full = (text or "").strip()
        text = full[:MAX_INPUT_CHARS]
        try:
            for attempt in range(MAX_ATTEMPTS):
                if attempt:  # jittered backoff so colliding writers stop colliding
                    time.sleep(random.uniform(0.005, 0.02) * attempt)
                if attempt or start is None:
                    start = self._load(channel, user_id)
                turn = self._decide(channel, user_id, start.state, text, len(full))
                try:
                    sent = save_turn(self.db, self.handoff, channel, user_id, start, text, turn)
                except HandoffClosed:  # staff closed it meanwhile: the bot answers this one
                    sent = None
                if sent is not None:
                    return sent
                log.info("conversation %s changed concurrently; retrying", start.conversation_id)
        except Exception:
            log.exception("engine failed on %s message %r", channel, mask_text(text[:80]))
        return [OutMessage(ERROR_TEXT, buttons=[Button("联系人工", "联系人工")])]

    def _load(self, channel: str, user_id: str) -> TurnStart:
        """The conversation's id (None before its first turn), a private copy of its state,
        and its version: one SELECT, nothing written."""
        with self.db.session() as session:
            return read_turn_start(session, channel=channel, user_id=user_id)

    def _decide(
        self, channel: str, user_id: str, state: dict[str, Any], text: str, length: int = 0
    ) -> Turn:
        """The replies and new state (reads only; save_turn writes); `length`: before cutting."""
        turn = Turn(state=state, channel=channel)
        offer_open = bool(state.pop("offer_open", False))  # the form was offered last turn
        progress_open = bool(state.pop(PROGRESS_OPEN, False))
        feedback = parse_feedback(text)
        doc_id = _prefixed(text, DOCUMENT_PREFIX)
        command = classify_command(text) if text else "help"
        ref = parse_status_ref(text)
        if ref is not None:
            command = "status"
        elif command is None and forgets_reference(
            normalize_text(text), after_progress=progress_open
        ):
            command = "forgot_ref"  # "编号忘了" while asking about progress
        form = state.get("form")
        if form:  # typed button text, a field named in the edit menu (form.typed)
            text, command = read_typed(form, text, command)
        ask = self._limited(channel, user_id)  # questions count against RATE_LIMIT_CHAT
        if feedback is None and self.handoff.decide(turn, channel, user_id, text, command):
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
            self.handoff.note_feedback(turn, feedback[1])
        elif self.subscriptions.handle(turn, channel, user_id, text):  # 订阅 / 退订
            resume(turn)
        elif doc_id:
            turn.intent = "document"
            document = self._document(doc_id)
            today = clock.today(self.settings)
            turn.say(document_message(document, today, self.settings), "document")
            resume(turn)
        elif command in ("human", "contact"):  # 人工 where staff cannot reply (cli), 电话多少
            turn.intent = command
            staff = channel in STAFF_CHANNELS
            person = command == "human"
            turn.say(contact_message(self.settings, staff=staff, person=person), command)
            resume(turn)
        elif command in ("status", "forgot_ref"):
            forgot = command == "forgot_ref"
            progress_reply(self.db, self.settings, turn, channel, user_id, forgot=forgot, ref=ref)
        elif form and command == "checkup":  # one flow at a time: the form first
            turn.intent = "checkup"
            lead = "您正在填写融资需求登记，填完或回复“取消”后再做政策体检。我们继续："
            turn.say(resume_message(form, lead), "form")
        elif form:
            handle_form(turn, text, command, ask)
        elif state.get(CHECKUP):
            handle_checkup(turn, text, command, ask, self._rules())
        elif command == "checkup":
            start_checkup(turn, self._rules(), text)
        elif command == "checkup_apply":
            apply_with_profile(turn)
        elif command in ("checkup_detail", "checkup_excluded"):
            show_result_part(turn, command, self._rules())
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

    def _limited(self, channel: str, user_id: str) -> Callable[[Turn, str], None]:
        """`answer_question` counted against the question limit (same in every channel)."""

        def ask(turn: Turn, text: str) -> None:
            wait = self.questions.wait_s(channel, user_id)
            if wait <= 0:
                answer_question(self.answerer, self.handoff, turn, text)
                return
            turn.intent = "rate_limited"
            turn.say(self.questions.refusal(wait), "rate_limited")

        return ask

    def _rules(self) -> tuple[Any, ...]:
        """The eligibility rules of the loaded answerer (else the packaged ones)."""
        return rules_for(self.answerer, self.settings)

    def _document(self, doc_id: str) -> Any:
        """The full document for 查看条款原文, or None."""
        try:
            return self.answerer.document(doc_id)
        except Exception:
            log.exception("document %s failed", doc_id)
            return None
