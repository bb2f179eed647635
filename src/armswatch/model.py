"""Plain records that flow between the stages.

A `Document` enters the pipeline; an `Extraction` leaves it. Their
`to_json()` shapes follow ``extraction.schema.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STATUSES = ("delivered", "agreed", "negotiating", "possible", "cancelled")
STANCES = ("asserts", "denies", "speculates")
ITEM_CATEGORIES = (
    "aircraft", "uav", "air_defence", "armoured_vehicles", "artillery", "ammunition",
    "missiles", "small_arms", "naval", "sensors", "dual_use", "military_technology",
    "unspecified",
)
ACTOR_TYPES = ("state", "armed_group", "company", "agency", "igo", "media", "person", "other")


@dataclass
class Document:
    """One report as read from disk: text exactly as given (after HTML-to-text)."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date
    source: str | None = None  # outlet or URL
    origin: str | None = None  # file (and line) it came from, for messages

    def meta_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "published": self.published,
                "source": self.source}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class When:
    text: str | None
    start: str | None
    end: str | None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass
class Actor:
    id: str
    name: str
    type: str
    country: str | None
    wikidata: str | None = None
    mentions: list[Span] = field(default_factory=list)

    @property
    def state(self) -> str:
        """The state level: own id for a state, else its country, else its own id."""
        if self.type == "state":
            return self.id
        return self.country or self.id

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "type": self.type,
                               "country": self.country}
        if self.wikidata:
            out["wikidata"] = self.wikidata
        out["mentions"] = [m.to_json() for m in self.mentions]
        return out


@dataclass
class Claim:
    source: str  # actor id or "author"
    stance: str
    status: str
    evidence: Span
    cue: str | None = None
    when: When | None = None

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "stance": self.stance, "status": self.status,
                "cue": self.cue, "when": self.when.to_json() if self.when else None,
                "evidence": self.evidence.to_json()}


@dataclass
class Transfer:
    supplier: str | None
    recipient: str | None
    status: str
    items: list[str] = field(default_factory=list)
    via: list[str] = field(default_factory=list)
    when: When | None = None
    claims: list[Claim] = field(default_factory=list)
    embargo: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"supplier": self.supplier, "recipient": self.recipient, "via": list(self.via),
                "items": list(self.items), "status": self.status,
                "when": self.when.to_json() if self.when else None,
                "claims": [c.to_json() for c in self.claims],
                "embargo": self.embargo}


@dataclass
class Extraction:
    document: Document
    actors: list[Actor]
    transfers: list[Transfer]

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document.meta_json(),
                "actors": [a.to_json() for a in self.actors],
                "transfers": [t.to_json() for t in self.transfers]}
