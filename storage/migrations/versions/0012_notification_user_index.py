"""notification user index: one user's due notices without scanning the channel

- `ix_notifications_channel_user` on `notifications (channel, user_id)`: the check for waiting
  notices at the start of each chat turn (storage/turn_start.py) reads one user's rows; with
  the channel-only index it read every row of the channel, a cost growing with the outbox.

Revision ID: 0012_notification_user_index
Revises: 0011_message_meta
"""

from alembic import op

revision = "0012_notification_user_index"
down_revision = "0011_message_meta"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_notifications_channel_user", "notifications", ["channel", "user_id"])


def downgrade() -> None:
    op.drop_index("ix_notifications_channel_user", table_name="notifications")
