"""Create documents, actors, transfers, claims and relations.

Revision ID: 0001
Revises:
Create Date: 2026-11-27 11:17:50.926548
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=200), nullable=True),
        sa.Column("state", sa.String(length=200), nullable=False),
        sa.Column("wikidata", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actors_state"), ["state"], unique=False)

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("doc_id", sa.String(length=400), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=10), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(length=200), nullable=True),
        sa.Column("origin", sa.Text(), nullable=True),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=True),
        sa.Column("duplicate_of", sa.Integer(), nullable=True),
        sa.Column("similarity", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["duplicate_of"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("content_hash"),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_documents_duplicate_of"), ["duplicate_of"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_documents_published"), ["published"], unique=False)

    op.create_table(
        "relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=5), nullable=False),
        sa.Column("key", sa.String(length=401), nullable=False),
        sa.Column("supplier", sa.String(length=200), nullable=True),
        sa.Column("recipient", sa.String(length=200), nullable=True),
        sa.Column("supplier_state", sa.String(length=200), nullable=True),
        sa.Column("recipient_state", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("statuses", sa.JSON(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("via", sa.JSON(), nullable=False),
        sa.Column("first_reported", sa.String(length=10), nullable=True),
        sa.Column("last_reported", sa.String(length=10), nullable=True),
        sa.Column("transfers", sa.Integer(), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("stories", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.Integer(), nullable=False),
        sa.Column("independent_sources", sa.Integer(), nullable=False),
        sa.Column("asserted_by", sa.JSON(), nullable=False),
        sa.Column("denied_by", sa.JSON(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("embargo", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("level", "key", name="uq_relations_level_key"),
    )
    with op.batch_alter_table("relations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_relations_independent_sources"), ["independent_sources"], unique=False
        )
        batch_op.create_index(
            "ix_relations_level_confidence", ["level", "confidence"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_relations_recipient"), ["recipient"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_relations_recipient_state"), ["recipient_state"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_relations_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_relations_supplier"), ["supplier"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_relations_supplier_state"), ["supplier_state"], unique=False
        )

    op.create_table(
        "transfers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("supplier", sa.String(length=200), nullable=True),
        sa.Column("recipient", sa.String(length=200), nullable=True),
        sa.Column("supplier_state", sa.String(length=200), nullable=True),
        sa.Column("recipient_state", sa.String(length=200), nullable=True),
        sa.Column("actor_key", sa.String(length=401), nullable=False),
        sa.Column("state_key", sa.String(length=401), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("via", sa.JSON(), nullable=False),
        sa.Column("when_text", sa.Text(), nullable=True),
        sa.Column("when_start", sa.String(length=10), nullable=True),
        sa.Column("when_end", sa.String(length=10), nullable=True),
        sa.Column("embargo", sa.JSON(), nullable=False),
        sa.Column("aggregated", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("transfers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_transfers_actor_key"), ["actor_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_transfers_aggregated"), ["aggregated"], unique=False)
        batch_op.create_index(batch_op.f("ix_transfers_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_transfers_state_key"), ["state_key"], unique=False)

    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("transfer_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("stance", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("when_text", sa.Text(), nullable=True),
        sa.Column("when_start", sa.String(length=10), nullable=True),
        sa.Column("when_end", sa.String(length=10), nullable=True),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["transfer_id"],
            ["transfers.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_transfer_id"), ["transfer_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_transfer_id"))

    op.drop_table("claims")
    with op.batch_alter_table("transfers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_transfers_state_key"))
        batch_op.drop_index(batch_op.f("ix_transfers_document_id"))
        batch_op.drop_index(batch_op.f("ix_transfers_aggregated"))
        batch_op.drop_index(batch_op.f("ix_transfers_actor_key"))

    op.drop_table("transfers")
    with op.batch_alter_table("relations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relations_supplier_state"))
        batch_op.drop_index(batch_op.f("ix_relations_supplier"))
        batch_op.drop_index(batch_op.f("ix_relations_status"))
        batch_op.drop_index(batch_op.f("ix_relations_recipient_state"))
        batch_op.drop_index(batch_op.f("ix_relations_recipient"))
        batch_op.drop_index("ix_relations_level_confidence")
        batch_op.drop_index(batch_op.f("ix_relations_independent_sources"))

    op.drop_table("relations")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_published"))
        batch_op.drop_index(batch_op.f("ix_documents_duplicate_of"))

    op.drop_table("documents")
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actors_state"))

    op.drop_table("actors")
