"""A chat turn's transcript rows: one multi-row INSERT … RETURNING id per turn, sent on the
DBAPI cursor of the turn's write transaction (`storage.direct`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, insert
from sqlalchemy.orm import Session

from core import clock
from storage.direct import Prebuilt
from storage.models import Message

MESSAGES = cast(Table, Message.__table__)
MESSAGE_COLUMNS = (
    *("conversation_id", "direction", "text", "intent", "in_scope", "top_score"),
    *("citations", "buttons", "meta", "created_at"),
)
_INSERT_MESSAGES: dict[int, Prebuilt] = {}


def insert_messages(count: int) -> Prebuilt:
    """INSERT of `count` transcript rows … RETURNING id (parameters `<column>_<row>`), built
    once per row count."""
    found = _INSERT_MESSAGES.get(count)
    if found is None:
        rows = [
            {c: bindparam(f"{c}_{i}", type_=MESSAGES.c[c].type) for c in MESSAGE_COLUMNS}
            for i in range(count)
        ]
        found = Prebuilt(insert(MESSAGES).values(rows).returning(MESSAGES.c.id))
        _INSERT_MESSAGES[count] = found
    return found


def add_messages(
    session: Session | Connection, *, conversation_id: int, rows: Sequence[Mapping[str, Any]]
) -> list[int]:
    """Append several transcript messages with one multi-row INSERT … RETURNING id and
    return their ids in the order given.

    Each row: direction, text and optionally intent (cut to 32), in_scope, top_score,
    citations, buttons (as `add_message` takes them), meta (a bot answer's reading move and
    refusal family, `Message.meta`). Every row sends every column (None as JSON null, as
    Core sends it) and one time stamp; no ORM objects are built. Ids are assigned in the
    order the rows are inserted (SQLite rowids, PostgreSQL's sequence), so ascending ids map
    back to the rows given.
    """
    if not rows:
        return []
    values = transcript_values(rows, conversation_id=conversation_id, stamp=clock.now())
    inserted = insert_messages(len(rows)).rows(
        session.connection() if isinstance(session, Session) else session, values
    )
    return sorted(int(found[0]) for found in inserted)


def transcript_values(
    rows: Sequence[Mapping[str, Any]], *, conversation_id: int | None, stamp: datetime | None
) -> dict[str, Any]:
    """The parameters `<column>_<row>` of `rows` (`add_messages`' shape), each row's
    conversation_id and created_at left out when None (a statement that takes them elsewhere:
    `storage.turn_write`)."""
    values: dict[str, Any] = {}
    for i, row in enumerate(rows):
        intent = row.get("intent")
        values |= {
            f"direction_{i}": row["direction"],
            f"text_{i}": row["text"],
            f"intent_{i}": intent[:32] if intent else None,
            f"in_scope_{i}": row.get("in_scope"),
            f"top_score_{i}": row.get("top_score"),
            f"citations_{i}": row.get("citations") or [],
            f"buttons_{i}": row.get("buttons"),
            f"meta_{i}": row.get("meta"),
        }
        if conversation_id is not None:
            values[f"conversation_id_{i}"] = conversation_id
        if stamp is not None:
            values[f"created_at_{i}"] = stamp
    return values
