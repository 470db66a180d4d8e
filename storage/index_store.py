"""Published index versions and staff documents in the database (shared by every instance)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import IndexVersion, StaffDocument


@dataclass(frozen=True)
class PublishedVersion:
    """The newest published index version: its row id and label."""

    id: int
    label: str


def latest_published(session: Session) -> PublishedVersion | None:
    """The newest published version that carries its files (one small indexed query)."""
    row = session.execute(
        select(IndexVersion.id, IndexVersion.label)
        .where(IndexVersion.status == "published", IndexVersion.bundle.is_not(None))
        .order_by(IndexVersion.id.desc())
        .limit(1)
    ).first()
    return PublishedVersion(row.id, row.label) if row is not None else None


def get_bundle(session: Session, *, label: str) -> bytes | None:
    """The tar.gz of a published version's index files, or None."""
    return session.scalar(
        select(IndexVersion.bundle)
        .where(IndexVersion.label == label, IndexVersion.status == "published")
        .order_by(IndexVersion.id.desc())
        .limit(1)
    )


def has_published(session: Session) -> bool:
    """True once any instance has published an index into the database."""
    return latest_published(session) is not None


def list_staff_documents(session: Session) -> dict[str, bytes]:
    """Every staff document: file name -> content."""
    return {row.name: row.content for row in session.scalars(select(StaffDocument))}


def replace_staff_documents(session: Session, *, files: dict[str, bytes], actor: str) -> None:
    """Make the stored staff documents exactly `files` (name -> content)."""
    stored = {row.name: row for row in session.scalars(select(StaffDocument))}
    gone = sorted(set(stored) - set(files))
    if gone:
        session.execute(delete(StaffDocument).where(StaffDocument.name.in_(gone)))
    for name, content in files.items():
        digest = hashlib.sha256(content).hexdigest()
        row = stored.get(name)
        if row is None:
            session.add(StaffDocument(name=name, content=content, sha256=digest, updated_by=actor))
        elif row.sha256 != digest:
            row.content, row.sha256, row.updated_by = content, digest, actor
