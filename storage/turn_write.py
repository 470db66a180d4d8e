"""A plain chat turn's write on PostgreSQL as one statement with an asynchronous commit.

A turn that stores nothing but the conversation's state and its transcript rows (no financing
request, consent, feedback, redaction, handoff, satisfaction score or outbox claim: the caller,
`bot.engine.saving`, decides) is written by `write_plain_turn`: one data-modifying statement,
its own transaction (autocommit, `Database.statement()`), so the turn's write is one round
trip instead of four (BEGIN, UPDATE, INSERT, COMMIT):

    WITH saved AS (UPDATE conversations … WHERE id = … AND version = … RETURNING id
                   | INSERT INTO conversations … ON CONFLICT DO NOTHING RETURNING id),
         sync AS (SELECT set_config('synchronous_commit', 'off', true))
    INSERT INTO messages (…) SELECT saved.id, turn_rows.… FROM saved, (VALUES …) turn_rows, sync
    ORDER BY turn_rows.n RETURNING messages.id

Durability: `set_config(…, true)` is `SET LOCAL synchronous_commit TO OFF` as a function, so
it lasts for this statement's transaction only. The commit then does not wait for the WAL
flush (≈ 3 of a turn's ≈ 4 ms of database wall time on a loaded machine): a crash of the
database server may lose the chat turns of the last fraction of a second (at most three times
`wal_writer_delay`), never corrupts the database and never reorders what was kept. It is the
standard PostgreSQL choice for such non-critical writes. Every other transaction — a stored
financing request and its consent, a status change, an audit entry, an outbox notification or
its claim, feedback, a handoff — keeps the server's default (`synchronous_commit` on): the
setting is never changed for a session, only inside this statement, and the pooled connection
is back at the default for its next transaction (`tests/storage/test_durable_commits.py`).

SQLite has no data-modifying CTEs; there a turn keeps the UPDATE (or INSERT) and the
transcript INSERT in one transaction (`Database.writing()`): both are calls inside the
process, not round trips, and WAL with `synchronous=NORMAL` does not flush per commit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    Float,
    bindparam,
    cast,
    column,
    insert,
    literal_column,
    select,
    true,
    values,
)
from sqlalchemy.dialects import postgresql

from core import clock
from storage.conversations import (
    CONVERSATIONS,
    insert_conversation_statement,
    save_state_statement,
)
from storage.direct import Prebuilt
from storage.transcript import MESSAGES, transcript_values

ROW_COLUMNS: tuple[str, ...] = (
    *("direction", "text", "intent", "in_scope", "top_score", "citations", "buttons", "meta"),
)
# the binds PostgreSQL cannot type from a VALUES list (psycopg renders no cast for them)
_CAST = (Boolean, Float)
_PLAIN: dict[tuple[bool, int], Prebuilt] = {}


def _saved(new: bool) -> Any:
    """The conversation's write as a CTE returning its id: the state saved at the expected
    version (parameters conversation_id, expected_version, new_state, new_version, stamp) or,
    `new`, the conversation created (channel, user_id, state, stamp)."""
    if new:
        return insert_conversation_statement(postgresql).cte("saved")
    return save_state_statement().returning(CONVERSATIONS.c.id).cte("saved")


def plain_turn_statement(new: bool, count: int) -> Prebuilt:
    """The turn's one statement for `count` transcript rows (parameters `<column>_<row>` as
    `storage.transcript`, and `_saved`'s), built once per (new, count)."""
    found = _PLAIN.get((new, count))
    if found is not None:
        return found
    saved = _saved(new)
    sync = select(
        literal_column("set_config('synchronous_commit', 'off', true)").label("sync")
    ).cte("sync")
    types = {name: MESSAGES.c[name].type for name in ROW_COLUMNS}

    def bind(name: str, i: int) -> Any:
        found = bindparam(f"{name}_{i}", type_=types[name])
        return cast(found, types[name]) if isinstance(types[name], _CAST) else found

    rows = values(
        column("n"), *(column(name, types[name]) for name in ROW_COLUMNS), name="turn_rows"
    ).data(
        [(literal_column(str(i)), *(bind(name, i) for name in ROW_COLUMNS)) for i in range(count)]
    )
    stamp = bindparam("stamp", type_=MESSAGES.c.created_at.type)
    chosen = (
        select(saved.c.id, *(rows.c[name] for name in ROW_COLUMNS), stamp)
        .select_from(saved)
        .join(rows, true())
        .join(sync, true())
        .order_by(rows.c.n)  # ids in the rows' order (nextval runs above the sort)
    )
    statement = (
        insert(MESSAGES)
        .from_select(["conversation_id", *ROW_COLUMNS, "created_at"], chosen)
        .returning(MESSAGES.c.id, MESSAGES.c.conversation_id)
    )
    found = _PLAIN[(new, count)] = Prebuilt(statement)
    return found


def write_plain_turn(
    connection: Connection,
    *,
    conversation_id: int | None,
    expected_version: int,
    channel: str,
    user_id: str,
    state: dict[str, Any],
    rows: Sequence[Mapping[str, Any]],
) -> tuple[int, list[int]] | None:
    """Save the state (create the conversation when `conversation_id` is None) and append the
    transcript `rows` (at least one; `storage.transcript.add_messages`'s shape) in one
    PostgreSQL statement on an autocommit `connection` (`Database.statement()`), committed
    without waiting for the WAL flush (module docstring). Returns the conversation's id and
    the rows' ids in the order given, or None when nothing was written: the version moved on,
    or a concurrent writer created the conversation first."""
    if not rows:
        raise ValueError("a plain turn writes at least the owner's message")
    stamp = clock.now()
    params = transcript_values(rows, conversation_id=None, stamp=None)
    if conversation_id is None:
        params |= {"channel": channel, "user_id": user_id, "state": state, "stamp": stamp}
    else:
        params |= {
            "conversation_id": conversation_id,
            "expected_version": expected_version,
            "new_state": state,
            "new_version": expected_version + 1,
            "stamp": stamp,
        }
    written = plain_turn_statement(conversation_id is None, len(rows)).rows(connection, params)
    if not written:
        return None
    return int(written[0][1]), sorted(int(found[0]) for found in written)
