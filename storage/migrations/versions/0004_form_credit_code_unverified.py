"""financing_requests.credit_code_unverified: a credit code confirmed as printed on the licence

Revision ID: 0004_form
Revises: 0003_handoff
"""

from alembic import op
import sqlalchemy as sa


revision = "0004_form"
down_revision = "0003_handoff"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("financing_requests", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "credit_code_unverified", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("financing_requests", schema=None) as batch_op:
        batch_op.drop_column("credit_code_unverified")
