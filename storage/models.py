"""SQLAlchemy 2 models: conversations, financing requests, staff, audit and knowledge admin."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from core import clock
from storage.types import UtcDateTime


def _now() -> datetime:
    """The clock's current instant for column defaults (`core.clock.now`, looked up per call)."""
    return clock.now()


class Base(DeclarativeBase):
    """Declarative base of every table; every `datetime` column is a `UtcDateTime` (aware UTC)."""

    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON, datetime: UtcDateTime}


class Conversation(Base):
    """One user's conversation on one channel; `state` holds the engine's state as JSON."""

    __tablename__ = "conversations"
    __table_args__ = (UniqueConstraint("channel", "user_id", name="uq_conversation_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(128))
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now, onupdate=_now)


class Message(Base):
    """One message of a conversation transcript (in = from the user, out = from the bot)."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    direction: Mapped[str] = mapped_column(String(3))
    text: Mapped[str] = mapped_column(Text)
    intent: Mapped[str | None] = mapped_column(String(32), default=None)
    in_scope: Mapped[bool | None] = mapped_column(Boolean, default=None)
    top_score: Mapped[float | None] = mapped_column(Float, default=None)
    citations: Mapped[list[Any]] = mapped_column(default=list)
    feedback: Mapped[int | None] = mapped_column(Integer, default=None)  # +1 / -1
    # Out messages: the buttons shown with it, [{"label", "value"}] (None before migration 0007),
    # so a transcript shows a pressed button's label where the message holds its value.
    buttons: Mapped[list[Any] | None] = mapped_column(JSON, default=None)
    # Bot answers: how the owner's message was read and declined, {"move": "continue"|"return"|
    # "switch"|"new", "refusal": scope family or "no_evidence"} (None before migration 0011).
    meta: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now, index=True)


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


class Notification(Base):
    """Outbox of messages to deliver to a user on their channel (status changes, staff replies).

    Claimed and finished by `storage.notifications`: `available_at` is when the row is due again
    (the end of a claim's lease or of a retry's back-off), `claim_token` who holds it meanwhile.
    """

    __tablename__ = "notifications"

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


class ProcessedMessage(Base):
    """Inbound channel messages already handled (WeChat retries), with the reply given."""

    __tablename__ = "processed_messages"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), default="processing")
    reply: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)


class SharedAnswer(Base):
    """A full answer reachable on the web at /a/{id} (for channels that must shorten)."""

    __tablename__ = "shared_answers"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    citations: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)


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


class WhitelistEntry(Base):
    """An enterprise on the financing whitelist (白名单), keyed by credit code."""

    __tablename__ = "whitelist"

    id: Mapped[int] = mapped_column(primary_key=True)
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    company_name: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(Text, default="")
    added_by: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)


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


class Handoff(Base):
    """A conversation handed to a person (转人工): open until staff or the owner close it."""

    __tablename__ = "handoffs"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[str] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)  # open / closed
    reason: Mapped[str] = mapped_column(String(20), default="asked")  # asked / offer
    claimed_by: Mapped[str | None] = mapped_column(String(64), default=None)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    first_reply_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    last_user_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime(), default=None)
    closed_by: Mapped[str | None] = mapped_column(String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now, index=True)


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


class StaffDocument(Base):
    """A document uploaded by staff, shared by every instance (indexed with the packaged ones)."""

    __tablename__ = "staff_documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    updated_by: Mapped[str | None] = mapped_column(String(64), default=None)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=_now)


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
