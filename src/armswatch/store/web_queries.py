"""Queries behind the web API and pages: pages of relations, detail views, search, graph.

Everything returns plain dicts ready for JSON. Relations are filtered exactly as
`armswatch relations` filters them (`RelationFilter`), plus sorting and pagination.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Select, func, literal_column, or_, select
from sqlalchemy import text as text_sql
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, selectinload

from armswatch.store.models import (
    DocumentText,
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
    relation_query,
    stats,
)
from armswatch.store.relations import split_key
from armswatch.store.reviews import document_text, reviews_by_transfer

SORTABLE = {
    "confidence": Relation.confidence, "documents": Relation.documents,
    "independent_sources": Relation.independent_sources,
    "first_reported": Relation.first_reported, "last_reported": Relation.last_reported,
    "key": Relation.key, "status": Relation.status,
}
BREACH = "reported_breach"
MAX_PAGE = 500
WORD = re.compile(r"\w+")
# Private-use characters mark matched words in snippets; they never occur in news text.
HIT_START, HIT_END = "\ue000", "\ue001"
HIT_RUN = re.compile(f"({HIT_START}[^{HIT_END}]*{HIT_END})")
PG_CONFIG = "english"
PG_HEADLINE = (f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=35, MinWords=15, "
               'MaxFragments=2, FragmentDelimiter=" … "')
# SQLite full text: one FTS5 row per report (rowid = documents.id), title weighted above body.
FTS_CHUNK = 500
FTS_EXISTS = "SELECT 1 FROM sqlite_master WHERE name = 'search_index'"
FTS_CREATE = ("CREATE VIRTUAL TABLE search_index USING fts5(title, body, has_text UNINDEXED, "
              "tokenize = 'porter unicode61 remove_diacritics 2')")
FTS_GONE = "SELECT rowid FROM search_index WHERE rowid NOT IN (SELECT id FROM documents)"
FTS_STALE = ("SELECT d.id FROM documents AS d "
             "LEFT JOIN search_index AS s ON s.rowid = d.id "
             "LEFT JOIN document_texts AS t ON t.document_id = d.id "
             "WHERE s.rowid IS NULL OR (s.has_text = 0 AND t.document_id IS NOT NULL)")
FTS_DELETE = "DELETE FROM search_index WHERE rowid = :id"
FTS_INSERT = ("INSERT INTO search_index (rowid, title, body, has_text) "
              "VALUES (:id, :title, :body, :has_text)")
FTS_QUERY = ("SELECT rowid, snippet(search_index, 1, :start, :end, ' … ', 24) "
             "FROM search_index WHERE search_index MATCH :match "
             "ORDER BY bm25(search_index, 5.0, 1.0), rowid LIMIT :limit")


def _filtered(wanted: RelationFilter) -> Select:
    return relation_query(wanted)


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
    """Reports ranked by full-text match on title and text; actors by id or name.

    `engine` says which search answered: "fts5" (SQLite), "postgresql" (to_tsvector), or
    "like" (substring match) when neither is available. Each report carries a `snippet`:
    runs of its text, `hit` marking matched words (None when the engine gives none).
    """
    documents, engine = _search_documents(session, text, limit)
    actors = session.scalars(
        select(StoredActor).where(or_(_contains(StoredActor.id, text),
                                      _contains(StoredActor.name, text)))
        .order_by(StoredActor.id).limit(limit))
    return {"query": text, "engine": engine, "documents": documents,
            "actors": [{"id": a.id, "name": a.name, "type": a.type, "state": a.state}
                       for a in actors]}


def _search_documents(session: Session, text: str, limit: int
                      ) -> tuple[list[dict[str, Any]], str]:
    words = WORD.findall(text)
    engines = {"sqlite": ("fts5", _fts5_hits), "postgresql": ("postgresql", _postgres_hits)}
    engine, full_text = engines.get(session.get_bind().dialect.name, ("like", None))
    if words and full_text is not None:
        try:
            return _with_snippets(session, full_text(session, words, text, limit)), engine
        except DBAPIError:  # no FTS5 in this SQLite build, a read-only file, ...
            session.rollback()
    briefs = [dict(document_brief(d), snippet=None) for d in _like_hits(session, text, limit)]
    return briefs, "like"


def _contains(column, text: str) -> Any:
    """Case-insensitive substring test; % and _ typed by the user match only themselves."""
    escaped = text.strip().lower()
    for special in ("\\", "%", "_"):
        escaped = escaped.replace(special, "\\" + special)
    return func.lower(column).like(f"%{escaped}%", escape="\\")


def _like_hits(session: Session, text: str, limit: int) -> list[StoredDocument]:
    in_evidence = select(StoredTransfer.document_id).join(StoredClaim).where(
        _contains(StoredClaim.evidence_text, text))
    in_text = select(DocumentText.document_id).where(_contains(DocumentText.text, text))
    return list(session.scalars(
        select(StoredDocument).where(or_(_contains(StoredDocument.title, text),
                                         StoredDocument.id.in_(in_evidence),
                                         StoredDocument.id.in_(in_text)))
        .order_by(StoredDocument.published.desc(), StoredDocument.id).limit(limit)))


def _with_snippets(session: Session, hits: list[tuple[int, str | None]]
                   ) -> list[dict[str, Any]]:
    """Hits in rank order as report briefs with their snippet runs."""
    ids = [document_id for document_id, _ in hits]
    documents = {d.id: d for d in session.scalars(
        select(StoredDocument).where(StoredDocument.id.in_(ids)))}
    return [dict(document_brief(documents[i]), snippet=snippet_runs(snippet))
            for i, snippet in hits if i in documents]


def snippet_runs(snippet: str | None) -> list[dict[str, Any]] | None:
    """Split a snippet with hit marks into runs of text, each flagged as hit or not."""
    if not snippet or not snippet.strip():
        return None
    runs = []
    for piece in HIT_RUN.split(snippet):
        hit = piece.startswith(HIT_START)
        piece = piece.replace(HIT_START, "").replace(HIT_END, "")
        if piece:
            runs.append({"text": piece, "hit": hit})
    return runs


def _evidence_of(document_id) -> Any:
    """Every evidence sentence of a report, joined: its searchable body while no text is kept."""
    return (select(func.aggregate_strings(StoredClaim.evidence_text, " "))
            .join(StoredTransfer, StoredClaim.transfer_id == StoredTransfer.id)
            .where(StoredTransfer.document_id == document_id).scalar_subquery())


def _postgres_hits(session: Session, _words: list[str], text: str, limit: int
                   ) -> list[tuple[int, str | None]]:
    # Computed per query rather than kept in an index column: no migration is needed, and
    # a GIN index over the same expression would speed it up without changing this code.
    config = literal_column(f"'{PG_CONFIG}'::regconfig")
    body = func.coalesce(DocumentText.text, _evidence_of(StoredDocument.id), "")
    title = func.coalesce(StoredDocument.title, "")
    # Words of the title weigh more than words of the body ('A' over 'B').
    vector = func.setweight(func.to_tsvector(config, title), literal_column("'A'")).op("||")(
        func.setweight(func.to_tsvector(config, body), literal_column("'B'")))
    query = func.plainto_tsquery(config, text)
    rank = func.ts_rank(vector, query)
    rows = session.execute(
        select(StoredDocument.id, func.ts_headline(config, body, query, PG_HEADLINE))
        .outerjoin(DocumentText, DocumentText.document_id == StoredDocument.id)
        .where(vector.op("@@")(query))
        .order_by(rank.desc(), StoredDocument.id).limit(limit))
    return [(row[0], row[1]) for row in rows]


def _fts5_hits(session: Session, words: list[str], _text: str, limit: int
               ) -> list[tuple[int, str | None]]:
    _refresh_fts5(session)
    # Each word quoted: whatever the user typed is never read as FTS5 query syntax.
    match = " ".join(f'"{word}"' for word in words)
    rows = session.execute(text_sql(FTS_QUERY), {
        "match": match, "limit": limit, "start": HIT_START, "end": HIT_END})
    return [(row[0], row[1]) for row in rows]


def _refresh_fts5(session: Session) -> None:
    """Bring the FTS5 index up to date: new reports, and reports whose text came later.

    The index is derived data, like `relations`: rebuilt from documents at any time. Writes
    happen only when something changed, so a read-only store can still be searched.
    """
    try:
        if session.execute(text_sql(FTS_EXISTS)).first() is None:
            session.execute(text_sql(FTS_CREATE))
        gone = list(session.scalars(text_sql(FTS_GONE)))
        stale = list(session.scalars(text_sql(FTS_STALE)))
        for start in range(0, len(gone), FTS_CHUNK):
            _fts5_delete(session, gone[start:start + FTS_CHUNK])
        for start in range(0, len(stale), FTS_CHUNK):
            _fts5_index(session, stale[start:start + FTS_CHUNK])
        session.commit()
    except DBAPIError:
        # Another process is writing, or the file is read-only: search what is indexed.
        session.rollback()


def _fts5_delete(session: Session, ids: list[int]) -> None:
    session.execute(text_sql(FTS_DELETE), [{"id": i} for i in ids])


def _fts5_index(session: Session, ids: list[int]) -> None:
    rows = session.execute(
        select(StoredDocument.id, StoredDocument.title, DocumentText.text,
               _evidence_of(StoredDocument.id))
        .outerjoin(DocumentText, DocumentText.document_id == StoredDocument.id)
        .where(StoredDocument.id.in_(ids)))
    _fts5_delete(session, ids)
    session.execute(text_sql(FTS_INSERT), [
        {"id": document_id, "title": title or "", "body": kept or evidence or "",
         "has_text": int(kept is not None)}
        for document_id, title, kept, evidence in rows])


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
