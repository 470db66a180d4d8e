"""message meta: a bot answer's reading move and refusal family

- `messages.meta` (JSON, nullable): {"move": the reading's move, "refusal": the scope family
  that declined the question, or "no_evidence"}; 需要改进的回答 tells refusals by design
  and refused follow-ups from it (storage/qa_misses.py).

Revision ID: 0011_message_meta
Revises: 0010_qa_editor
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_message_meta"
down_revision = "0010_qa_editor"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("meta", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("meta")
