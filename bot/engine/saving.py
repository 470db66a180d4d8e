"""Writing one decided turn: state, transcript and side effects in one transaction.

`save_turn(db, handoff, channel, user_id, start, text, turn) -> list[OutMessage] | None`:
the messages as sent (rateable answers numbered with their transcript row), or None when
the conversation changed meanwhile (the engine then decides the turn again).

On PostgreSQL a plain turn — one that writes only the conversation's state and transcript
rows: no financing request, feedback, redaction, handoff, satisfaction score or outbox claim
— is one statement committed without waiting for the WAL flush (`storage.turn_write`); every
other turn is a transaction with the server's durable default.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any, cast

from sqlalchemy.orm import Session

from bot.conversation.form.messages import receipt_messages
from bot.conversation.turn import Reply, Turn
from bot.handoff.flow import HandoffHook
from bot.messages import ANSWER_INTENTS, Button, OutMessage
from bot.recommend import recommend
from storage.conversations import (
    add_messages,
    insert_conversation,
    redact_messages_since,
    save_state,
    set_feedback,
)
from storage.db import Database
from storage.requests import create_request
from storage.turn_start import TurnStart
from storage.turn_write import write_plain_turn


def save_turn(
    db: Database,
    handoff: HandoffHook,
    channel: str,
    user_id: str,
    start: TurnStart,
    text: str,
    turn: Turn,
) -> list[OutMessage] | None:
    """Save state, transcript and side effects in one transaction (the conversation created
    by its first turn); None on a stale version or a conversation created meanwhile.

    Raises `bot.handoff.flow.HandoffClosed` when staff closed the handoff meanwhile."""
    if not db.is_sqlite:
        replies = plain_replies(handoff, channel, user_id, start, turn)
        if replies is not None:
            return save_plain_turn(db, channel, user_id, start, text, turn, replies)
    # Core statements on the transaction's connection; the ORM session only for the rarer
    # writes (feedback, a request, handoffs, redaction)
    with db.writing() as (connection, session):
        conversation_id = start.conversation_id
        if conversation_id is None:
            conversation_id = insert_conversation(
                connection, channel=channel, user_id=user_id, state=turn.state
            )
            if conversation_id is None:
                return None
        elif not save_state(
            connection,
            conversation_id=conversation_id,
            state=turn.state,
            expected_version=start.version,
        ):
            return None
        incoming = incoming_row(text, turn)
        if turn.discard_since:  # refused or cancelled form: keep nothing it collected
            # (this message included: it is written first, then redacted with the rest)
            add_messages(connection, conversation_id=conversation_id, rows=[incoming])
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
                Reply(message, intent) for message, intent in receipt_messages(request, duplicate)
            ]
            replies = receipt + replies
        held_due = start.notices_due
        replies = (
            handoff.apply(session, conversation_id, channel, user_id, turn, held_due=held_due)
            + replies
        )
        # The owner's message and the replies: one INSERT … RETURNING for the whole turn.
        rows = ([incoming] if incoming else []) + [transcript_row(r) for r in replies]
        ids = add_messages(connection, conversation_id=conversation_id, rows=rows)
        ids = ids[1:] if incoming else ids
        return [numbered(r, i) for r, i in zip(replies, ids, strict=True)]


class NeedsTransaction(Exception):
    """The turn writes more than its state and transcript (see `plain_replies`)."""


class _NoSession:
    """Stands for the ORM session while a turn is checked for side effects: any use of it
    means the turn writes through it, so it needs its durable transaction."""

    def __getattr__(self, name: str) -> Any:
        raise NeedsTransaction(name)


def incoming_row(text: str, turn: Turn) -> dict[str, Any]:
    """The owner's message as its transcript row."""
    return {
        "direction": "in",
        "text": text,
        "intent": turn.intent,
        "in_scope": turn.in_scope,
        "top_score": turn.top_score,
    }


def plain_replies(
    handoff: HandoffHook, channel: str, user_id: str, start: TurnStart, turn: Turn
) -> list[Reply] | None:
    """The replies of a turn that writes only state and transcript rows, else None: a
    financing request, feedback or redaction, or a handoff effect (the hook is run on a
    stand-in session: if it would write anything — a handoff, a score, an outbox claim of held
    replies the turn's start saw waiting — the turn takes the durable transaction, where the
    hook runs again for real)."""
    if turn.submit is not None or turn.feedback is not None or turn.discard_since:
        return None
    try:
        held = handoff.apply(
            cast(Session, _NoSession()),
            start.conversation_id or 0,
            channel,
            user_id,
            turn,
            held_due=start.notices_due,
        )
    except NeedsTransaction:
        return None
    return held + list(turn.replies)


def save_plain_turn(
    db: Database,
    channel: str,
    user_id: str,
    start: TurnStart,
    text: str,
    turn: Turn,
    replies: list[Reply],
) -> list[OutMessage] | None:
    """A plain turn (`plain_replies`) written as one statement (`storage.turn_write`); None
    on a stale version or a conversation created meanwhile."""
    rows = [incoming_row(text, turn)] + [transcript_row(r) for r in replies]
    with db.statement() as connection:
        written = write_plain_turn(
            connection,
            conversation_id=start.conversation_id,
            expected_version=start.version,
            channel=channel,
            user_id=user_id,
            state=turn.state,
            rows=rows,
        )
    if written is None:
        return None
    ids = written[1][1:]
    return [numbered(r, i) for r, i in zip(replies, ids, strict=True)]


def transcript_row(reply: Reply) -> dict[str, Any]:
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


def numbered(reply: Reply, message_id: int) -> OutMessage:
    """The reply as sent: rateable answers get thumbs-up/down buttons with their row's id."""
    message = reply.message
    if not reply.rateable:  # form prompts, receipts, help, status: no thumbs, no id
        return replace(message, message_id=None)
    thumbs = [Button("👍", f"fb:up:{message_id}"), Button("👎", f"fb:down:{message_id}")]
    return replace(message, buttons=[*message.buttons, *thumbs], message_id=message_id)
