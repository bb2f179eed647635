"""Queries behind the web API and pages: pages of relations, detail views, search, graph.

Everything returns plain dicts ready for JSON. Relations are filtered exactly as
`armswatch relations` filters them (`RelationFilter`), plus sorting and pagination.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, String, cast, func, or_, select
from sqlalchemy.orm import Session, selectinload

from armswatch.store.models import (
    Relation,
    StoredActor,
    StoredClaim,
    StoredDocument,
    StoredTransfer,
)
from armswatch.store.queries import (
    QueryError,
    RelationFilter,
    actor_view,
    ensure_fresh,
    relation_json,
    stats,
)
from armswatch.store.relations import split_key
from armswatch.store.reviews import DocumentText, document_text, reviews_by_transfer

SORTABLE = {
    "confidence": Relation.confidence, "documents": Relation.documents,
    "independent_sources": Relation.independent_sources,
    "first_reported": Relation.first_reported, "last_reported": Relation.last_reported,
    "key": Relation.key, "status": Relation.status,
}
BREACH = "reported_breach"
MAX_PAGE = 500


def _filtered(wanted: RelationFilter) -> Select:
    wanted.check()
    query = select(Relation).where(Relation.level == wanted.level)
    by_state = wanted.level == "actor"  # at actor level a state also matches its actors
    if wanted.supplier:
        query = query.where(or_(Relation.supplier == wanted.supplier,
                                Relation.supplier_state == wanted.supplier) if by_state
                            else Relation.supplier == wanted.supplier)
    if wanted.recipient:
        query = query.where(or_(Relation.recipient == wanted.recipient,
                                Relation.recipient_state == wanted.recipient) if by_state
                            else Relation.recipient == wanted.recipient)
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


def page_relations(session: Session, wanted: RelationFilter, *, sort: str = "confidence",
                   descending: bool = True, offset: int = 0, limit: int = 50
                   ) -> dict[str, Any]:
    """One page of matching relations with the total count."""
    if sort not in SORTABLE:
        raise QueryError(f"sort must be one of {', '.join(SORTABLE)}, not {sort!r}")
    ensure_fresh(session)
    query = _filtered(wanted)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    column = SORTABLE[sort]
    order = column.desc() if descending else column.asc()
    limit = max(1, min(limit, MAX_PAGE))
    rows = session.scalars(query.order_by(order, Relation.key).offset(max(offset, 0))
                           .limit(limit))
    return {"total": int(total), "offset": offset, "limit": limit, "sort": sort,
            "order": "desc" if descending else "asc",
            "items": [relation_json(row) for row in rows]}


def document_brief(document: StoredDocument) -> dict[str, Any]:
    return {"id": document.id, "doc_id": document.doc_id, "title": document.title,
            "published": document.published, "source": document.source,
            "outlet": document.outlet, "copy_of": document.duplicate_of}


def claim_json(claim: StoredClaim) -> dict[str, Any]:
    return {"id": claim.id, "source": claim.source, "stance": claim.stance,
            "status": claim.status, "cue": claim.cue, "when": claim.when_start,
            "start": claim.evidence_start, "end": claim.evidence_end,
            "sentence": claim.evidence_text}


def transfer_json(transfer: StoredTransfer, review: dict[str, Any] | None) -> dict[str, Any]:
    return {"id": transfer.id, "supplier": transfer.supplier, "recipient": transfer.recipient,
            "supplier_state": transfer.supplier_state,
            "recipient_state": transfer.recipient_state, "status": transfer.status,
            "items": list(transfer.items), "via": list(transfer.via),
            "when": {"text": transfer.when_text, "start": transfer.when_start,
                     "end": transfer.when_end},
            "embargo": list(transfer.embargo), "review": review,
            "document": document_brief(transfer.document),
            "claims": [claim_json(claim) for claim in transfer.claims]}


def _transfers(session: Session, condition, limit: int | None = None) -> list[dict[str, Any]]:
    query = (select(StoredTransfer).join(StoredDocument)
             .where(condition)
             .options(selectinload(StoredTransfer.claims),
                      selectinload(StoredTransfer.document))
             .order_by(StoredDocument.published, StoredDocument.id, StoredTransfer.ordinal))
    if limit:
        query = query.limit(limit)
    transfers = list(session.scalars(query))
    reviews = reviews_by_transfer(session, transfers)
    return [transfer_json(t, reviews.get(t.id)) for t in transfers]


def relation_detail(session: Session, key: str, level: str = "actor") -> dict[str, Any] | None:
    """A relation with its transfers, every claim behind them, denials and findings."""
    RelationFilter(level=level).check()
    ensure_fresh(session)
    relation = session.scalar(select(Relation).where(Relation.level == level,
                                                     Relation.key == key))
    if relation is None:
        return None
    column = StoredTransfer.actor_key if level == "actor" else StoredTransfer.state_key
    transfers = _transfers(session, column == key)
    denials = [dict(claim, transfer=t["id"], document=t["document"])
               for t in transfers for claim in t["claims"] if claim["stance"] == "denies"]
    supplier, recipient = split_key(key)
    return {"relation": relation_json(relation), "supplier": supplier, "recipient": recipient,
            "timeline": relation.statuses, "transfers": transfers, "denials": denials,
            "embargo": relation.embargo}


def actor_detail(session: Session, actor: str, claims_limit: int = 100
                 ) -> dict[str, Any] | None:
    """An actor's relations both ways plus the transfers that name it, oldest first."""
    known = session.get(StoredActor, actor)
    view = actor_view(session, actor)
    if known is None and not view["supplies"] and not view["receives"]:
        return None
    names = [actor, *view["includes"]]
    condition = or_(StoredTransfer.supplier.in_(names), StoredTransfer.recipient.in_(names))
    view["transfers"] = _transfers(session, condition, claims_limit)
    return view


def document_detail(session: Session, document_id: int) -> dict[str, Any] | None:
    """A report with its text (when available) and every transfer and claim span in it."""
    document = session.get(StoredDocument, document_id)
    if document is None:
        return None
    out = document_brief(document)
    out["text"] = document_text(session, document)
    out["length"] = document.length
    out["transfers"] = _transfers(session, StoredTransfer.document_id == document_id)
    return out


def latest_documents(session: Session, limit: int = 10) -> list[dict[str, Any]]:
    rows = session.scalars(select(StoredDocument).order_by(
        StoredDocument.published.desc(), StoredDocument.id.desc()).limit(limit))
    return [document_brief(row) for row in rows]


def _has_findings(relation: Relation) -> bool:
    return bool(relation.embargo)


def overview(session: Session, limit: int = 20) -> dict[str, Any]:
    """Counts, the latest reports, and relations with embargo findings first."""
    numbers = stats(session)
    relations = list(session.scalars(select(Relation).where(Relation.level == "actor")
                                     .order_by(Relation.confidence.desc(), Relation.key)))
    relations.sort(key=lambda r: not _has_findings(r))  # stable: keeps confidence order
    return {"stats": numbers, "latest": latest_documents(session),
            "relations": [relation_json(r) for r in relations[:limit]]}


def search(session: Session, text: str, limit: int = 20) -> dict[str, Any]:
    """Reports whose title, text or evidence contains `text`; actors by id or name."""
    needle = f"%{text.strip().lower()}%"
    in_evidence = select(StoredTransfer.document_id).join(StoredClaim).where(
        func.lower(StoredClaim.evidence_text).like(needle))
    in_text = select(DocumentText.document_id).where(func.lower(DocumentText.text).like(needle))
    documents = session.scalars(
        select(StoredDocument).where(or_(func.lower(StoredDocument.title).like(needle),
                                         StoredDocument.id.in_(in_evidence),
                                         StoredDocument.id.in_(in_text)))
        .order_by(StoredDocument.published.desc(), StoredDocument.id).limit(limit))
    actors = session.scalars(
        select(StoredActor).where(or_(func.lower(StoredActor.id).like(needle),
                                      func.lower(StoredActor.name).like(needle)))
        .order_by(StoredActor.id).limit(limit))
    return {"query": text,
            "documents": [document_brief(d) for d in documents],
            "actors": [{"id": a.id, "name": a.name, "type": a.type, "state": a.state}
                       for a in actors]}


def _breach(relation: dict[str, Any]) -> bool:
    return any(finding.get("finding") == BREACH for finding in relation["embargo"])


def network(session: Session, wanted: RelationFilter) -> dict[str, Any]:
    """Actors as nodes and matching relations as directed edges (sides named only)."""
    ensure_fresh(session)
    relations = [relation_json(r) for r in session.scalars(
        _filtered(wanted).order_by(Relation.confidence.desc(), Relation.key))]
    relations = [r for r in relations if r["supplier"] and r["recipient"]]
    ids = sorted({r["supplier"] for r in relations} | {r["recipient"] for r in relations})
    known = {a.id: a for a in session.scalars(select(StoredActor)
                                              .where(StoredActor.id.in_(ids)))}
    nodes = [{"id": i, "label": known[i].name if i in known else i,
              "type": known[i].type if i in known else "state",
              "state": known[i].state if i in known else i} for i in ids]
    edges = [{"id": r["id"], "from": r["supplier"], "to": r["recipient"], "status": r["status"],
              "breach": _breach(r), "independent_sources": r["independent_sources"],
              "confidence": r["confidence"], "items": r["items"],
              "first_reported": r["first_reported"], "last_reported": r["last_reported"]}
             for r in relations]
    return {"level": wanted.level, "nodes": nodes, "edges": edges}


def embargo_findings(session: Session) -> list[dict[str, Any]]:
    """Relations with embargo findings, grouped by embargo."""
    ensure_fresh(session)
    groups: dict[str, dict[str, Any]] = {}
    for relation in session.scalars(select(Relation).where(Relation.level == "actor")
                                     .order_by(Relation.key)):
        for finding in relation.embargo:
            group = groups.setdefault(finding.get("embargo", "?"), {
                "embargo": finding.get("embargo"), "authority": finding.get("authority"),
                "relations": [], "findings": {}})
            if relation.key not in group["relations"]:
                group["relations"].append(relation.key)
            kind = finding.get("finding", "?")
            group["findings"][kind] = group["findings"].get(kind, 0) + 1
    return sorted(groups.values(), key=lambda g: (-len(g["relations"]), str(g["embargo"])))
