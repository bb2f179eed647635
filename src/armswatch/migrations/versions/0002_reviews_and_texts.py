"""Add transfer reviews and report texts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# The review model lives in its own module (report texts are in models.py); importing it
# registers it on the shared metadata, so comparing models with a migrated database sees it.
import armswatch.store.reviews  # noqa: F401

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "transfer_reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("doc_id", sa.String(length=400), nullable=False),
        sa.Column("supplier", sa.String(length=200), nullable=True),
        sa.Column("recipient", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("reviewer", sa.String(length=200), nullable=True),
        sa.Column("reviewed_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash", "ordinal", name="uq_reviews_transfer"),
    )
    with op.batch_alter_table("transfer_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transfer_reviews_content_hash"),
                              ["content_hash"], unique=False)
    op.create_table(
        "document_texts",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id"),
    )


def downgrade() -> None:
    op.drop_table("document_texts")
    with op.batch_alter_table("transfer_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transfer_reviews_content_hash"))
    op.drop_table("transfer_reviews")
