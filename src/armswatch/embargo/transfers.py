"""Resolving actors to parties and attaching findings to extracted transfers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from armswatch.embargo.book import EmbargoBook
from armswatch.embargo.loading import load_embargoes
from armswatch.embargo.records import ISO3, PARTIAL_DATE, Party, UnknownActorError


def party_for(actor_id: str) -> Party:
    """Resolve an ISO3 code or an actor slug to a Party."""
    record = _lookup_actor(actor_id)
    if record is None and ISO3.match(actor_id.upper()) and len(actor_id) == 3:
        record = _lookup_actor(actor_id.upper())
    if record is not None:
        return Party(record.id, record.type, record.country)
    if _actor_index_missing() and ISO3.match(actor_id):
        return Party(actor_id, "state", actor_id)
    raise UnknownActorError(f"unknown actor {actor_id!r}: use an ISO3 state code or a known "
                            "actor id")


def _actor_index() -> Any | None:
    try:
        from armswatch.knowledge.actors import load_actor_index  # written separately
    except ModuleNotFoundError as exc:
        if exc.name in ("armswatch.knowledge", "armswatch.knowledge.actors"):
            return None
        raise
    return load_actor_index()


def _actor_index_missing() -> bool:
    return _actor_index() is None


def _lookup_actor(actor_id: str) -> Any | None:
    index = _actor_index()
    return None if index is None else index.get(actor_id)


def parse_day(text: str | None) -> date | None:
    """An ISO date, or the first day of an ISO month or year; None if absent or unreadable."""
    match = PARTIAL_DATE.match(text or "")
    if not match:
        return None
    year, month, day = match.groups()
    try:
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


def transfer_date(transfer: Any, published: str | None) -> tuple[date | None, str]:
    """The transfer's own date, else its first dated claim's, else the publication date."""
    own = _when_day(transfer.when)
    if own:
        return own, "transfer"
    claim_days = (_when_day(c.when) for c in transfer.claims)
    claimed = next((d for d in claim_days if d), None)
    if claimed:
        return claimed, "claim"
    return parse_day(published), "published"


def _when_day(when: Any) -> date | None:
    if when is None:
        return None
    return parse_day(when.start) or parse_day(when.end)


def annotate_transfer(transfer: Any, parties: Mapping[str, Party], published: str | None,
                      book: EmbargoBook | None = None) -> list[dict]:
    """Findings for one model.Transfer; `parties` maps actor ids to Party."""
    on, basis = transfer_date(transfer, published)
    if on is None:
        return []
    book = book or load_embargoes()
    return book.check(_party(transfer.supplier, parties), _party(transfer.recipient, parties),
                      transfer.items, on, [_party(v, parties) for v in transfer.via],
                      transfer.status, basis)


def annotate_extraction(extraction: Any, book: EmbargoBook | None = None) -> Any:
    """Set `embargo` on every transfer of a model.Extraction (in place) and return it."""
    parties = parties_from_actors(extraction.actors)
    for transfer in extraction.transfers:
        transfer.embargo = annotate_transfer(transfer, parties, extraction.document.published,
                                             book)
    return extraction


def parties_from_actors(actors: Iterable[Any]) -> dict[str, Party]:
    return {a.id: Party(a.id, a.type, a.country) for a in actors}


def _party(actor_id: str | None, parties: Mapping[str, Party]) -> Party | None:
    if actor_id is None:
        return None
    if actor_id in parties:
        return parties[actor_id]
    try:
        return party_for(actor_id)
    except UnknownActorError:
        return None  # an unresolvable side is skipped like an unknown one

