"""The conversation engine shared by every channel: text or button value in, messages out."""

from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.answer_source import AnswerSource
from bot.checkup.buttons import parse_check_press
from bot.checkup.flow import (
    CHECKUP,
    apply_with_profile,
    handle_checkup,
    resume_checkup,
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
    repeats_consent,
    resume_message,
    start_form,
)
from bot.conversation.form_messages import receipt_messages
from bot.conversation.limits import QuestionLimit
from bot.conversation.progress import forgets_reference
from bot.conversation.replies import (
    ERROR_TEXT,
    answer_message,
    contact_message,
    document_message,
    forgotten_ref_message,
    help_message,
    intake_offer_message,
    people_route,
    status_message,
    too_long_in_flow,
    truncated_notice,
)
from bot.conversation.side_answers import refused_request, without_form_nudge
from bot.conversation.turn import Reply, Turn
from bot.dialogue import answer_in_context
from bot.handoff.flow import CHANNELS as STAFF_CHANNELS
from bot.handoff.flow import HandoffClosed, HandoffHook
from bot.llm.context import conversation_scope
from bot.messages import ANSWER_INTENTS, Button, OutMessage
from bot.reading import ConversationContext
from bot.recommend import recommend
from bot.subscriptions.flow import SubscriptionFlow
from core import clock
from core.masking import mask_text
from core.settings import Settings
from storage.conversations import (
    add_messages,
    insert_conversation,
    redact_messages_since,
    save_state,
    set_feedback,
)
from storage.db import Database
from storage.requests import create_request, list_requests_for_user
from storage.turn_start import TurnStart, read_turn_start

log = logging.getLogger(__name__)
# Short replies to the form offer ("现在开始吗？") typed instead of pressing a button.
ACCEPT_OFFER = re.compile(
    r"^(好|好的|好啊|好吧|可以|行|行吧|开始|开始吧|嗯|嗯嗯|是|是的|要|需要|登记|来吧|ok|OK|没问题)"
    r"[!！。.~～啊呀吧]*$"
)
REFUSE_OFFER = re.compile(
    r"^(不用|不用了|不需要|算了|暂不|暂时不用|先不|以后再说|不了)[!！。.~～啊呀吧]*$"
)

MAX_INPUT_CHARS = 2000  # longer messages are read up to here, and the user is told so
PROGRESS_OPEN = "progress_open"  # the last turn answered a progress question (进度)
MAX_ATTEMPTS = 12  # optimistic-concurrency retries when the same user writes twice at once
NO_FORM = "当前没有进行中的登记。需要登记融资需求请回复“申请”。"


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
                    sent = self._apply(channel, user_id, start, text, turn)
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
        """Work out the replies and the new state (reads only; writes happen in _apply);
        `length`: the message's length before it was cut to MAX_INPUT_CHARS."""
        turn = Turn(state=state)
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
        ask = self._limited(channel, user_id)  # questions count against RATE_LIMIT_CHAT
        if feedback is None and self.handoff.decide(turn, channel, user_id, text, command):
            if length > MAX_INPUT_CHARS:  # staff read what was kept
                turn.say(truncated_notice(length, MAX_INPUT_CHARS), "too_long")
            return turn  # a handoff is open or asked for: staff answer, not the bot
        if length > MAX_INPUT_CHARS and (form or state.get(CHECKUP)):
            turn.intent = "too_long"  # never stored as a step's answer: the step is asked again
            turn.say(too_long_in_flow(length, MAX_INPUT_CHARS), "too_long")
            self._resume(turn)
            return turn
        if length > MAX_INPUT_CHARS:
            turn.say(truncated_notice(length, MAX_INPUT_CHARS), "too_long")
        if feedback is not None:
            turn.feedback, turn.intent = feedback, "feedback"
            self.handoff.note_feedback(turn, feedback[1])
        elif self.subscriptions.handle(turn, channel, user_id, text):  # 订阅 / 退订
            self._resume(turn)
        elif doc_id:
            turn.intent = "document"
            document = self._document(doc_id)
            today = clock.today(self.settings)
            turn.say(document_message(document, today, self.settings), "document")
            self._resume(turn)
        elif command == "human":  # channels staff replies cannot reach (cli): the contact
            turn.intent = "human"
            turn.say(contact_message(self.settings), "human")
            self._resume(turn)
        elif command in ("status", "forgot_ref"):
            turn.intent = "status"
            with self.db.session() as session:
                own = list_requests_for_user(session, channel=channel, user_id=user_id)
                staff = channel in STAFF_CHANNELS  # 人工 reaches staff here
                if command == "status":
                    people = people_route(self.settings, staff=staff)
                    turn.say(status_message(own, ref=ref, people=people), "status")
                else:
                    turn.say(forgotten_ref_message(own, self.settings, staff=staff), "status")
            turn.state[PROGRESS_OPEN] = True
            self._resume(turn)
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
        elif command == "apply":
            turn.intent = "apply"
            if hints := need_hints(text):  # "我要贷款200万": the amount given is kept
                turn.state["hints"] = hints
            start_form(turn)
        elif command == "help":
            turn.intent = "help"
            turn.say(help_message(), "help")
        elif command in ("cancel", "edit", "resume"):
            turn.intent = command
            turn.say(OutMessage(NO_FORM, buttons=[Button("申请融资对接", "申请融资对接")]))
        elif command == "decline":
            turn.intent = "decline"
            turn.say(OutMessage("好的。还有其他问题可以直接问我，需要登记时回复“申请”。"))
        elif offer_open and ACCEPT_OFFER.match(text.strip()):
            turn.intent = "apply"  # "好的" to "现在开始吗？" starts the form
            start_form(turn)
        elif offer_open and REFUSE_OFFER.match(text.strip()):
            turn.intent = "decline"
            turn.say(OutMessage("好的。还有其他问题可以直接问我，需要登记时回复“申请”。"))
        else:
            ask(turn, text)
        return turn

    def _limited(self, channel: str, user_id: str) -> Callable[[Turn, str], None]:
        """`_ask` counted against the conversation's question limit (same in every channel)."""

        def ask(turn: Turn, text: str) -> None:
            wait = self.questions.wait_s(channel, user_id)
            if wait <= 0:
                self._ask(turn, text)
                return
            turn.intent = "rate_limited"
            turn.say(self.questions.refusal(wait), "rate_limited")

        return ask

    def _resume(self, turn: Turn) -> None:
        """After a side question inside the form or the self-check, ask where it stands."""
        form = turn.state.get("form")
        if form:
            turn.say(resume_message(form, "我们继续填写融资需求登记："), "form")
        elif turn.state.get(CHECKUP):
            resume_checkup(turn)

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

    def _ask(self, turn: Turn, text: str) -> None:
        """Answer a policy question read in the conversation's context (bot.dialogue), keep
        the new context in the state, and add the follow-ups."""
        in_form = bool(turn.state.get("form"))
        context = ConversationContext.from_state(turn.state)
        try:
            exchange = answer_in_context(self.answerer, context, text)
        except Exception:
            log.exception("answerer failed on %r", mask_text(text[:80]))
            turn.intent = "error"
            turn.say(OutMessage(ERROR_TEXT, buttons=[Button("联系人工", "联系人工")]), "error")
            return
        answer = exchange.answer
        exchange.context.store(turn.state)
        turn.note_answer(answer)
        if answer.intent == "greeting" and not in_form:
            if exchange.reading.small_talk in ("thanks", "goodbye"):
                turn.say(OutMessage(answer.answer), "greeting")
            else:
                turn.say(help_message(), "greeting")
            return
        offer = not in_form and (answer.suggest_intake or answer.intent == "financing_need")
        if in_form:  # the owner is filling the form: no nudge to start it
            answer = replace(answer, answer=without_form_nudge(answer.answer))
        message = answer_message(answer, in_form=in_form, offer_follows=offer)
        turn.replies.append(Reply.from_answer(message, answer, move=exchange.reading.move))
        if offer:
            turn.state["hints"] = need_hints(text)
            turn.state["offer_open"] = True
            turn.say(intake_offer_message(), "intake_offer")
        if answer.in_scope or not refused_request(text):  # no handoff offer after a forgery
            self.handoff.note_answer(turn, answer)

    def _apply(
        self,
        channel: str,
        user_id: str,
        start: TurnStart,
        text: str,
        turn: Turn,
    ) -> list[OutMessage] | None:
        """Save state, transcript and side effects in one transaction (the conversation created
        by its first turn); None on a stale version or a conversation created meanwhile."""
        with self.db.session() as session:
            conversation_id = start.conversation_id
            if conversation_id is None:
                conversation_id = insert_conversation(
                    session, channel=channel, user_id=user_id, state=turn.state
                )
                if conversation_id is None:
                    return None
            elif not save_state(
                session,
                conversation_id=conversation_id,
                state=turn.state,
                expected_version=start.version,
            ):
                return None
            incoming = {
                "direction": "in",
                "text": text,
                "intent": turn.intent,
                "in_scope": turn.in_scope,
                "top_score": turn.top_score,
            }
            if turn.discard_since:  # refused or cancelled form: keep nothing it collected
                # (this message included: it is written first, then redacted with the rest)
                add_messages(session, conversation_id=conversation_id, rows=[incoming])
                incoming = {}
                redact_messages_since(
                    session,
                    conversation_id=conversation_id,
                    since=datetime.fromisoformat(turn.discard_since),
                )
            replies = list(turn.replies)
            if turn.feedback is not None:
                message_id, value = turn.feedback
                ok = set_feedback(
                    session,
                    conversation_id=conversation_id,
                    message_id=message_id,
                    value=value,
                    intents=ANSWER_INTENTS,
                )
                thanks = "感谢您的反馈！" if ok else "没有找到要评价的回答。"
                replies.insert(0, Reply(OutMessage(thanks), "feedback"))
            if turn.submit is not None:
                request = create_request(
                    session,
                    data=turn.submit,
                    channel=channel,
                    channel_user_id=user_id,
                    conversation_id=conversation_id,
                    idempotency_key=f"conv-{conversation_id}-{turn.submit_key}",
                    recommendations=recommend(turn.submit),
                )
                duplicate = request.duplicate_of.ref if request.duplicate_of is not None else None
                receipt = [
                    Reply(message, intent)
                    for message, intent in receipt_messages(request, duplicate)
                ]
                replies = receipt + replies
            replies = self.handoff.apply(session, conversation_id, channel, user_id, turn) + replies
            # The owner's message and the replies: one INSERT … RETURNING for the whole turn.
            rows = ([incoming] if incoming else []) + [self._record(r) for r in replies]
            ids = add_messages(session, conversation_id=conversation_id, rows=rows)
            ids = ids[1:] if incoming else ids
            return [self._numbered(r, i) for r, i in zip(replies, ids, strict=True)]

    def _record(self, reply: Reply) -> dict[str, Any]:
        """The transcript row of one reply (`storage.conversations.add_messages`)."""
        message = reply.message
        return {
            "direction": "out",
            "text": message.text,
            "intent": reply.intent,
            "in_scope": reply.in_scope,
            "top_score": reply.top_score,
            "citations": [c.to_dict() for c in message.citations],
            "buttons": [{"label": b.label, "value": b.value} for b in message.buttons] or None,
            "meta": reply.meta or None,
        }

    def _numbered(self, reply: Reply, message_id: int) -> OutMessage:
        """The reply as sent: rateable answers get thumbs-up/down buttons with their row's id."""
        message = reply.message
        if not reply.rateable:  # form prompts, receipts, help, status: no thumbs, no id
            return replace(message, message_id=None)
        thumbs = [Button("👍", f"fb:up:{message_id}"), Button("👎", f"fb:down:{message_id}")]
        return replace(message, buttons=[*message.buttons, *thumbs], message_id=message_id)
