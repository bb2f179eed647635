"""Ingest: read reports, extract the transfers, store them in batches.

Each batch of documents, with their texts, transfers and claims, is written in one
transaction, so a run killed at any moment leaves only whole documents behind. A document whose text
hash is already stored is skipped before extraction, so re-running the same command
finishes the work without doing any of it twice.

Extraction is a seam: anything with the `ExtractFn` shape (an iterator of Documents in,
an iterator of Extractions out, in the same order) can replace the local process pool,
e.g. a distributed runner.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from armswatch.errors import InputError
from armswatch.model import Actor, Document, Extraction, Transfer
from armswatch.store import dedup
from armswatch.store.db import Store
from armswatch.store.models import (
    DocumentText,
    StoredActor,
    StoredClaim,
    StoredDocument,
    StoredTransfer,
)
from armswatch.store.relations import pair_key, refresh_relations

ExtractFn = Callable[[Iterable[Document]], Iterator[Extraction]]
BATCH_SIZE = 64
UNKNOWN = "_"


def local_extract(model: str | None = None, workers: int = 1) -> ExtractFn:
    """The extractor of this package, run in `workers` processes."""
    from armswatch.extract import Extractor  # loading the NLP model is slow: only when used

    extractor = Extractor(model)

    def run(documents: Iterable[Document]) -> Iterator[Extraction]:
        return extractor.extract(documents, workers=workers)

    return run


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def outlet_of(source: str | None) -> str | None:
    """The outlet behind a source: a URL's host (without www.), else the name given."""
    if not source:
        return None
    source = source.strip()
    if "://" in source:
        host = urlsplit(source).hostname or ""
        return host.removeprefix("www.") or None
    return source[:200]


@dataclass
class IngestReport:
    """What one run did; `errors` holds one message per unreadable input."""

    read: int = 0
    skipped: int = 0
    stored: int = 0
    duplicates: int = 0
    transfers: int = 0
    claims: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0

    def to_json(self) -> dict[str, object]:
        return {"read": self.read, "skipped": self.skipped, "stored": self.stored,
                "duplicates": self.duplicates, "transfers": self.transfers,
                "claims": self.claims, "errors": len(self.errors),
                "seconds": round(self.seconds, 3), "documents_per_second": round(self.rate, 2)}


class Ingestor:
    """Stores extractions batch by batch; `on_progress(report)` fires after each batch."""

    def __init__(self, store: Store, extract: ExtractFn, *, batch_size: int = BATCH_SIZE,
                 on_progress: Callable[[IngestReport], None] | None = None,
                 on_error: Callable[[InputError], None] | None = None) -> None:
        self.store = store
        self.extract = extract
        self.batch_size = batch_size
        self.on_progress = on_progress or (lambda _report: None)
        self.on_error = on_error or (lambda _error: None)
        self.report = IngestReport()
        self.index = dedup.NearDuplicateIndex()
        self.known_actors: set[str] = set()
        self.seen_hashes: set[str] = set()

    def run(self, inputs: Iterable[Document | InputError]) -> IngestReport:
        started = time.perf_counter()
        self._load_state()
        batch: list[Extraction] = []
        for extraction in self.extract(self._new_documents(inputs)):
            batch.append(extraction)
            if len(batch) >= self.batch_size:
                self._write(batch)
                batch = []
                self.report.seconds = time.perf_counter() - started
                self.on_progress(self.report)
        if batch:
            self._write(batch)
        # Also finishes the aggregation a killed run may have left pending.
        with self.store.session() as session:
            refresh_relations(session)
            session.commit()
        self.report.seconds = time.perf_counter() - started
        self.on_progress(self.report)
        return self.report

    def _load_state(self) -> None:
        with self.store.session() as session:
            self.known_actors = set(session.scalars(select(StoredActor.id)))
            rows = session.execute(select(StoredDocument.id, StoredDocument.signature,
                                          StoredDocument.duplicate_of)
                                   .order_by(StoredDocument.id)).yield_per(2000)
            self.index.load(rows)

    def _new_documents(self, inputs: Iterable[Document | InputError]) -> Iterator[Document]:
        """The documents not stored yet, checked against the store a chunk at a time."""
        iterator = iter(inputs)
        while chunk := list(islice(iterator, self.batch_size)):
            documents: dict[str, Document] = {}
            for item in chunk:
                if isinstance(item, InputError):
                    self.report.errors.append(str(item))
                    self.on_error(item)
                    continue
                self.report.read += 1
                digest = content_hash(item.text)
                if digest in self.seen_hashes or digest in documents:
                    self.report.skipped += 1
                else:
                    documents[digest] = item
            with self.store.session() as session:
                stored = set(session.scalars(select(StoredDocument.content_hash).where(
                    StoredDocument.content_hash.in_(list(documents)))))
            self.report.skipped += len(stored)
            for digest, document in documents.items():
                if digest not in stored:
                    self.seen_hashes.add(digest)
                    yield document

    def _write(self, batch: list[Extraction]) -> None:
        counts = IngestReport()
        added_actors: set[str] = set()
        with self.store.session() as session:
            for extraction in batch:
                self._add(session, extraction, counts, added_actors)
            session.commit()
        self.known_actors |= added_actors
        self.report.stored += len(batch)
        self.report.duplicates += counts.duplicates
        self.report.transfers += counts.transfers
        self.report.claims += counts.claims

    def _add(self, session: Session, extraction: Extraction, counts: IngestReport,
             added_actors: set[str]) -> None:
        """One document with its text, new actors, transfers and claims (not committed)."""
        row, values = self._document_row(extraction.document)
        actors = {actor.id: actor for actor in extraction.actors}
        for actor in actors.values():
            if actor.id not in self.known_actors and actor.id not in added_actors:
                session.add(_actor_row(actor))
                added_actors.add(actor.id)
        # Attached before the flush: on a flushed row the collection would be loaded first.
        row.transfers = [_transfer_row(transfer, ordinal, actors)
                         for ordinal, transfer in enumerate(extraction.transfers)]
        session.add(row)
        session.flush()  # assigns the id that later copies and the text link to
        session.add(DocumentText(document_id=row.id, text=extraction.document.text))
        self.index.add(row.id, values, row.duplicate_of)
        counts.duplicates += row.duplicate_of is not None
        counts.transfers += len(row.transfers)
        counts.claims += sum(len(transfer.claims) for transfer in row.transfers)

    def _document_row(self, document: Document) -> tuple[StoredDocument, object]:
        values = dedup.signature(document.text)
        match = self.index.find(values)
        row = StoredDocument(
            content_hash=content_hash(document.text), doc_id=document.id[:400],
            title=document.title, published=(document.published or "")[:10] or None,
            source=document.source, outlet=outlet_of(document.source),
            origin=document.origin, length=len(document.text),
            signature=dedup.to_bytes(values),
            duplicate_of=match.original if match else None,
            similarity=round(match.similarity, 4) if match else None)
        return row, values


def _actor_row(actor: Actor) -> StoredActor:
    return StoredActor(id=actor.id, name=actor.name, type=actor.type, country=actor.country,
                       state=actor.state, wikidata=actor.wikidata)


def state_of(actor_id: str | None, actors: dict[str, Actor]) -> str | None:
    """The state level of an actor named in this extraction (ids without an entry stand
    for themselves, as ISO3 state codes do)."""
    if actor_id is None:
        return None
    actor = actors.get(actor_id)
    return actor.state if actor else actor_id


def _transfer_row(transfer: Transfer, ordinal: int, actors: dict[str, Actor]) -> StoredTransfer:
    supplier_state = state_of(transfer.supplier, actors)
    recipient_state = state_of(transfer.recipient, actors)
    when = transfer.when
    row = StoredTransfer(
        ordinal=ordinal, supplier=transfer.supplier, recipient=transfer.recipient,
        supplier_state=supplier_state, recipient_state=recipient_state,
        actor_key=pair_key(transfer.supplier, transfer.recipient),
        state_key=pair_key(supplier_state, recipient_state),
        status=transfer.status, items=sorted(set(transfer.items)), via=list(transfer.via),
        when_text=when.text if when else None, when_start=when.start if when else None,
        when_end=when.end if when else None, embargo=list(transfer.embargo or []),
        aggregated=False)
    for claim in transfer.claims:
        claim_when = claim.when
        row.claims.append(StoredClaim(
            source=claim.source, stance=claim.stance, status=claim.status, cue=claim.cue,
            when_text=claim_when.text if claim_when else None,
            when_start=claim_when.start if claim_when else None,
            when_end=claim_when.end if claim_when else None,
            evidence_start=claim.evidence.start, evidence_end=claim.evidence.end,
            evidence_text=claim.evidence.text))
    return row
