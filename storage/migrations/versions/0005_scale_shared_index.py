"""shared index: staff documents and published index bundles in the database

Revision ID: 0005_scale
Revises: 0004_form
"""

from alembic import op
import sqlalchemy as sa


revision = '0005_scale'
down_revision = "0004_form"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('staff_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name', name='uq_staff_document_name')
    )
    with op.batch_alter_table('index_versions') as batch:
        batch.add_column(sa.Column('bundle', sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('index_versions') as batch:
        batch.drop_column('bundle')
    op.drop_table('staff_documents')
