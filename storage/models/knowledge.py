"""Knowledge administration: golden questions, published index versions, staff documents
and the saved versions of staff-edited Q&A entries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, _now
from storage.types import UtcDateTime


class GoldenQuestion(Base):
    """A staff-added evaluation question guarding knowledge-base changes."""

    __tablename__ = "golden_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(Text)
    articles: Mapped[list[Any]] = mapped_column(default=list)
    out_of_scope: Mapped[bool] = mapped_column(Boolean, default=False)
    added_by: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)


class IndexVersion(Base):
    """A published (or refused) knowledge index version with its evaluation figures."""

    __tablename__ = "index_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20))  # published / refused
    metrics: Mapped[dict[str, Any]] = mapped_column(default=dict)
    documents: Mapped[list[Any]] = mapped_column(default=list)
    actor: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)
    # The published index files (tar.gz) every instance loads; None for refused versions.
    bundle: Mapped[bytes | None] = mapped_column(LargeBinary, default=None, deferred=True)


class StaffDocument(Base):
    """A document uploaded by staff, shared by every instance (indexed with the packaged ones)."""

    __tablename__ = "staff_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    updated_by: Mapped[str | None] = mapped_column(String(64), default=None)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)


class QaVersion(Base):
    """One saved version of a staff-edited Q&A entry (the newest per entry_id is the current one).

    `data` is the entry as `knowledge.qa.QaEntry.to_dict` gives it (topic included); a rollback
    adds a new version copying an older one's data. `published_label` is set on the versions
    that went live with an index publish.
    """

    __tablename__ = "qa_versions"
    __table_args__ = (UniqueConstraint("entry_id", "version", name="uq_qa_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[str] = mapped_column(String(80), index=True)
    version: Mapped[int] = mapped_column(Integer)
    topic: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(12))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    action: Mapped[str] = mapped_column(String(20))  # add | edit | disable | rollback | import
    note: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now, index=True)
    published_label: Mapped[str | None] = mapped_column(String(40), default=None)
