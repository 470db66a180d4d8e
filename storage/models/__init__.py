"""SQLAlchemy 2 models: conversations, financing requests, banks, staff, notifications,
subscriptions and knowledge admin, one module per domain.

Every model is re-exported here (`from storage.models import FinancingRequest`), and importing
the package registers every table on `Base.metadata`, which Alembic (storage/migrations/env.py)
compares the migrations against. A new model goes into the module of its domain and into the
list below.
"""

from storage.models.banks import Bank, BankAlias, RequestBank
from storage.models.base import Base
from storage.models.conversations import (
    Conversation,
    Handoff,
    Message,
    ProcessedMessage,
    SharedAnswer,
)
from storage.models.knowledge import GoldenQuestion, IndexVersion, QaVersion, StaffDocument
from storage.models.notifications import Notification
from storage.models.requests import (
    FinancingRequest,
    RefCounter,
    RequestEvent,
    SatisfactionSurvey,
    WhitelistEntry,
)
from storage.models.staff import AuditEntry, StaffSession, StaffUser
from storage.models.subscriptions import Subscription, SubscriptionNotice

__all__ = [
    "AuditEntry",
    "Bank",
    "BankAlias",
    "Base",
    "Conversation",
    "FinancingRequest",
    "GoldenQuestion",
    "Handoff",
    "IndexVersion",
    "Message",
    "Notification",
    "ProcessedMessage",
    "QaVersion",
    "RefCounter",
    "RequestBank",
    "RequestEvent",
    "SatisfactionSurvey",
    "SharedAnswer",
    "StaffDocument",
    "StaffSession",
    "StaffUser",
    "Subscription",
    "SubscriptionNotice",
    "WhitelistEntry",
]
