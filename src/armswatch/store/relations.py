"""The record across reports: one relation per (supplier, recipient) pair.

Relations are derived rows. `refresh_relations` recomputes the pairs touched by transfers
not aggregated yet, inside the caller's transaction; the formulas are in docs/corpus.md.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from armswatch.store.models import Relation, StoredClaim, StoredDocument, StoredTransfer

UNKNOWN = "_"
LEVELS = ("actor", "state")
# Furthest stage first; a cancellation only stands when nothing further was reported.
STAGE_RANK = {"delivered": 4, "agreed": 3, "negotiating": 2, "possible": 1, "cancelled": 0}
CHUNK = 500
REPORTS_PER_STAGE = 10
EMBARGO_KEYS = ("embargo", "authority", "legal_status", "finding", "leg", "direction")


def pair_key(supplier: str | None, recipient: str | None) -> str:
    return f"{supplier or UNKNOWN}:{recipient or UNKNOWN}"


def split_key(key: str) -> tuple[str | None, str | None]:
    supplier, _, recipient = key.partition(":")
    return (None if supplier == UNKNOWN else supplier,
            None if recipient == UNKNOWN else recipient)


@dataclass
class Fact:
    """One stored transfer with what aggregation needs of its document and claims."""

    supplier: str | None
    recipient: str | None
    supplier_state: str | None
    recipient_state: str | None
    status: str
    items: list[str]
    via: list[str]
    date: str | None  # when the stage was reached, else when it was reported
    published: str | None
    document: int
    doc_id: str
    story: int
    outlet: str | None
    embargo: list[dict[str, Any]]
    claims: list[tuple[str, str]] = field(default_factory=list)  # (source, stance)


def independent_sources(facts: Iterable[Fact]) -> int:
    """Groups of reports that are copies of one story or come from one outlet."""
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for fact in facts:
        story = find(f"story:{fact.story}")
        if fact.outlet:
            parent[story] = find(f"outlet:{fact.outlet.lower()}")
    return len({find(node) for node in list(parent) if node.startswith("story:")})


def confidence(sources: int, asserting: int, denying: int) -> float:
    """(1 - 0.5^sources) * (asserting + 1) / (asserting + denying + 1), rounded to 3."""
    if sources <= 0:
        return 0.0
    return round((1 - 0.5 ** sources) * (asserting + 1) / (asserting + denying + 1), 3)


def furthest(statuses: Iterable[str]) -> str:
    return max(statuses, key=lambda status: STAGE_RANK.get(status, -1))


def _supported(fact: Fact) -> bool:
    """A stage counts unless every claim about it is a denial."""
    return not fact.claims or any(stance != "denies" for _, stance in fact.claims)


def _timeline(facts: Sequence[Fact]) -> list[dict[str, Any]]:
    stages: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        stages[fact.status].append(fact)
    timeline = []
    for status, group in stages.items():
        dates = sorted(fact.date for fact in group if fact.date)
        reports = sorted({fact.doc_id for fact in group})
        timeline.append({
            "status": status, "first": dates[0] if dates else None,
            "last": dates[-1] if dates else None,
            "documents": len({fact.document for fact in group}),
            "denied": not any(_supported(fact) for fact in group),
            "reports": reports[:REPORTS_PER_STAGE]})
    return sorted(timeline, key=lambda stage: (stage["first"] or "9999", -STAGE_RANK.get(
        stage["status"], -1)))


def _embargo(facts: Iterable[Fact]) -> list[dict[str, Any]]:
    found: dict[tuple[Any, ...], dict[str, Any]] = {}
    for fact in facts:
        for finding in fact.embargo:
            kept = {key: finding.get(key) for key in EMBARGO_KEYS if key in finding}
            found.setdefault(tuple(sorted((k, str(v)) for k, v in kept.items())), kept)
    return list(found.values())


def _most_common(values: Iterable[str | None]) -> str | None:
    counts: dict[str | None, int] = defaultdict(int)
    for value in values:
        counts[value] += 1
    return max(counts, key=lambda value: (counts[value], value or "")) if counts else None


def aggregate(level: str, key: str, facts: Sequence[Fact]) -> dict[str, Any]:
    """The relation row for one pair, from all its transfers."""
    supplier, recipient = split_key(key)
    supported = [fact for fact in facts if _supported(fact)] or list(facts)
    asserted = sorted({s for fact in facts for s, stance in fact.claims if stance == "asserts"})
    denied = sorted({s for fact in facts for s, stance in fact.claims if stance == "denies"})
    reported = sorted(fact.published or fact.date for fact in facts
                      if fact.published or fact.date)
    sources = independent_sources(facts)
    via: list[str] = []
    for fact in facts:
        via.extend(step for step in fact.via if step not in via)
    return {
        "level": level, "key": key, "supplier": supplier, "recipient": recipient,
        "supplier_state": _most_common(f.supplier_state for f in facts),
        "recipient_state": _most_common(f.recipient_state for f in facts),
        "status": furthest(fact.status for fact in supported),
        "statuses": _timeline(facts),
        "items": sorted({item for fact in facts for item in fact.items}),
        "via": via,
        "first_reported": reported[0] if reported else None,
        "last_reported": reported[-1] if reported else None,
        "transfers": len(facts),
        "documents": len({fact.document for fact in facts}),
        "stories": len({fact.story for fact in facts}),
        "outlets": len({fact.outlet.lower() for fact in facts if fact.outlet}),
        "independent_sources": sources,
        "asserted_by": asserted, "denied_by": denied,
        "confidence": confidence(sources, len(asserted), len(denied)),
        "embargo": _embargo(facts),
    }


def _load_facts(session: Session, level: str, keys: Sequence[str]) -> dict[str, list[Fact]]:
    column = StoredTransfer.actor_key if level == "actor" else StoredTransfer.state_key
    rows = session.execute(
        select(StoredTransfer.id, column, StoredTransfer.supplier, StoredTransfer.recipient,
               StoredTransfer.supplier_state, StoredTransfer.recipient_state,
               StoredTransfer.status, StoredTransfer.items, StoredTransfer.via,
               StoredTransfer.when_start, StoredTransfer.embargo, StoredDocument.published,
               StoredDocument.id, StoredDocument.doc_id, StoredDocument.duplicate_of,
               StoredDocument.outlet)
        .join(StoredDocument, StoredDocument.id == StoredTransfer.document_id)
        .where(column.in_(keys)).order_by(StoredTransfer.id))
    by_id: dict[int, Fact] = {}
    by_key: dict[str, list[Fact]] = defaultdict(list)
    for (tid, key, sup, rec, sup_state, rec_state, status, items, via, start, embargo,
         published, doc, doc_id, original, outlet) in rows:
        fact = Fact(sup, rec, sup_state, rec_state, status, items or [], via or [],
                    start or published, published, doc, doc_id, original or doc, outlet,
                    embargo or [])
        by_id[tid] = fact
        by_key[key].append(fact)
    ids = list(by_id)
    for start in range(0, len(ids), CHUNK):
        claims = session.execute(
            select(StoredClaim.transfer_id, StoredClaim.source, StoredClaim.stance)
            .where(StoredClaim.transfer_id.in_(ids[start:start + CHUNK]))
            .order_by(StoredClaim.id))
        for tid, source, stance in claims:
            by_id[tid].claims.append((source, stance))
    return by_key


def _rebuild(session: Session, level: str, keys: Sequence[str]) -> None:
    for start in range(0, len(keys), CHUNK):
        chunk = list(keys[start:start + CHUNK])
        facts = _load_facts(session, level, chunk)
        session.execute(delete(Relation).where(Relation.level == level,
                                               Relation.key.in_(chunk)))
        rows = [aggregate(level, key, facts[key]) for key in chunk if facts.get(key)]
        if rows:
            session.execute(Relation.__table__.insert(), rows)


def refresh_relations(session: Session) -> int:
    """Re-aggregate every pair with new transfers; returns how many transfers were new.

    Runs in the caller's transaction, so a crash leaves the pending flags for next time.
    """
    pending = session.execute(
        select(StoredTransfer.id, StoredTransfer.actor_key, StoredTransfer.state_key)
        .where(StoredTransfer.aggregated.is_(False))).all()
    if not pending:
        return 0
    _rebuild(session, "actor", sorted({row.actor_key for row in pending}))
    _rebuild(session, "state", sorted({row.state_key for row in pending}))
    ids = [row.id for row in pending]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        session.execute(update(StoredTransfer).where(StoredTransfer.id.in_(chunk))
                        .values(aggregated=True))
    return len(ids)


def rebuild_all(session: Session) -> None:
    """Mark every transfer pending and re-aggregate (after a formula change)."""
    session.execute(delete(Relation))
    session.execute(update(StoredTransfer).values(aggregated=False))
    refresh_relations(session)
