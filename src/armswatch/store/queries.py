"""Read side of the store: relations, evidence, actors and counts as plain dicts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, String, cast, func, or_, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from armswatch.errors import ArmswatchError
from armswatch.store.models import (
    Relation,
    StoredActor,
    StoredClaim,
    StoredDocument,
    StoredTransfer,
)
from armswatch.store.relations import LEVELS, STAGE_RANK, refresh_relations

RELATION_FIELDS = (
    "id", "level", "supplier", "recipient", "supplier_state", "recipient_state", "status",
    "statuses", "items", "via", "first_reported", "last_reported", "transfers", "documents",
    "stories", "outlets", "independent_sources", "asserted_by", "denied_by", "confidence",
    "embargo",
)


class QueryError(ArmswatchError):
    """A filter value that cannot be used (unknown level or status)."""


@dataclass
class RelationFilter:
    """Filters of `armswatch relations`; None means no constraint."""

    level: str = "actor"
    supplier: str | None = None
    recipient: str | None = None
    status: str | None = None
    item: str | None = None
    since: str | None = None
    until: str | None = None
    min_sources: int | None = None
    limit: int | None = None

    def check(self) -> None:
        if self.level not in LEVELS:
            raise QueryError(f"level must be one of {', '.join(LEVELS)}, not {self.level!r}")
        if self.status and self.status not in STAGE_RANK:
            raise QueryError(f"status must be one of {', '.join(STAGE_RANK)}, "
                             f"not {self.status!r}")


def ensure_fresh(session: Session) -> None:
    """Aggregate transfers a killed ingest left pending (a no-op when there are none).

    On a store that cannot be written (read-only, locked) the last aggregation is served.
    """
    try:
        if refresh_relations(session):
            session.commit()
    except SQLAlchemyError:
        session.rollback()


def relation_json(relation: Relation) -> dict[str, Any]:
    out = {name: getattr(relation, name) for name in RELATION_FIELDS if name != "id"}
    out["id"] = relation.key
    return {name: out[name] for name in RELATION_FIELDS}


def _side(column, state_column, value: str, level: str):
    # At actor level a state also matches the actors that roll up to it (Wagner -> RUS).
    if level == "actor":
        return or_(column == value, state_column == value)
    return column == value


def relation_query(wanted: RelationFilter) -> Select:
    """The relations matching every filter, unordered (shared with the web queries)."""
    wanted.check()
    query = select(Relation).where(Relation.level == wanted.level)
    if wanted.supplier:
        query = query.where(_side(Relation.supplier, Relation.supplier_state,
                                  wanted.supplier, wanted.level))
    if wanted.recipient:
        query = query.where(_side(Relation.recipient, Relation.recipient_state,
                                  wanted.recipient, wanted.level))
    if wanted.status:
        query = query.where(Relation.status == wanted.status)
    if wanted.item:
        query = query.where(cast(Relation.items, String).like(f'%"{wanted.item}"%'))
    if wanted.since:
        query = query.where(Relation.last_reported >= wanted.since)
    if wanted.until:
        query = query.where(Relation.first_reported <= wanted.until)
    if wanted.min_sources:
        query = query.where(Relation.independent_sources >= wanted.min_sources)
    return query


def find_relations(session: Session, wanted: RelationFilter) -> list[dict[str, Any]]:
    """Relations matching every filter, most confident first."""
    query = relation_query(wanted)
    ensure_fresh(session)
    query = query.order_by(Relation.confidence.desc(), Relation.documents.desc(), Relation.key)
    if wanted.limit:
        query = query.limit(wanted.limit)
    return [relation_json(relation) for relation in session.scalars(query)]


def get_relation(session: Session, key: str, level: str = "actor") -> dict[str, Any] | None:
    ensure_fresh(session)
    relation = session.scalar(select(Relation).where(Relation.level == level,
                                                     Relation.key == key))
    return relation_json(relation) if relation else None


def evidence(session: Session, key: str, level: str = "actor",
             status: str | None = None) -> list[dict[str, Any]]:
    """Every claim sentence behind a relation, oldest report first."""
    column = StoredTransfer.actor_key if level == "actor" else StoredTransfer.state_key
    query = (
        select(StoredClaim, StoredTransfer.status, StoredTransfer.supplier,
               StoredTransfer.recipient, StoredDocument)
        .join(StoredTransfer, StoredTransfer.id == StoredClaim.transfer_id)
        .join(StoredDocument, StoredDocument.id == StoredTransfer.document_id)
        .where(column == key)
        .order_by(StoredDocument.published, StoredDocument.id, StoredClaim.id))
    if status:
        query = query.where(StoredTransfer.status == status)
    out = []
    for claim, transfer_status, supplier, recipient, document in session.execute(query):
        out.append({
            "transfer_status": transfer_status, "supplier": supplier, "recipient": recipient,
            "source": claim.source, "stance": claim.stance, "claim_status": claim.status,
            "cue": claim.cue, "sentence": claim.evidence_text,
            "start": claim.evidence_start, "end": claim.evidence_end,
            "when": claim.when_start, "document": document.doc_id, "title": document.title,
            "outlet": document.outlet, "published": document.published,
            "copy_of": _original_doc_id(session, document.duplicate_of)})
    return out


def _original_doc_id(session: Session, original: int | None) -> str | None:
    if original is None:
        return None
    return session.scalar(select(StoredDocument.doc_id).where(StoredDocument.id == original))


def actor_view(session: Session, actor: str) -> dict[str, Any]:
    """What an actor supplies and receives, with whom; a state also gets its state view."""
    ensure_fresh(session)
    known = session.get(StoredActor, actor)
    is_state = known is None or known.type == "state"
    level = "state" if is_state else "actor"
    supplies = session.scalars(select(Relation).where(
        Relation.level == level, Relation.supplier == actor)
        .order_by(Relation.first_reported, Relation.key))
    receives = session.scalars(select(Relation).where(
        Relation.level == level, Relation.recipient == actor)
        .order_by(Relation.first_reported, Relation.key))
    members = session.scalars(select(StoredActor.id).where(
        StoredActor.state == actor, StoredActor.id != actor).order_by(StoredActor.id))
    return {
        "actor": actor, "name": known.name if known else actor,
        "type": known.type if known else "state", "state": known.state if known else actor,
        "level": level, "includes": list(members) if is_state else [],
        "supplies": [relation_json(r) for r in supplies],
        "receives": [relation_json(r) for r in receives],
    }


def stats(session: Session) -> dict[str, Any]:
    ensure_fresh(session)

    def count(query) -> int:
        return int(session.scalar(query) or 0)

    documents = count(select(func.count()).select_from(StoredDocument))
    duplicates = count(select(func.count()).select_from(StoredDocument)
                       .where(StoredDocument.duplicate_of.is_not(None)))
    return {
        "documents": documents, "duplicates": duplicates, "originals": documents - duplicates,
        "transfers": count(select(func.count()).select_from(StoredTransfer)),
        "claims": count(select(func.count()).select_from(StoredClaim)),
        "relations": count(select(func.count()).select_from(Relation)
                           .where(Relation.level == "actor")),
        "state_relations": count(select(func.count()).select_from(Relation)
                                 .where(Relation.level == "state")),
        "actors": count(select(func.count()).select_from(StoredActor)),
        "outlets": count(select(func.count(func.distinct(StoredDocument.outlet)))),
        "first_published": session.scalar(select(func.min(StoredDocument.published))),
        "last_published": session.scalar(select(func.max(StoredDocument.published))),
    }
