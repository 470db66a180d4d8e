"""Staff-edited Q&A entries in the database: every saved version, the newest per entry current.

Each save appends a `QaVersion` (entry_id, version 1, 2, …; `data` = `QaEntry.to_dict()`), so
the history of an entry is its versions and a rollback appends a copy of an older one. A
publish stamps the versions that went live with the index label (`mark_published`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.models import QaVersion

ACTIONS = ("add", "edit", "disable", "rollback", "import")


def current_versions(session: Session) -> dict[str, QaVersion]:
    """The newest version of every staff-edited entry: entry_id -> row (in entry_id order)."""
    newest = (
        select(QaVersion.entry_id, func.max(QaVersion.version).label("v"))
        .group_by(QaVersion.entry_id)
        .subquery()
    )
    rows = session.scalars(
        select(QaVersion)
        .join(
            newest,
            (QaVersion.entry_id == newest.c.entry_id) & (QaVersion.version == newest.c.v),
        )
        .order_by(QaVersion.entry_id)
    )
    return {row.entry_id: row for row in rows}


def save_version(
    session: Session, *, data: dict[str, Any], action: str, actor: str, note: str = ""
) -> QaVersion:
    """Append a version of the entry `data` (QaEntry.to_dict(), with id, topic, status).

    Raises ValueError for an unknown action. The version number is the entry's last plus one.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown Q&A action {action!r}")
    entry_id = str(data["id"])
    last = session.scalar(select(func.max(QaVersion.version)).where(QaVersion.entry_id == entry_id))
    row = QaVersion(
        entry_id=entry_id,
        version=(last or 0) + 1,
        topic=str(data.get("topic") or "general"),
        status=str(data.get("status") or "draft"),
        data=dict(data),
        action=action,
        note=note,
        actor=actor,
    )
    session.add(row)
    session.flush()
    return row


def entry_history(session: Session, entry_id: str) -> list[QaVersion]:
    """Every version of one entry, newest first ([] for an entry staff never edited)."""
    return list(
        session.scalars(
            select(QaVersion)
            .where(QaVersion.entry_id == entry_id)
            .order_by(QaVersion.version.desc())
        )
    )


def get_version(session: Session, entry_id: str, version: int) -> QaVersion | None:
    """One version of an entry, or None."""
    return session.scalar(
        select(QaVersion).where(QaVersion.entry_id == entry_id, QaVersion.version == version)
    )


def unpublished_ids(session: Session) -> set[str]:
    """Entries whose newest version has not gone live with a publish yet."""
    return {e for e, row in current_versions(session).items() if row.published_label is None}


def mark_published(session: Session, *, entry_ids: Iterable[str], label: str) -> None:
    """Stamp the newest version of each entry as published with index version `label`."""
    rows = current_versions(session)
    ids = [rows[e].id for e in entry_ids if e in rows and rows[e].published_label is None]
    if ids:
        session.execute(
            update(QaVersion).where(QaVersion.id.in_(ids)).values(published_label=label)
        )
