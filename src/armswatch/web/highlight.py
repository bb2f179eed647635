"""Cutting a report's text into runs, each marked with the claims whose evidence covers it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Run:
    """A stretch of text; `claims` cover it, and `labels` close right after it."""

    text: str
    claims: list[int] = field(default_factory=list)
    stances: list[str] = field(default_factory=list)
    labels: list[dict[str, Any]] = field(default_factory=list)


def runs(text: str, claims: list[dict[str, Any]]) -> list[Run]:
    """Split `text` at every evidence boundary of `claims` (each with start, end, id).

    Spans outside the text are ignored; overlapping spans give runs with several claims.
    """
    spans = [c for c in claims if 0 <= c["start"] < c["end"] <= len(text)]
    cuts = sorted({0, len(text)} | {c["start"] for c in spans} | {c["end"] for c in spans})
    out: list[Run] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [c for c in spans if c["start"] <= start and end <= c["end"]]
        out.append(Run(text[start:end], [c["id"] for c in covering],
                       sorted({c["stance"] for c in covering}),
                       [c for c in covering if c["end"] == end]))
    return out
