"""Financing requests (融资需求登记): the request, its reference counter, its workflow history,
the satisfaction question after its outcome, and the financing whitelist."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, _now
from storage.types import UtcDateTime

if TYPE_CHECKING:
    from storage.models.banks import RequestBank


class RefCounter(Base):
    """Per-day counter behind reference numbers like RZ-20261127-0001."""

    __tablename__ = "ref_counters"

    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class FinancingRequest(Base):
    """A financing request (融资需求登记) submitted on any channel."""

    __tablename__ = "financing_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(20), unique=True)
    token: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="submitted", index=True)
    company_name: Mapped[str] = mapped_column(String(100))
    credit_code: Mapped[str] = mapped_column(String(18), index=True)
    county: Mapped[str] = mapped_column(String(10))
    industry: Mapped[str] = mapped_column(String(10))
    contact_name: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str] = mapped_column(String(20))
    amount_wan: Mapped[float] = mapped_column(Float)
    purpose: Mapped[str] = mapped_column(String(20))
    term_months: Mapped[int] = mapped_column(Integer)
    guarantee: Mapped[str] = mapped_column(String(20))
    product: Mapped[str] = mapped_column(String(20))
    renewal_due: Mapped[bool] = mapped_column(Boolean)
    first_loan: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(Text, default="")
    consent: Mapped[bool] = mapped_column(Boolean)
    channel: Mapped[str] = mapped_column(String(20))
    channel_user_id: Mapped[str | None] = mapped_column(String(128), default=None)
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id"), default=None
    )
    duplicate_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("financing_requests.id"), default=None
    )
    idempotency_key: Mapped[str | None] = mapped_column(String(128), unique=True, default=None)
    recommendations: Mapped[list[Any]] = mapped_column(default=list)
    granted_amount_wan: Mapped[float | None] = mapped_column(Float, default=None)
    granted_date: Mapped[date | None] = mapped_column(Date, default=None)
    granted_product: Mapped[str | None] = mapped_column(String(50), default=None)
    decline_reason: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now, index=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now, onupdate=_now)
    # The owner confirmed a credit code failing the GB 32100 check as printed on the licence.
    credit_code_unverified: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )

    duplicate_of: Mapped[FinancingRequest | None] = relationship(remote_side=[id])
    events: Mapped[list[RequestEvent]] = relationship(
        back_populates="request", order_by="RequestEvent.id"
    )
    banks: Mapped[list[RequestBank]] = relationship(
        back_populates="request", order_by="RequestBank.id"
    )


class RequestEvent(Base):
    """One step of a request's workflow history, with the staff member's note."""

    __tablename__ = "request_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("financing_requests.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20), default=None)
    to_status: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str | None] = mapped_column(String(64), default=None)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)

    request: Mapped[FinancingRequest] = relationship(back_populates="events")


class SatisfactionSurvey(Base):
    """The one satisfaction question (1-5) a firm gets after its request's outcome."""

    __tablename__ = "satisfaction_surveys"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("financing_requests.id"), unique=True, index=True
    )
    channel: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(128), index=True)
    outcome: Mapped[str] = mapped_column(String(20))
    score: Mapped[int | None] = mapped_column(Integer, default=None)
    asked_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)


class WhitelistEntry(Base):
    """An enterprise on the financing whitelist (白名单), keyed by credit code."""

    __tablename__ = "whitelist"

    id: Mapped[int] = mapped_column(primary_key=True)
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    company_name: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(Text, default="")
    added_by: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)
