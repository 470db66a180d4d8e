"""A policy question answered inside a turn: read in the conversation's context, the new
context kept in the turn's state, and the follow-ups (form offer: `offer_form`; handoff
offer) added.

`answer_question(answerer, handoff, turn, text) -> None`: never raises; an answerer failure
is logged and the turn gets the error reply (intent "error").
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from bot.answer_source import AnswerSource
from bot.conversation.form import need_hints
from bot.conversation.replies import (
    ERROR_TEXT,
    OFFER_BUTTONS,
    answer_message,
    help_message,
    intake_offer_message,
    invites_to_apply,
)
from bot.conversation.side_answers import refused_request, without_form_nudge
from bot.conversation.turn import Reply, Turn
from bot.dialogue import answer_in_context
from bot.engine.applying import told_only, told_then_apply
from bot.handoff.flow import HandoffHook
from bot.messages import Answer, Button, OutMessage
from bot.needs import need_after_facts
from bot.reading import ConversationContext
from core.masking import mask_text
from retrieval.memo import message_memo

log = logging.getLogger(__name__)

FORM_OFFERED = "form_offered"  # state: the topics (focus doc ids) the form was offered on


def offer_form(state: dict[str, Any], answer: Answer, topic: str) -> bool:
    """Whether the form is offered after this answer (and if so, noted in `state`): once per
    conversation after an answer that suggests it, again only when the owner states a financing
    need on a topic it was not offered on. The same in every channel."""
    if not (answer.suggest_intake or answer.intent == "financing_need"):
        return False
    offered = [str(t) for t in state.get(FORM_OFFERED, [])]
    if offered and (answer.intent != "financing_need" or topic in offered):
        return False
    state[FORM_OFFERED] = [*offered, topic][-10:]
    return True


def answer_question(answerer: AnswerSource, handoff: HandoffHook, turn: Turn, text: str) -> None:
    """Answer a policy question read in the conversation's context (bot.dialogue), keep
    the new context in the state, and add the follow-ups."""
    in_form = bool(turn.state.get("form"))
    context = ConversationContext.from_state(turn.state)
    try:
        with message_memo():  # each text embedded, ranked and assessed once per message
            exchange = answer_in_context(answerer, context, text)
    except Exception:
        log.exception("answerer failed on %r", mask_text(text[:80]))
        turn.intent = "error"
        turn.say(OutMessage(ERROR_TEXT, buttons=[Button("联系人工", "联系人工")]), "error")
        return
    answer = exchange.answer
    told_only(context.facts, exchange.context, text).store(turn.state)
    turn.note_answer(answer)
    if answer.intent == "greeting" and not in_form:
        if exchange.reading.small_talk in ("thanks", "goodbye"):
            turn.say(OutMessage(answer.answer), "greeting")
        else:
            turn.say(help_message(), "greeting")
        return
    focus = exchange.context.focus
    offer = not in_form and offer_form(turn.state, answer, focus.doc_id if focus else "")
    if in_form:  # the owner is filling the form: no nudge to start it
        answer = replace(answer, answer=without_form_nudge(answer.answer))
    message = answer_message(answer, in_form=in_form, offer_follows=offer)
    inside = offer and invites_to_apply(answer.answer)  # already says 回复“申请”: one offer
    if inside:
        message = replace(message, buttons=[*message.buttons, *OFFER_BUTTONS])
    turn.replies.append(Reply.from_answer(message, answer, move=exchange.reading.move))
    if offer:
        turn.state["hints"] = need_hints(text)
        turn.state["offer_open"] = True
    if offer and not inside:
        turn.say(intake_offer_message(), "intake_offer")
    if answer.in_scope or not refused_request(text):  # no handoff offer after a forgery
        handoff.note_answer(turn, answer)


def starts_form(command: str | None, state: dict[str, Any], text: str) -> bool:
    """The message starts the needs form: the 申请 command, unless a loan need told after the
    firm's facts is answered first (想贷款: bot.needs), or facts ending in 申请 ("…要50万 申请")."""
    if command == "apply":
        return not need_after_facts(state, text)
    return command is None and told_then_apply(state, text)
