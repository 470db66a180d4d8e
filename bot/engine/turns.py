"""Every channel's chat turn, one path: load the conversation, decide the replies, save the turn.

`Engine.handle(channel, user_id, text, *, start=None) -> list[OutMessage]` is the turn of the
web API, Telegram, WeChat/WeCom and the terminal (`policybot chat`) alike:

1. load: `Engine.start` — one SELECT on a read connection (`storage.turn_start
   .load_turn_start`; on PostgreSQL autocommit, no BEGIN/COMMIT). A caller that needs the
   start first (the web API checks the session and waiting notices) calls `Engine.start`
   itself and passes it as `start=`;
2. decide: `bot.engine.dispatch.decide_turn`, holding no transaction;
3. save: `bot.engine.saving.save_turn` — on PostgreSQL a plain turn (state and transcript only)
   is one statement with an asynchronous commit, every other turn (a request, consent,
   feedback, redaction, handoff, score or outbox claim) a durable transaction; on SQLite one
   transaction.

A concurrent write to the same conversation (a stale version) loads and decides again. The turn
never raises: a failure is logged and answered with the error reply.
"""

from __future__ import annotations

import logging
import random
import time

from bot.answer_source import AnswerSource
from bot.conversation.limits import QuestionLimit
from bot.conversation.replies import ERROR_TEXT
from bot.engine.dispatch import MAX_INPUT_CHARS, decide_turn
from bot.engine.saving import save_turn
from bot.handoff.flow import HandoffClosed, HandoffHook, turn_inbox
from bot.llm.context import conversation_scope
from bot.messages import Button, OutMessage
from bot.subscriptions.flow import SubscriptionFlow
from core.masking import mask_text
from core.settings import Settings
from storage.db import Database
from storage.turn_start import TurnStart, load_turn_start

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 12  # optimistic-concurrency retries when the same user writes twice at once

__all__ = ["MAX_ATTEMPTS", "MAX_INPUT_CHARS", "Engine"]


class Engine:
    """Channel-agnostic engine; all state lives in the database, so any worker may serve a turn."""

    def __init__(self, db: Database, answerer: AnswerSource, settings: Settings) -> None:
        self.db = db
        self.answerer = answerer
        self.settings = settings
        self.handoff = HandoffHook(db, settings)
        self.questions = QuestionLimit(settings)
        self.subscriptions = SubscriptionFlow(db, lambda: self.answerer)

    def start(self, channel: str, user_id: str, *, ended_key: str | None = None) -> TurnStart:
        """The conversation as a turn finds it (its id — None before its first turn —, a private
        copy of its state, its version; whether rows wait in the turn's inbox, `turn_inbox`;
        `ended_key`: also whether that key was recorded): one SELECT, nothing written."""
        inbox = turn_inbox(channel)
        return load_turn_start(
            self.db, channel=channel, user_id=user_id, ended_key=ended_key, inbox=inbox
        )

    def handle(
        self, channel: str, user_id: str, text: str, *, start: TurnStart | None = None
    ) -> list[OutMessage]:
        """Handle one message (or button value) from a channel user; returns the replies as
        sent. `start`: the conversation as the caller just read it with `Engine.start`, used
        for the first attempt instead of reading it again."""
        with conversation_scope(self.db, channel, user_id):  # LLM mode reads the last turns
            return self._turn(channel, user_id, text, start)

    def _turn(
        self, channel: str, user_id: str, text: str, start: TurnStart | None
    ) -> list[OutMessage]:
        """Load → decide → save, again from the load when the conversation changed meanwhile."""
        full = (text or "").strip()
        text = full[:MAX_INPUT_CHARS]
        try:
            for attempt in range(MAX_ATTEMPTS):
                if attempt:  # jittered backoff so colliding writers stop colliding
                    time.sleep(random.uniform(0.005, 0.02) * attempt)
                if attempt or start is None:
                    start = self.start(channel, user_id)
                turn = decide_turn(self, channel, user_id, start.state, text, len(full))
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
