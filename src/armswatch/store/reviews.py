"""Analyst reviews of extracted transfers, the texts of reports, and gold export.

A review is keyed by the report's text hash and the transfer's position in it, not by row
ids, so it still applies after the report is ingested again (into this store or a rebuilt
one). Ingest keeps every report's text (`DocumentText`, defined with the other core tables);
reports stored before it did are read again from their original file when that still
matches (see `document_text`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from armswatch.errors import ArmswatchError
from armswatch.store.ingest import content_hash
from armswatch.store.models import Base, DocumentText, StoredDocument, StoredTransfer

VERDICTS = ("confirmed", "rejected")


class ReviewError(ArmswatchError):
    """A review that cannot be stored (unknown transfer or verdict)."""


class TransferReview(Base):
    """One analyst's verdict on one extracted transfer; the latest verdict wins."""

    __tablename__ = "transfer_reviews"
    __table_args__ = (UniqueConstraint("content_hash", "ordinal", name="uq_reviews_transfer"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    ordinal: Mapped[int] = mapped_column(Integer)
    doc_id: Mapped[str] = mapped_column(String(400))
    supplier: Mapped[str | None] = mapped_column(String(200))
    recipient: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    verdict: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[str] = mapped_column(String(32))


def review_json(review: TransferReview) -> dict[str, Any]:
    return {"verdict": review.verdict, "note": review.note, "reviewer": review.reviewer,
            "reviewed_at": review.reviewed_at, "status": review.status}


def save_review(session: Session, transfer_id: int, verdict: str, *, note: str | None = None,
                reviewer: str | None = None) -> dict[str, Any]:
    """Store (or replace) the verdict on a transfer; the caller commits."""
    if verdict not in VERDICTS:
        raise ReviewError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    transfer = session.get(StoredTransfer, transfer_id)
    if transfer is None:
        raise ReviewError(f"no transfer {transfer_id}")
    document = transfer.document
    review = session.scalar(select(TransferReview).where(
        TransferReview.content_hash == document.content_hash,
        TransferReview.ordinal == transfer.ordinal))
    if review is None:
        review = TransferReview(content_hash=document.content_hash, ordinal=transfer.ordinal)
        session.add(review)
    review.doc_id = document.doc_id
    review.supplier, review.recipient = transfer.supplier, transfer.recipient
    review.status, review.verdict = transfer.status, verdict
    review.note, review.reviewer = note, reviewer
    review.reviewed_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    session.flush()
    return {"transfer": transfer_id, **review_json(review)}


def reviews_by_transfer(session: Session, transfers: list[StoredTransfer]
                        ) -> dict[int, dict[str, Any]]:
    """Verdicts of the given transfers, by transfer row id."""
    hashes = {t.document.content_hash for t in transfers}
    if not hashes:
        return {}
    found = {(r.content_hash, r.ordinal): r for r in session.scalars(
        select(TransferReview).where(TransferReview.content_hash.in_(hashes)))}
    out = {}
    for transfer in transfers:
        review = found.get((transfer.document.content_hash, transfer.ordinal))
        if review is not None:
            out[transfer.id] = review_json(review)
    return out


def keep_text(session: Session, document_id: int, text: str) -> None:
    if session.get(DocumentText, document_id) is None:
        session.add(DocumentText(document_id=document_id, text=text))


def document_text(session: Session, document: StoredDocument) -> str | None:
    """The report's text: as kept, else re-read from its file when that still matches."""
    kept = session.get(DocumentText, document.id)
    if kept is not None:
        return kept.text
    text = _reread(document)
    if text is not None:
        keep_text(session, document.id, text)
        session.commit()
    return text


def _reread(document: StoredDocument) -> str | None:
    # Origins are written by ingest as "path" or "path:line"; only files on this machine
    # are read, and only a text whose hash equals the stored one is accepted.
    from armswatch.read import iter_documents

    origin = document.origin or ""
    path = Path(origin)
    if not path.is_file():
        path = Path(origin.rsplit(":", 1)[0])
    if not origin or not path.is_file():
        return None
    for item in iter_documents([path]):
        if getattr(item, "origin", None) == origin and content_hash(item.text) == \
                document.content_hash:
            return item.text
    return None


def gold_for_document(session: Session, document: StoredDocument) -> dict[str, Any] | None:
    """The report in the shared gold format, with the transfers an analyst confirmed."""
    text = document_text(session, document)
    if text is None:
        return None
    reviews = reviews_by_transfer(session, list(document.transfers))
    confirmed = [t for t in document.transfers
                 if reviews.get(t.id, {}).get("verdict") == "confirmed"]
    transfers, claims = [], []
    for transfer in confirmed:
        transfers.append({
            "supplier": transfer.supplier_state, "recipient": transfer.recipient_state,
            "status": transfer.status, "items": list(transfer.items),
            "via": list(transfer.via), "supplier_actor": transfer.supplier,
            "recipient_actor": transfer.recipient, "required": True})
        for claim in transfer.claims:
            claims.append({"source": claim.source, "stance": claim.stance,
                           "supplier": transfer.supplier_state,
                           "recipient": transfer.recipient_state, "required": True})
    return {"id": document.doc_id, "published": document.published, "title": document.title,
            "text": text, "transfers": transfers, "claims": _unique(claims),
            "provenance": {"note": "transfers confirmed by analysts in armswatch",
                           "reviewed": len(reviews), "confirmed": len(confirmed),
                           "extracted": len(document.transfers)}}


def _unique(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for row in rows:
        key = tuple(sorted(row.items()))
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def reviewed_documents(session: Session) -> list[StoredDocument]:
    """Stored reports with at least one reviewed transfer, oldest first."""
    hashes = select(TransferReview.content_hash).distinct()
    return list(session.scalars(select(StoredDocument)
                                .where(StoredDocument.content_hash.in_(hashes))
                                .order_by(StoredDocument.published, StoredDocument.id)))


def gold_files(session: Session) -> list[dict[str, Any]]:
    """Gold records of every reviewed report whose text is available."""
    golds = (gold_for_document(session, document) for document in reviewed_documents(session))
    return [gold for gold in golds if gold is not None]
