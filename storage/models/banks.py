"""The managed bank list (银行名录): banks, their other names, and pushes of requests to them."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, ForeignKey, String, Text, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, _now
from storage.types import UtcDateTime

if TYPE_CHECKING:
    from storage.models.requests import FinancingRequest


class Bank(Base):
    """A bank of the managed list (银行名录): push target, and the bank of officer accounts.

    Pages and exports show `name`; a disabled bank (`active` false) takes no new pushes or
    officers but keeps its history. Names are unique across banks and aliases.
    """

    __tablename__ = "banks"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now, onupdate=_now)

    aliases: Mapped[list[BankAlias]] = relationship(
        back_populates="bank", order_by="BankAlias.name"
    )


class BankAlias(Base):
    """Another name of a listed bank: a free-text value grouped with it by migration 0007
    (`source` "migration", `reviewed` once an admin confirmed or corrected it), a former name
    ("rename"), a bank merged into it ("merge") or an ADMIN_BANKS entry ("settings")."""

    __tablename__ = "bank_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id"), index=True)
    source: Mapped[str] = mapped_column(String(20))
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)

    bank: Mapped[Bank] = relationship(back_populates="aliases")


class RequestBank(Base):
    """A push of a request to a listed bank, with that bank's recorded outcome.

    `pushed_as` is the bank's name when pushed (the free text for pushes before the managed
    list), so a corrected migration mapping can move exactly the pushes made under that name.
    """

    __tablename__ = "request_banks"
    __table_args__ = (UniqueConstraint("request_id", "pushed_as", name="uq_request_bank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("financing_requests.id"), index=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id"), index=True)
    pushed_as: Mapped[str] = mapped_column(String(64))
    pushed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)
    outcome: Mapped[str | None] = mapped_column(String(20), default=None)
    outcome_note: Mapped[str | None] = mapped_column(Text, default=None)

    request: Mapped[FinancingRequest] = relationship(back_populates="banks")
    bank: Mapped[Bank] = relationship(lazy="joined")
