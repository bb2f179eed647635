"""States that do not arm each other (data/adversaries.yaml), and the embargoes a
supplier's own bloc keeps against a recipient (data/embargoes.yaml, all but the UN's,
whose breaches are what the news reports)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from armswatch.embargo.loading import load_embargoes
from armswatch.embargo.records import SUPPLY, Party
from armswatch.errors import DataFileError

#: Authorities whose bans are broken often enough to be news, so no ground for a guess.
REPORTED_BREACHES = frozenset(["UN"])


@dataclass(frozen=True)
class Adversaries:
    spans: dict[frozenset[str], tuple[tuple[dt.date, dt.date | None], ...]]

    def at_odds(self, supplier: str, recipient: str, on: dt.date) -> bool:
        """Whether `supplier` arming `recipient` on `on` is against a standing enmity or
        the supplier's own embargo."""
        for start, end in self.spans.get(frozenset((supplier, recipient)), ()):
            if start <= on and (end is None or on <= end):
                return True
        return _own_embargo(supplier, recipient, on)


@lru_cache(maxsize=4096)  # one embargo check per pair and day, however many guesses ask
def _own_embargo(supplier: str, recipient: str, on: dt.date) -> bool:
    findings = load_embargoes().check(Party(supplier, "state", supplier),
                                      Party(recipient, "state", recipient), ["unspecified"], on)
    return any(f["direction"] == SUPPLY and f["authority"] not in REPORTED_BREACHES and
               f["finding"] != "unclear" for f in findings)


@lru_cache(maxsize=2)
def load_adversaries(path: Path | None = None) -> Adversaries:
    if path is None:
        where = "armswatch/data/adversaries.yaml"
        text = (resources.files("armswatch") / "data" / "adversaries.yaml").read_text("utf-8")
    else:
        where, text = str(path), Path(path).read_text(encoding="utf-8")
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise DataFileError(f"{where}: invalid YAML ({err})") from None
    spans: dict[frozenset[str], list[tuple[dt.date, dt.date | None]]] = {}
    for number, entry in enumerate(raw.get("pairs") or [], start=1):
        pair = entry.get("pair") if isinstance(entry, dict) else None
        if not (isinstance(pair, list) and len(pair) == 2 and entry.get("source")):
            raise DataFileError(f"{where}: pair {number} needs `pair: [A, B]` and a `source`")
        try:
            start = dt.date.fromisoformat(str(entry["from"]))
            end = dt.date.fromisoformat(str(entry["until"])) if entry.get("until") else None
        except (KeyError, ValueError):
            raise DataFileError(f"{where}: pair {number} ({'-'.join(pair)}) needs ISO dates "
                                "in `from` and `until`") from None
        spans.setdefault(frozenset(pair), []).append((start, end))
    return Adversaries({k: tuple(v) for k, v in spans.items()})
