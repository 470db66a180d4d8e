"""The outbox of messages to deliver to users on their channels."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, _now
from storage.types import UtcDateTime


class Notification(Base):
    """Outbox of messages to deliver to a user on their channel (status changes, staff replies).

    Claimed and finished by `storage.notifications`: `available_at` is when the row is due again
    (the end of a claim's lease or of a retry's back-off), `claim_token` who holds it meanwhile.
    """

    __tablename__ = "notifications"
    # The turn-start check reads one user's due rows (storage/turn_start.py): without the pair,
    # it scanned every row of the channel.
    __table_args__ = (Index("ix_notifications_channel_user", "channel", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20), index=True)
    user_id: Mapped[str] = mapped_column(String(128))
    text: Mapped[str] = mapped_column(Text)
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("financing_requests.id"), default=None
    )
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)
    available_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    claim_token: Mapped[str | None] = mapped_column(String(32), default=None)
