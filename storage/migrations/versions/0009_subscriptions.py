"""subscriptions: owners' opt-ins to topic notices, and the notices queued for them

- `subscriptions`: channel, user, topic, how it was chosen, when (opt-in) and when cancelled.
- `subscription_notices`: one row per notice queued (unique per person and Beijing day), with
  what it was about and its outbox row.

Revision ID: 0009_subscriptions
Revises: 0007_banks
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_subscriptions"
down_revision = "0007_banks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("user_id", sa.String(128), nullable=False),
        sa.Column("topic", sa.String(40), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("channel", "user_id", "topic", name="uq_subscription"),
    )
    op.create_index("ix_subscriptions_user_id", "subscriptions", ["user_id"])
    op.create_index("ix_subscriptions_topic", "subscriptions", ["topic"])
    op.create_table(
        "subscription_notices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("user_id", sa.String(128), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("notification_id", sa.Integer(), sa.ForeignKey("notifications.id")),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("channel", "user_id", "day", name="uq_subscription_notice_day"),
    )
    op.create_index("ix_subscription_notices_key", "subscription_notices", ["key"])


def downgrade() -> None:
    op.drop_index("ix_subscription_notices_key", "subscription_notices")
    op.drop_table("subscription_notices")
    op.drop_index("ix_subscriptions_topic", "subscriptions")
    op.drop_index("ix_subscriptions_user_id", "subscriptions")
    op.drop_table("subscriptions")
