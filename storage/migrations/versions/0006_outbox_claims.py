"""outbox claims: a lease / back-off instant and the claim token of each notification

Revision ID: 0006_outbox
Revises: 0005_scale
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_outbox"
down_revision = "0005_scale"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("notifications") as batch:
        batch.add_column(sa.Column("available_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("claim_token", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("notifications") as batch:
        batch.drop_column("claim_token")
        batch.drop_column("available_at")
