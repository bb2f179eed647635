"""Load and check the calendar vocabulary in ``data/timex.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from armswatch.errors import DataFileError

FUZZY_KINDS = ("early", "mid", "late")
REFERENCE_VALUES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


class VocabularyError(DataFileError):
    """The time vocabulary file is missing a section or has a malformed entry."""


@dataclass(frozen=True)
class Unit:
    code: str  # TIMEX3 duration letter (Y, M, W, D, H, S, Q)
    count: int  # how many of `code` one unit is (a decade is 10 Y)
    time: bool  # hours, minutes and seconds go after the T in a duration


@dataclass(frozen=True)
class Vocabulary:
    months: dict[str, int]  # lower-case name or abbreviation -> month number
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]  # lower-case name -> ISO weekday (Monday = 1)
    seasons: dict[str, str]  # lower-case name -> TIMEX3 code
    season_months: dict[str, tuple[int, int]]
    day_parts: dict[str, str]  # lower-case word -> TIMEX3 code
    references: dict[str, str]  # lower-case phrase -> PRESENT_REF / PAST_REF / FUTURE_REF
    units: dict[str, Unit]
    numbers: dict[str, int]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    fuzzy: dict[str, dict[str, tuple[int, int]]]  # kind -> scale -> inclusive slice
    fuzzy_words: dict[str, str]  # lower-case phrase -> early / mid / late
    forward_cues: tuple[str, ...]
    holidays: dict[str, tuple[int, int]]  # lower-case name -> (month, day)
    floating_holidays: dict[str, tuple[int, int, int]]  # name -> (month, weekday, n-th)
    present_adjectives: tuple[str, ...]
    aged_things: frozenset[str]
    anchor_words: tuple[str, ...]
    calendar_cues: frozenset[str]


def _section(raw: dict[str, Any], key: str) -> Any:
    if key not in raw:
        raise VocabularyError(f"timex.yaml lacks the '{key}' section")
    return raw[key]


def _names_to_number(table: dict[Any, list[str]], low: int, high: int, what: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for number, names in table.items():
        if not low <= int(number) <= high:
            raise VocabularyError(f"{what} number {number} outside {low}..{high}")
        for name in names:
            out[str(name).lower()] = int(number)
    return out


def _pair(value: Any, what: str) -> tuple[int, int]:
    if not (isinstance(value, list) and len(value) == 2):
        raise VocabularyError(f"{what} must be a list of two integers, got {value!r}")
    return int(value[0]), int(value[1])


def _triple(value: Any, what: str) -> tuple[int, int, int]:
    if not (isinstance(value, list) and len(value) == 3):
        raise VocabularyError(f"{what} must be [month, weekday, n], got {value!r}")
    month, weekday, nth = (int(v) for v in value)
    if not (1 <= month <= 12 and 1 <= weekday <= 7 and nth != 0):
        raise VocabularyError(f"{what} has an impossible month, weekday or rank: {value!r}")
    return month, weekday, nth


def _invert(table: dict[str, list[str]], allowed: tuple[str, ...] | None = None) -> dict[str, str]:
    out: dict[str, str] = {}
    for code, phrases in table.items():
        if allowed is not None and code not in allowed:
            raise VocabularyError(f"unknown code {code!r}; expected one of {allowed}")
        for phrase in phrases:
            out[str(phrase).lower()] = code
    return out


def _units(raw: dict[str, Any]) -> dict[str, Unit]:
    units = {}
    for name, spec in raw.items():
        if spec.get("code") not in ("S", "M", "H", "D", "W", "Q", "Y"):
            raise VocabularyError(f"unit {name!r} has no valid TIMEX3 code")
        units[name] = Unit(spec["code"], int(spec.get("count", 1)), bool(spec.get("time", False)))
    return units


def _fuzzy(raw: dict[str, Any]) -> dict[str, dict[str, tuple[int, int]]]:
    if set(raw) != set(FUZZY_KINDS):
        raise VocabularyError(f"fuzzy must define exactly {FUZZY_KINDS}")
    return {kind: {scale: _pair(span, f"fuzzy.{kind}.{scale}") for scale, span in spec.items()}
            for kind, spec in raw.items()}


def build_vocabulary(raw: dict[str, Any]) -> Vocabulary:
    """Validate the parsed YAML and turn it into lookup tables."""
    if not raw.get("sources"):
        raise VocabularyError("timex.yaml must say where its contents come from ('sources')")
    seasons = _section(raw, "seasons")
    return Vocabulary(
        months=_names_to_number(_section(raw, "months"), 1, 12, "month"),
        ambiguous_months=frozenset(m.lower() for m in _section(raw, "ambiguous_months")),
        weekdays=_names_to_number(_section(raw, "weekdays"), 1, 7, "weekday"),
        seasons={name.lower(): code for code, spec in seasons.items() for name in spec["names"]},
        season_months={code: _pair(spec["months"], f"season {code}")
                       for code, spec in seasons.items()},
        day_parts=_invert(_section(raw, "day_parts")),
        references=_invert(_section(raw, "references"), REFERENCE_VALUES),
        units=_units(_section(raw, "units")),
        numbers={str(k).lower(): int(v) for k, v in _section(raw, "number_words").items()},
        vague_numbers=tuple(str(v).lower() for v in _section(raw, "vague_numbers")),
        ordinals={str(k).lower(): int(v) for k, v in _section(raw, "ordinals").items()},
        fuzzy=_fuzzy(_section(raw, "fuzzy")),
        fuzzy_words=_invert(_section(raw, "fuzzy_words"), FUZZY_KINDS),
        forward_cues=tuple(str(c).lower() for c in _section(raw, "forward_cues")),
        holidays={name.lower(): _pair(md, f"holiday {name}")
                  for name, md in _section(raw, "holidays").items()},
        floating_holidays={name.lower(): _triple(spec, f"holiday {name}")
                           for name, spec in _section(raw, "floating_holidays").items()},
        present_adjectives=tuple(str(w) for w in _section(raw, "present_adjectives")),
        aged_things=frozenset(str(w).lower() for w in _section(raw, "aged_things")),
        anchor_words=tuple(str(w).lower() for w in _section(raw, "anchor_words")),
        calendar_cues=frozenset(str(w).lower() for w in _section(raw, "calendar_cues")),
    )


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The packaged vocabulary, parsed once per process."""
    text = resources.files("armswatch").joinpath("data/timex.yaml").read_text(encoding="utf-8")
    return build_vocabulary(yaml.safe_load(text))
