"""Owners' opt-ins to notices on a topic and the notices queued for them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, _now
from storage.types import UtcDateTime


class Subscription(Base):
    """An owner's opt-in to notices on a topic (bot/subscriptions/topics.py), per channel user.

    `created_at` and `channel` record the opt-in; `source` says how the topic was chosen
    ("profile": suggested from the conversation, "chosen": a button or typed topic);
    a 退订 stamps `cancelled_at` (a new 订阅 clears it and stamps `created_at` again).
    """

    __tablename__ = "subscriptions"
    __table_args__ = (UniqueConstraint("channel", "user_id", "topic", name="uq_subscription"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(128), index=True)
    topic: Mapped[str] = mapped_column(String(40), index=True)
    source: Mapped[str] = mapped_column(String(20), default="chosen")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)
    cancelled_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)


class SubscriptionNotice(Base):
    """A notice queued for a subscriber: at most one per person and Beijing day (the unique
    key makes that hold across instances); `key` names what it was about (a publication's
    version, or `expiry:<document>:<valid_until>` so an end is announced once)."""

    __tablename__ = "subscription_notices"
    __table_args__ = (
        UniqueConstraint("channel", "user_id", "day", name="uq_subscription_notice_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(128))
    day: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(20))  # update | expiry
    key: Mapped[str] = mapped_column(String(200), index=True)
    notification_id: Mapped[int | None] = mapped_column(
        ForeignKey("notifications.id"), default=None
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)
