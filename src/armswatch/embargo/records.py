"""The embargo facts as typed records, and who each authority binds."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from armswatch.errors import ArmswatchError

FINDING_BY_STATUS = {
    "delivered": "reported_breach",
    "agreed": "would_breach",
    "negotiating": "would_breach",
    "possible": "would_breach",
    "cancelled": "cancelled",
}
DATE_BASES = ("transfer", "claim", "published", "given")
SUPPLY, PROCUREMENT = "to_target", "from_target"
ISO3 = re.compile(r"^[A-Z]{3}$")
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")



class UnknownActorError(ArmswatchError):
    """An actor id is neither a known actor nor an ISO3 state code."""


@dataclass(frozen=True)
class Party:
    """An actor as the reasoning needs it."""

    id: str  # ISO3 for states, slug otherwise
    type: str  # "state" or another actor type
    country: str | None  # ISO3 state level (equals id for states)

    @property
    def state(self) -> str | None:
        return self.id if self.type == "state" else self.country

    @property
    def is_state(self) -> bool:
        return self.type == "state"


@dataclass(frozen=True)
class Instrument:
    ref: str
    date: str
    effect: str

    def to_json(self) -> dict[str, str]:
        return {"ref": self.ref, "date": self.date, "effect": self.effect}


@dataclass(frozen=True)
class Ban:
    covers: tuple[str, ...]
    items: frozenset[str]


@dataclass(frozen=True)
class Phase:
    start: date
    end: date | None  # exclusive; None = open
    applies_to: str
    government_exempt: bool | str
    supply: Ban | None
    procurement: Ban | None
    legal_status: str
    states: tuple[str, ...]
    instruments: tuple[Instrument, ...]
    exemptions: str | None
    scope_note: str | None
    disputed: str | None
    state_recipient_doubt: str | None

    def covers_date(self, on: date) -> bool:
        return self.start <= on and (self.end is None or on < self.end)

    def near_boundary(self, on: date) -> bool:
        """Source dates may be a day off, so a date next to an edge deserves a caveat."""
        edges = [self.start, self.end] if self.end else [self.start]
        return any(abs((on - edge).days) <= 1 for edge in edges)

    def to_json(self) -> dict[str, Any]:
        directions = [name for name, ban in ((SUPPLY, self.supply),
                                             (PROCUREMENT, self.procurement)) if ban]
        return {"from": self.start.isoformat(), "to": self.end.isoformat() if self.end else None,
                "directions": directions, "applies_to": self.applies_to,
                "government_exempt": self.government_exempt, "states": list(self.states),
                "supply_covers": list(self.supply.covers) if self.supply else None,
                "procurement_covers": (list(self.procurement.covers)
                                       if self.procurement else None),
                "exemptions": self.exemptions, "disputed": self.disputed}


@dataclass(frozen=True)
class Embargo:
    id: str
    authority: str
    name: str
    legal_status: str
    kind: str
    groups: tuple[str, ...]
    area: str | None
    status: str
    confidence: str
    renewal_due: date | None
    phases: tuple[Phase, ...]
    source: str
    note: str | None

    def phase_on(self, on: date) -> Phase | None:
        return next((p for p in self.phases if p.covers_date(on)), None)


@dataclass(frozen=True)
class InForce:
    """One embargo with the phase that applies on the asked date."""

    embargo: Embargo
    phase: Phase

    def to_json(self) -> dict[str, Any]:
        e, p = self.embargo, self.phase
        return {"embargo": e.id, "name": e.name, "authority": e.authority,
                "legal_status": p.legal_status, "status": e.status, "groups": list(e.groups),
                "area": e.area, "phase": p.to_json(),
                "instruments": [i.to_json() for i in p.instruments]}



class Membership:
    """Which states each authority binds, with EU accession and exit dates."""

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self._raw = raw
        self._by_state: dict[str, dict[str, list[Any]]] = {}

    def binds(self, authority: str, state: str | None, on: date) -> bool:
        entry = self._raw.get(authority)
        if entry is None or state is None:
            return False
        if entry.get("everyone"):
            return state not in entry.get("except", [])
        return any(_member_on(m, state, on) for m in self._members_named(authority, state))

    def _members_named(self, authority: str, state: str) -> list[Any]:
        """The membership entries of one state, indexed once: checks run per transfer leg."""
        index = self._by_state
        if authority not in index:
            by_state: dict[str, list[Any]] = {}
            for member in self._raw[authority].get("members", []):
                code = member if isinstance(member, str) else member["state"]
                by_state.setdefault(code, []).append(member)
            index[authority] = by_state
        return index[authority].get(state, [])


def _member_on(member: str | Mapping[str, Any], state: str, on: date) -> bool:
    if isinstance(member, str):
        return member == state
    until = member["until"]  # inclusive: the last day the state was bound
    return (member["state"] == state and parse_iso_day(member["from"]) <= on
            and (until is None or on <= parse_iso_day(until)))



def parse_iso_day(text: str) -> date:
    """A full ISO date as written in the data file."""
    return date.fromisoformat(text)
