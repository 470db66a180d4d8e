"""qa editor: versions of staff-edited Q&A entries (the newest per entry is the current one)

Revision ID: 0010_qa_editor
Revises: 0009_subscriptions
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_qa_editor"
down_revision = "0009_subscriptions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "qa_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.String(80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(80), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_label", sa.String(40), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("entry_id", "version", name="uq_qa_version"),
    )
    op.create_index("ix_qa_versions_entry_id", "qa_versions", ["entry_id"])
    op.create_index("ix_qa_versions_created_at", "qa_versions", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_qa_versions_created_at", table_name="qa_versions")
    op.drop_index("ix_qa_versions_entry_id", table_name="qa_versions")
    op.drop_table("qa_versions")
