"""The engine's handoff hook: open a handoff, route the owner's messages to it, offer one.

State kept in the conversation: `handoff` (True while one is open; the `handoffs` table is the
truth, checked only while the flag is set) and `misses` (declined or 👎 answers in a row).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.conversation.commands import normalize_text
from bot.conversation.turn import Reply, Turn
from bot.handoff.texts import (
    ENDED_BY_OWNER,
    OFFER_TEXT,
    SURVEY_THANKS,
    acknowledgement,
    offer_message,
    opened_text,
    rating_reply,
)
from bot.messages import Answer, OutMessage
from bot.survey import read_score
from core import clock as core_clock
from core.settings import Settings
from storage.conversations import save_state
from storage.db import Database
from storage.handoffs import close_handoff, note_user_message, open_handoff
from storage.models import Conversation, Handoff
from storage.notifications import enqueue_notification, take_user_notifications
from storage.satisfaction import pending_survey, record_satisfaction

CHANNELS = frozenset({"web", "telegram", "wechat", "wecom"})  # where staff replies can reach
OFFER_AFTER = 2  # declined or 👎 answers in a row before a handoff is offered
END_WORDS = frozenset({"取消", "结束", "/cancel", "/end", "结束人工", "结束对话", "退出人工"})
HELD_SUFFIX = ":held"  # outbox channel of replies kept for the next message (WeChat window)
ACK_AT = "handoff_ack_at"  # state: when the owner was last told their message reached staff
ACK_EVERY = timedelta(minutes=5)


class HandoffClosed(Exception):
    """Staff closed the handoff after the turn was decided: the engine decides it again."""


def held_channel(channel: str) -> str:
    """The outbox channel holding replies that wait for the owner's next message."""
    return channel + HELD_SUFFIX


def turn_inbox(channel: str) -> str:
    """The outbox channel whose waiting rows a turn of `channel` shows with its replies:
    WeChat's held replies, the web's notices (`web.chat_turn`); other channels' rows are sent
    by the outbox loop (the turn start's `notices_due` is then unused)."""
    return held_channel(channel) if channel == "wechat" else channel


class HandoffHook:
    """Called by the engine: `decide` while reading, `apply` inside the turn's transaction."""

    def __init__(
        self, db: Database, settings: Settings, clock: Callable[[], datetime] | None = None
    ) -> None:
        self.db = db
        self.settings = settings
        self.clock = clock or (lambda: core_clock.now())

    def decide(
        self, turn: Turn, channel: str, user_id: str, text: str, command: str | None
    ) -> bool:
        """Handle the turn when a handoff is open or asked for; False lets the bot answer."""
        state = turn.state
        if state.get("handoff"):
            if self._open_handoff_id(channel, user_id) is None:
                state.pop("handoff", None)  # staff closed it: the bot answers again
                state.pop(ACK_AT, None)
            elif normalize_text(text) in END_WORDS or command == "cancel":
                state.pop("handoff", None)
                state.pop(ACK_AT, None)
                turn.intent, turn.handoff = "handoff_end", "close"
                turn.say(OutMessage(ENDED_BY_OWNER), "handoff_end")
                return True
            else:
                turn.intent, turn.handoff = "handoff", "message"
                self._acknowledge(turn)  # staff answer; the owner hears it arrived
                return True
        if command == "human" and channel in CHANNELS:
            turn.intent = "human"
            turn.handoff = "offer" if state.pop("offered", False) else "asked"
            state["handoff"] = True
            state["misses"] = 0
            state.pop(ACK_AT, None)
            turn.say(OutMessage(opened_text(self.settings, self.clock())), "handoff_open")
            return True
        state.pop("offered", None)
        if state.get("form") or command:
            return False
        return self._rating(turn, channel, user_id, text)

    def _acknowledge(self, turn: Turn) -> None:
        """Tell the owner a message reached staff: the first one, then once per ACK_EVERY."""
        now = self.clock()
        last = turn.state.get(ACK_AT)
        if last is not None and now - datetime.fromisoformat(last) < ACK_EVERY:
            return
        turn.state[ACK_AT] = now.isoformat()
        turn.say(OutMessage(acknowledgement(self.settings, now)), "handoff_ack")

    def _rating(self, turn: Turn, channel: str, user_id: str, text: str) -> bool:
        """A score for the pending satisfaction question, or a rating said without one."""
        score = read_score(text, pending=True)
        if score is not None and self._survey_pending(channel, user_id):
            turn.intent, turn.survey_score = "satisfaction", score
            turn.say(OutMessage(SURVEY_THANKS), "satisfaction")
            return True
        score = read_score(text)
        if score is None:
            return False
        turn.intent = "rating"  # "挺满意的" after an answer: thanks, never a refusal
        turn.say(OutMessage(rating_reply(score, staff=channel in CHANNELS)), "rating")
        self._count(turn, miss=score <= 2)
        return True

    def _survey_pending(self, channel: str, user_id: str) -> bool:
        with self.db.session() as session:
            return pending_survey(session, channel=channel, user_id=user_id) is not None

    def note_answer(self, turn: Turn, answer: Answer) -> None:
        """Count a declined answer (or reset on a good one); offer a handoff after two."""
        self._count(turn, miss=not answer.in_scope)

    def note_feedback(self, turn: Turn, value: int) -> None:
        """Count a 👎 (or reset on a 👍); offer a handoff after two misses in a row."""
        self._count(turn, miss=value < 0)

    def _count(self, turn: Turn, *, miss: bool) -> None:
        state = turn.state
        if state.get("handoff"):
            return
        state["misses"] = int(state.get("misses", 0)) + 1 if miss else 0
        if state["misses"] >= OFFER_AFTER and not state.get("form"):
            staff = turn.channel in CHANNELS
            state["misses"] = 0
            if staff:
                state["offered"] = True  # 转人工 next: a handoff opened on the offer
            turn.say(offer_message(self.settings, staff=staff), "handoff_offer")

    def _open_handoff_id(self, channel: str, user_id: str) -> int | None:
        with self.db.session() as session:
            query = select(Handoff.id).where(
                Handoff.channel == channel, Handoff.user_id == user_id, Handoff.status == "open"
            )
            return session.scalars(query).first()

    def apply(
        self,
        session: Session,
        conversation_id: int,
        channel: str,
        user_id: str,
        turn: Turn,
        *,
        held_due: bool = True,
    ) -> list[Reply]:
        """Write the turn's handoff effects; returns replies to show first (held staff replies,
        claimed only when `held_due`: the turn's start saw some waiting, `turn_inbox`)."""
        if turn.handoff in ("asked", "offer"):
            open_handoff(
                session,
                conversation_id=conversation_id,
                channel=channel,
                user_id=user_id,
                reason=turn.handoff,
            )
        elif turn.handoff in ("message", "close"):
            # Locked until this turn commits: a staff close waits for it (and then sees the
            # message), or has closed already (then the turn is decided again: the bot answers).
            found = session.scalars(
                select(Handoff)
                .where(Handoff.conversation_id == conversation_id, Handoff.status == "open")
                .with_for_update()
            ).first()
            if found is None and turn.handoff == "message":
                raise HandoffClosed(conversation_id)
            if found is not None and turn.handoff == "message":
                note_user_message(session, handoff_id=found.id)
            elif found is not None:
                close_handoff(session, handoff_id=found.id, actor="owner")
        if turn.survey_score is not None:
            record_satisfaction(session, channel=channel, user_id=user_id, score=turn.survey_score)
        if channel != "wechat" or not held_due:
            return []
        held = take_user_notifications(session, channel=held_channel(channel), user_id=user_id)
        return [Reply(OutMessage(f"（您离开期间的回复）{text}"), "staff_reply") for text in held]


def offer_after_web_feedback(db: Database, *, channel: str, user_id: str, value: int) -> None:
    """A 👍/👎 given outside the engine (web widget): count it; queue the offer after two 👎."""
    with db.session() as session:
        conversation = session.scalars(
            select(Conversation).where(
                Conversation.channel == channel, Conversation.user_id == user_id
            )
        ).first()
        if conversation is None:
            return
        state = copy.deepcopy(conversation.state or {})
        if state.get("handoff"):
            return
        misses = int(state.get("misses", 0)) + 1 if value < 0 else 0
        state["misses"] = misses
        if misses >= OFFER_AFTER and not state.get("form"):
            state["misses"], state["offered"] = 0, True
            enqueue_notification(
                session, channel=channel, user_id=user_id, text=OFFER_TEXT + "回复“转人工”即可。"
            )
        save_state(
            session,
            conversation_id=conversation.id,
            state=state,
            expected_version=conversation.version,
        )
