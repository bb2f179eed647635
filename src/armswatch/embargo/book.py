"""The reasoning: which embargo phases a transfer leg falls under, and the findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from armswatch.embargo.records import (
    DATE_BASES,
    FINDING_BY_STATUS,
    PROCUREMENT,
    SUPPLY,
    Ban,
    Embargo,
    InForce,
    Membership,
    Party,
    Phase,
)


class EmbargoBook:
    """All embargoes with the reasoning that checks transfers against them."""

    def __init__(self, version: str, items: Sequence[str], membership: Membership,
                 embargoes: Sequence[Embargo]) -> None:
        self.version = version
        self.items = tuple(items)
        self.membership = membership
        self.embargoes = tuple(embargoes)

    def get(self, embargo_id: str) -> Embargo | None:
        return next((e for e in self.embargoes if e.id == embargo_id), None)

    def in_force(self, on: date, target: str | None = None) -> list[InForce]:
        """Embargoes with a phase covering `on`, optionally only those naming `target`."""
        active = []
        for embargo in self.embargoes:
            phase = embargo.phase_on(on)
            if phase is None:
                continue
            if target is None or target in phase.states or target in embargo.groups:
                active.append(InForce(embargo, phase))
        return sorted(active, key=lambda a: a.embargo.id)

    def check(self, supplier: Party | None, recipient: Party | None, items: Sequence[str],
              on: date, via: Sequence[Party] = (), status: str = "delivered",
              date_basis: str = "given") -> list[dict]:
        """JSON-ready findings for every leg of the route, sorted by leg then embargo id."""
        if status not in FINDING_BY_STATUS:
            raise ValueError(f"unknown transfer status {status!r}")
        if date_basis not in DATE_BASES:
            raise ValueError(f"unknown date basis {date_basis!r}")
        wanted = list(items) or ["unspecified"]
        active = self.in_force(on)
        findings: list[dict] = []
        for index, (giver, taker) in enumerate(route_legs(supplier, via, recipient)):
            if giver is None or taker is None or giver.id == taker.id:
                continue  # an unknown side cannot be judged; a self-leg is no transfer
            for entry in active:
                for match in self._leg_matches(entry, giver, taker, wanted, on):
                    findings.append(_finding(entry, match, index, giver, taker, on, status,
                                             date_basis))
        return sorted(findings, key=lambda f: (f["leg_index"], f["embargo"], f["direction"]))

    def _leg_matches(self, entry: InForce, giver: Party, taker: Party, items: list[str],
                     on: date) -> list[Match]:
        found = [_supply_match(self.membership, entry, giver, taker, items, on),
                 _procurement_match(self.membership, entry, giver, taker, items, on)]
        return [m for m in found if m is not None]


def route_legs(supplier: Party | None, via: Sequence[Party],
               recipient: Party | None) -> list[tuple[Party | None, Party | None]]:
    """China -> North Korea -> Russia gives (China, North Korea) and (North Korea, Russia)."""
    stops = [supplier, *via, recipient]
    return list(zip(stops, stops[1:], strict=False))


# ---------------------------------------------------------------- matching one leg


@dataclass(frozen=True)
class Match:
    direction: str
    items: tuple[str, ...]
    reasons: tuple[str, ...]  # non-empty -> the finding is `unclear`


def _supply_match(members: Membership, entry: InForce, giver: Party, taker: Party,
                  items: list[str], on: date) -> Match | None:
    phase = entry.phase
    if phase.supply is None or not members.binds(entry.embargo.authority, giver.state, on):
        return None
    scope = _recipient_scope(entry.embargo, phase, taker)
    if scope is None:
        return None
    return _with_items(SUPPLY, phase.supply, items, scope, phase)


def _procurement_match(members: Membership, entry: InForce, giver: Party, taker: Party,
                       items: list[str], on: date) -> Match | None:
    phase = entry.phase
    if phase.procurement is None or giver.state not in phase.states:
        return None
    if taker.state in phase.states:
        return None  # trade inside the target is not procurement from it
    if not members.binds(entry.embargo.authority, taker.state, on):
        return None
    return _with_items(PROCUREMENT, phase.procurement, items, [], phase)


def _with_items(direction: str, ban: Ban, items: list[str], reasons: list[str],
                phase: Phase) -> Match | None:
    matched = tuple(i for i in items if i in ban.items)
    if not matched and "unspecified" not in items:
        return None
    if not matched:
        # "weapons" without detail only surely fall under an all-arms ban
        reasons = [*reasons, "items unspecified; this phase covers only "
                   + ", ".join(ban.covers)]
    if phase.disputed:
        reasons = [*reasons, phase.disputed]
    return Match(direction, matched, tuple(reasons))


def _recipient_scope(embargo: Embargo, phase: Phase, taker: Party) -> list[str] | None:
    """None if the recipient is outside the target; else the reasons for doubt (maybe none)."""
    in_country = taker.state in phase.states
    named = taker.id in embargo.groups
    rule = phase.applies_to
    if rule == "listed":
        if named:
            return []
        if taker.is_state and in_country and phase.state_recipient_doubt:
            return [phase.state_recipient_doubt]
        return None
    if not (in_country or named):
        return None
    if rule in ("area", "area_non_governmental"):
        if rule == "area_non_governmental" and taker.is_state:
            return None  # the government is exempt
        return [f"the embargo covers only {embargo.area or 'part of the country'}, which the "
                "recipient's ISO code cannot place"]
    if not taker.is_state:
        return []
    if rule == "non_governmental" and phase.government_exempt is not False:
        return _government_doubt(phase)
    if rule == "all_in_target":
        return [] if phase.government_exempt is False else _government_doubt(phase)
    return []


def _government_doubt(phase: Phase) -> list[str] | None:
    if phase.government_exempt == "conditional":
        return ["government supplies are allowed with notification or approval"
                + (f": {phase.exemptions}" if phase.exemptions else "")]
    return None  # fully exempt government


# ---------------------------------------------------------------- findings


def _finding(entry: InForce, match: Match, index: int, giver: Party, taker: Party, on: date,
             status: str, date_basis: str) -> dict[str, Any]:
    embargo, phase = entry.embargo, entry.phase
    verdict = "unclear" if match.reasons else FINDING_BY_STATUS[status]
    return {
        "embargo": embargo.id, "name": embargo.name, "authority": embargo.authority,
        "legal_status": phase.legal_status, "finding": verdict,
        "reason": "; ".join(match.reasons) if match.reasons else None,
        "leg": f"{giver.id}->{taker.id}", "leg_index": index,
        "supplier": giver.id, "recipient": taker.id, "direction": match.direction,
        "items_matched": list(match.items), "transfer_status": status,
        "date": on.isoformat(), "date_basis": date_basis,
        "phase": phase.to_json(),
        "instruments": [i.to_json() for i in phase.instruments],
        "caveats": _caveats(embargo, phase, on),
        "confidence": embargo.confidence, "source": embargo.source,
    }


def _caveats(embargo: Embargo, phase: Phase, on: date) -> list[str]:
    notes = []
    if phase.legal_status == "political":
        notes.append("political commitment, not a legal ban: a match is a policy "
                     "inconsistency, not a violation")
    elif phase.legal_status == "voluntary":
        notes.append("non-binding call by the Security Council, not a legal ban")
    if phase.exemptions:
        notes.append(f"exemptions: {phase.exemptions}")
    if phase.near_boundary(on):
        notes.append("date within a day of a phase boundary; source dates may be a day off")
    if embargo.renewal_due and on > embargo.renewal_due:
        notes.append(f"renewal due {embargo.renewal_due} is not verified in the data")
    if embargo.confidence == "low":
        notes.append("low confidence in the dates of this record")
    return notes

