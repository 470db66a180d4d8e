"""Back-office accounts, their signed-in sessions and the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, _now
from storage.types import UtcDateTime

if TYPE_CHECKING:
    from storage.models.banks import Bank


class StaffUser(Base):
    """A back-office account: admin, coordinator, bank_officer (linked to a listed bank) or
    viewer. `linked_as` is the bank's name when linked (the free text before the managed list)."""

    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    bank_id: Mapped[int | None] = mapped_column(ForeignKey("banks.id"), default=None)
    linked_as: Mapped[str | None] = mapped_column(String(64), default=None)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)

    bank: Mapped[Bank | None] = relationship(lazy="joined")


class StaffSession(Base):
    """A signed-in back-office session; the cookie carries a token whose SHA-256 is `token_hash`.

    A session is valid while `revoked_at` is empty and `expires_at` lies ahead; logout, disabling
    the account, a password change and "end all sessions" set `revoked_at` for good.
    """

    __tablename__ = "staff_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    ip: Mapped[str | None] = mapped_column(String(64), default=None)


class AuditEntry(Base):
    """Who did or viewed what, when, with the values before and after."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor: Mapped[str] = mapped_column(String(64), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(64), default=None)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    ip: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now, index=True)
