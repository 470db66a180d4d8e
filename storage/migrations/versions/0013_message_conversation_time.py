"""message conversation time index: a conversation's newest message in one index entry

- `ix_messages_conversation_created` on `messages (conversation_id, created_at)` replaces
  `ix_messages_conversation_id` (its first column serves the same lookups). The start of each
  chat turn (storage/turn_start.py) reads the newest message time of the conversation; on
  PostgreSQL the planner walked `ix_messages_created_at` backwards from the newest message of
  any conversation, filtering by conversation (0.8 ms and 683 buffers per turn after 5,000
  messages, growing with the table and with the time since the visitor's last message).

Revision ID: 0013_message_conversation_time
Revises: 0012_notification_user_index
"""

from alembic import op

revision = "0013_message_conversation_time"
down_revision = "0012_notification_user_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_messages_conversation_created", "messages", ["conversation_id", "created_at"]
    )
    op.drop_index("ix_messages_conversation_id", table_name="messages")


def downgrade() -> None:
    op.create_index("ix_messages_conversation_id", "messages", ["conversation_id"])
    op.drop_index("ix_messages_conversation_created", table_name="messages")
