"""Reading, validating and caching the embargo data file."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from armswatch.embargo.book import EmbargoBook
from armswatch.embargo.records import (
    Ban,
    Embargo,
    Instrument,
    Membership,
    Phase,
    parse_iso_day,
)
from armswatch.errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DEFAULT_PATH = DATA_DIR / "embargoes.yaml"
SCHEMA_PATH = DATA_DIR / "embargoes.schema.json"


def load_embargoes(path: Path | None = None) -> EmbargoBook:
    """The embargo book from `path` (default: the bundled file), validated and cached."""
    return _load_cached(Path(path or DEFAULT_PATH).resolve())


@lru_cache(maxsize=8)
def _load_cached(path: Path) -> EmbargoBook:
    raw = _read_yaml(path)
    _validate(raw, path)
    return EmbargoBook(raw["version"], raw["items"], Membership(raw["membership"]),
                       [_build_embargo(r) for r in raw["embargoes"]])


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read embargo data: {exc}") from exc


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def _validate(raw: Any, path: Path) -> None:
    error = jsonschema.exceptions.best_match(_validator().iter_errors(raw))
    if error is not None:
        where = list(error.absolute_path)
        raise DataFileError(f"{path}: record {_record_name(raw, where)}: at "
                            f"{error.json_path}: {error.message}")
    for record in raw["embargoes"]:
        problem = _record_problem(record)
        if problem:
            raise DataFileError(f"{path}: record {record['id']}: {problem}")
    ids = [r["id"] for r in raw["embargoes"]]
    if len(ids) != len(set(ids)):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise DataFileError(f"{path}: record {dupes[0]}: duplicate embargo id")


def _record_name(raw: Any, where: list[Any]) -> str:
    if len(where) >= 2 and where[0] == "embargoes" and isinstance(raw, dict):
        record = raw["embargoes"][where[1]]
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            return record["id"]
        return f"embargoes[{where[1]}]"
    return str(where[0]) if where else "(top level)"


def _record_problem(record: dict[str, Any]) -> str | None:
    """Checks the schema cannot express: dates parse, phases ordered, refs resolve."""
    refs = {i["ref"] for i in record["instruments"]}
    previous_end: date | None = None
    for n, phase in enumerate(record["phases"]):
        try:
            start = parse_iso_day(phase["from"])
            end = parse_iso_day(phase["to"]) if phase["to"] else None
        except ValueError as exc:
            return f"phases[{n}]: bad date: {exc}"
        if end is not None and end <= start:
            return f"phases[{n}]: 'to' {end} is not after 'from' {start}"
        if n and (previous_end is None or start < previous_end):
            return f"phases[{n}]: overlaps the phase before it"
        missing = [r for r in phase["instruments"] if r not in refs]
        if missing:
            return f"phases[{n}]: instrument {missing[0]!r} is not in the record's instruments"
        previous_end = end
    return None



def _build_embargo(record: dict[str, Any]) -> Embargo:
    instruments = {i["ref"]: Instrument(i["ref"], i["date"], i["effect"])
                   for i in record["instruments"]}
    phases = tuple(_build_phase(p, record, instruments) for p in record["phases"])
    target = record["target"]
    renewal = record.get("renewal_due")
    return Embargo(
        id=record["id"], authority=record["authority"], name=record["name"],
        legal_status=record["legal_status"], kind=target["kind"],
        groups=tuple(target["groups"]), area=target["area"], status=record["status"],
        confidence=record["confidence"], renewal_due=parse_iso_day(renewal) if renewal else None,
        phases=phases, source=record["source"], note=record.get("note"))


def _build_phase(phase: dict[str, Any], record: dict[str, Any],
                 instruments: Mapping[str, Instrument]) -> Phase:
    return Phase(
        start=parse_iso_day(phase["from"]), end=parse_iso_day(phase["to"]) if phase["to"] else None,
        applies_to=phase["applies_to"], government_exempt=phase["government_exempt"],
        supply=_build_ban(phase["supply"]), procurement=_build_ban(phase["procurement"]),
        legal_status=phase.get("legal_status", record["legal_status"]),
        states=tuple(phase.get("states") or record["target"]["states"]),
        instruments=tuple(instruments[r] for r in phase["instruments"]),
        exemptions=phase["exemptions"], scope_note=phase.get("scope_note"),
        disputed=phase.get("disputed"),
        state_recipient_doubt=phase.get("state_recipient_doubt"))


def _build_ban(raw: dict[str, Any] | None) -> Ban | None:
    return None if raw is None else Ban(tuple(raw["covers"]), frozenset(raw["items"]))

