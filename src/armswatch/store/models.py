"""SQLAlchemy models of the corpus store.

Documents with their full texts, the actors they name, the transfers extracted from them
and the claims behind each transfer are stored as ingested. `Relation` rows are derived:
they aggregate every transfer of one (supplier, recipient) pair and are refreshed from the
transfers whose `aggregated` flag is still false (see `relations.py`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class StoredDocument(Base):
    """One ingested report; `duplicate_of` links a near-duplicate to its original story."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    doc_id: Mapped[str] = mapped_column(String(400))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    source: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    origin: Mapped[str | None] = mapped_column(Text)
    length: Mapped[int] = mapped_column(Integer)
    # MinHash signature (uint64 values) so later runs can find near-duplicates of old reports.
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    duplicate_of: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id"), index=True
    )
    similarity: Mapped[float | None] = mapped_column(Float)

    transfers: Mapped[list[StoredTransfer]] = relationship(
        back_populates="document", cascade="all, delete-orphan"
    )

    @property
    def story_id(self) -> int:
        """The original story this report belongs to (itself when it is an original)."""
        return self.duplicate_of or self.id


class DocumentText(Base):
    """The full text of a stored report, which evidence offsets point into."""

    __tablename__ = "document_texts"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    text: Mapped[str] = mapped_column(Text)


class StoredActor(Base):
    """An actor id as first seen; `state` is its state-level id."""

    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(200), index=True)
    wikidata: Mapped[str | None] = mapped_column(String(40))


class StoredTransfer(Base):
    __tablename__ = "transfers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    supplier: Mapped[str | None] = mapped_column(String(200))
    recipient: Mapped[str | None] = mapped_column(String(200))
    supplier_state: Mapped[str | None] = mapped_column(String(200))
    recipient_state: Mapped[str | None] = mapped_column(String(200))
    # "SUPPLIER:RECIPIENT" at actor and at state level: the relation each transfer feeds.
    actor_key: Mapped[str] = mapped_column(String(401), index=True)
    state_key: Mapped[str] = mapped_column(String(401), index=True)
    status: Mapped[str] = mapped_column(String(20))
    items: Mapped[list[str]] = mapped_column(JSON)
    via: Mapped[list[str]] = mapped_column(JSON)
    when_text: Mapped[str | None] = mapped_column(Text)
    when_start: Mapped[str | None] = mapped_column(String(10))
    when_end: Mapped[str | None] = mapped_column(String(10))
    embargo: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    aggregated: Mapped[bool] = mapped_column(Boolean, default=False, index=True)

    document: Mapped[StoredDocument] = relationship(back_populates="transfers")
    claims: Mapped[list[StoredClaim]] = relationship(
        back_populates="transfer", cascade="all, delete-orphan"
    )


class StoredClaim(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    transfer_id: Mapped[int] = mapped_column(ForeignKey("transfers.id"), index=True)
    source: Mapped[str] = mapped_column(String(200))
    stance: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    cue: Mapped[str | None] = mapped_column(Text)
    when_text: Mapped[str | None] = mapped_column(Text)
    when_start: Mapped[str | None] = mapped_column(String(10))
    when_end: Mapped[str | None] = mapped_column(String(10))
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    evidence_text: Mapped[str] = mapped_column(Text)

    transfer: Mapped[StoredTransfer] = relationship(back_populates="claims")


class Relation(Base):
    """Everything known about one supplier -> recipient pair, at actor or state level."""

    __tablename__ = "relations"
    __table_args__ = (
        UniqueConstraint("level", "key", name="uq_relations_level_key"),
        Index("ix_relations_level_confidence", "level", "confidence"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    level: Mapped[str] = mapped_column(String(5))  # "actor" or "state"
    key: Mapped[str] = mapped_column(String(401))  # "SUPPLIER:RECIPIENT"
    supplier: Mapped[str | None] = mapped_column(String(200), index=True)
    recipient: Mapped[str | None] = mapped_column(String(200), index=True)
    supplier_state: Mapped[str | None] = mapped_column(String(200), index=True)
    recipient_state: Mapped[str | None] = mapped_column(String(200), index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    statuses: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    items: Mapped[list[str]] = mapped_column(JSON)
    via: Mapped[list[str]] = mapped_column(JSON)
    first_reported: Mapped[str | None] = mapped_column(String(10))
    last_reported: Mapped[str | None] = mapped_column(String(10))
    transfers: Mapped[int] = mapped_column(Integer)
    documents: Mapped[int] = mapped_column(Integer)
    stories: Mapped[int] = mapped_column(Integer)
    outlets: Mapped[int] = mapped_column(Integer)
    independent_sources: Mapped[int] = mapped_column(Integer, index=True)
    asserted_by: Mapped[list[str]] = mapped_column(JSON)
    denied_by: Mapped[list[str]] = mapped_column(JSON)
    confidence: Mapped[float] = mapped_column(Float)
    embargo: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
