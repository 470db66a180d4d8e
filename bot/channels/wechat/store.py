"""Database helpers of the WeChat channels: retry deduplication, last options, shared answers."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from bot.channels.wechat.guard import purge_nonces
from bot.channels.wechat.render import numbers_pick
from bot.messages import Button, Citation
from core import clock
from storage.db import Database
from storage.models import ProcessedMessage
from storage.shared_answers import purge_shared_answers
from storage.shared_answers import save_shared_answer as store_shared_answer

OPTIONS_STATUS = "options"  # rows holding a user's last numbered options, not messages
# A stored passive reply serves WeChat's retries (three attempts within about 15 s); after this
# the text (which may be a form summary) is dropped and only the key stays for deduplication.
KEEP_REPLY = timedelta(minutes=1)
# Signed callback URLs are remembered longer than any accepted timestamp skew (≤ 1800 s each way).
KEEP_NONCES = timedelta(hours=1)


@dataclass(frozen=True)
class Claim:
    """The outcome of claiming an inbound message: ours to process, or already seen."""

    claimed: bool
    status: str
    reply: str | None


def claim_message(db: Database, key: str) -> Claim:
    """Insert the message key; the first worker to succeed processes it, others read its state."""
    try:
        with db.session() as session:
            session.add(ProcessedMessage(key=key, status="processing"))
            session.flush()
        return Claim(True, "processing", None)
    except IntegrityError:
        row = read_message(db, key)
        if row is None:  # released in the meantime: try once more
            return claim_message(db, key)
        return row


def read_message(db: Database, key: str) -> Claim | None:
    """The stored state and reply of a message key, if any."""
    with db.session() as session:
        row = session.get(ProcessedMessage, key)
        return None if row is None else Claim(False, row.status, row.reply)


def finish_message(db: Database, key: str, *, status: str, reply: str | None) -> None:
    """Record the outcome: "done" (passive reply stored), "deferred", "sent" or "failed"."""
    with db.session() as session:
        row = session.get(ProcessedMessage, key)
        if row is None:
            session.add(ProcessedMessage(key=key, status=status, reply=reply))
        else:
            row.status, row.reply = status, reply


def release_message(db: Database, key: str) -> None:
    """Forget a claim whose processing failed, so that a retry can process it again."""
    with db.session() as session:
        session.execute(delete(ProcessedMessage).where(ProcessedMessage.key == key))


def _own_keys() -> Any:
    """The rows of the WeChat channels (others share the table, e.g. Telegram button values)."""
    return or_(
        ProcessedMessage.key.startswith("wechat:"), ProcessedMessage.key.startswith("wecom:")
    )


def purge_messages(db: Database, *, older_than: timedelta) -> int:
    """Delete old WeChat/WeCom message keys (retries come within seconds); options are kept."""
    with db.session() as session:
        result = session.execute(
            delete(ProcessedMessage)
            .where(ProcessedMessage.created_at < clock.now() - older_than)
            .where(ProcessedMessage.status != OPTIONS_STATUS)
            .where(_own_keys())
        )
        return int(getattr(result, "rowcount", 0) or 0)


def forget_replies(db: Database, *, older_than: timedelta = KEEP_REPLY) -> int:
    """Drop the stored reply texts no retry can need any more; returns how many were dropped."""
    with db.session() as session:
        result = session.execute(
            update(ProcessedMessage)
            .where(ProcessedMessage.created_at < clock.now() - older_than)
            .where(ProcessedMessage.reply.is_not(None))
            .where(ProcessedMessage.status != OPTIONS_STATUS)
            .where(_own_keys())
            .values(reply=None)
        )
        return int(getattr(result, "rowcount", 0) or 0)


def housekeeping(db: Database, *, purge_after: timedelta) -> None:
    """Periodic clean-up: old reply texts, message keys and signed URLs, expired shared answers."""
    forget_replies(db)
    purge_messages(db, older_than=purge_after)
    purge_nonces(db, older_than=KEEP_NONCES)
    with db.session() as session:
        purge_shared_answers(session)


def _options_key(channel: str, user_id: str) -> str:
    return f"options:{channel}:{user_id}"


def remember_options(db: Database, channel: str, user_id: str, buttons: list[Button]) -> None:
    """Keep the options just shown, so that "2" or a label can be mapped to a button value:
    one upsert statement, its own (durable) transaction — one round trip on PostgreSQL."""
    payload = json.dumps([[b.label, b.value] for b in buttons], ensure_ascii=False)
    dialect = sqlite if db.is_sqlite else postgresql
    row = {"key": _options_key(channel, user_id), "status": OPTIONS_STATUS, "reply": payload}
    statement = dialect.insert(ProcessedMessage).values(**row, created_at=clock.now())
    statement = statement.on_conflict_do_update(
        index_elements=[ProcessedMessage.key],
        set_={"reply": statement.excluded.reply, "created_at": statement.excluded.created_at},
    )
    with db.statement() as connection:
        connection.execute(statement)


def normalize_choice(text: str) -> str:
    """Full-width digits and spaces folded, surrounding blanks and punctuation removed."""
    return unicodedata.normalize("NFKC", text).strip().strip("。.、，,").strip()


def resolve_choice(db: Database, channel: str, user_id: str, text: str) -> str:
    """The button value for a number or label of the last options; otherwise the text itself
    (one SELECT on a read connection: no transaction on PostgreSQL)."""
    key = _options_key(channel, user_id)
    with db.reading() as connection:
        stored = connection.scalar(
            select(ProcessedMessage.reply).where(ProcessedMessage.key == key)
        )
    options = json.loads(stored) if stored else []
    if not options:
        return text
    answer = normalize_choice(text)
    if (
        answer.isdigit()
        and 1 <= int(answer) <= len(options)
        and numbers_pick([str(value) for _, value in options])
    ):
        return str(options[int(answer) - 1][1])
    for label, value in options:
        if answer and answer.casefold() in (
            normalize_choice(label).casefold(),
            str(value).casefold(),
        ):
            return str(value)
    return text


def save_shared_answer(db: Database, text: str, citations: list[Citation]) -> str:
    """Store a full answer for the web page /a/{id}; returns the id."""
    with db.session() as session:
        return store_shared_answer(session, text=text, citations=[c.to_dict() for c in citations])
