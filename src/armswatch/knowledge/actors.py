"""Actor knowledge base: states, organisations and people, read from YAML data files.

The files live in ``armswatch/data/actors`` (see the README there). Loading validates every
record and raises :class:`DataFileError` naming the file, the record and the problem, so a
bad edit to the data is caught before any document is read.
"""

from __future__ import annotations

import datetime
import functools
import pathlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from armswatch.errors import DataFileError

DEFAULT_DIRECTORY = pathlib.Path(__file__).resolve().parent.parent / "data" / "actors"
STATES_FILE = "states.yaml"
ORGANISATIONS_FILE = "organisations.yaml"
PEOPLE_FILE = "people.yaml"

ORGANISATION_TYPES = ("armed_group", "company", "agency", "igo", "media", "other")
STATELESS_TYPES = ("igo", "media")  # the guidelines give these a null country
ROLES = (
    "head_of_state", "head_of_government", "defence_minister", "foreign_minister",
    "spokesperson", "security_official", "military_commander", "envoy", "leader",
)
UN_STATUSES = ("member", "observer", "non_member")
# State list fields and the alias kind each one produces.
STATE_ALIAS_FIELDS = {
    "names": "name", "adjectives": "adjective", "capitals": "capital", "seats": "seat",
    "institutions": "institution", "acronyms": "acronym",
}
ISO3 = re.compile(r"^[A-Z]{3}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True)
class ActorRecord:
    id: str
    name: str
    type: str  # state|armed_group|company|agency|igo|media|person|other
    country: str | None  # ISO3; equals id for states; None for igo/media
    wikidata: str | None = None


@dataclass(frozen=True)
class Office:
    acts_for: str
    role: str
    start: datetime.date | None
    end: datetime.date | None

    def covers(self, day: datetime.date) -> bool:
        """True when the office was held on `day` (open ends reach indefinitely)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Alias:
    text: str  # surface form exactly as it appears in text (case matters)
    actor_id: str  # the actor it resolves to (for people: the person id)
    kind: str  # name|adjective|capital|seat|institution|acronym|region|person|org
    needs_context: str | None = None  # e.g. "KOR" for "the North"


@dataclass
class _Tables:
    """Everything read from the files, before the index is frozen."""

    records: dict[str, ActorRecord] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)  # actor id -> file it came from
    aliases: list[Alias] = field(default_factory=list)
    offices: dict[str, list[Office]] = field(default_factory=dict)
    un_status: dict[str, str] = field(default_factory=dict)
    winners: dict[str, str] = field(default_factory=dict)  # ambiguous text -> winning actor
    not_actors: list[str] = field(default_factory=list)  # "Latin America", "South China Sea"


class ActorIndex:
    """Read-only lookups over the loaded actors."""

    def __init__(self, tables: _Tables) -> None:
        self._records = tables.records
        self._aliases = _winners_first(tables.aliases, tables.winners)
        self.not_actors = tuple(tables.not_actors)
        self._offices = {pid: sorted(offs, key=_start_key) for pid, offs in tables.offices.items()}
        self._un_status = tables.un_status
        self._by_text = _text_lookup(self._records.values(), self._aliases)
        self._holders = _holder_lookup(self._offices)

    def get(self, actor_id: str) -> ActorRecord | None:
        return self._records.get(actor_id)

    def aliases(self) -> list[Alias]:
        """Every surface form; where a form is ambiguous the declared winner comes first."""
        return list(self._aliases)

    def find(self, text: str) -> ActorRecord | None:
        """Resolve an id, an ISO3 code in any case, a name or an alias (case-insensitive)."""
        stripped = text.strip()
        if stripped in self._records:
            return self._records[stripped]
        state = self._records.get(stripped.upper())
        if state is not None and state.type == "state":
            return state
        actor_id = self._by_text.get(stripped.casefold())
        return self._records.get(actor_id) if actor_id else None

    def offices(self, person_id: str) -> list[Office]:
        return list(self._offices.get(person_id, ()))

    def acts_for(self, person_id: str, on: datetime.date | None) -> str | None:
        """The side a person speaks for on a date (see the module README for the rule)."""
        offices = self._offices.get(person_id)
        if not offices:
            return None
        if on is None:
            return offices[-1].acts_for
        covering = [office for office in offices if office.covers(on)]
        if covering:
            return covering[-1].acts_for
        ended = [office for office in offices if office.end is not None and office.end < on]
        if ended:
            return max(ended, key=lambda office: office.end or datetime.date.min).acts_for
        return offices[0].acts_for

    def holder(self, acts_for: str, role: str, on: datetime.date) -> str | None:
        """The person holding `role` for `acts_for` on `on`; the latest appointee wins."""
        for office, person_id in self._holders.get((acts_for, role), ()):
            if office.covers(on):
                return person_id
        return None

    def states(self) -> list[ActorRecord]:
        return [record for record in self._records.values() if record.type == "state"]

    def un_status(self, state_id: str) -> str | None:
        """member, observer or non_member for a state; None for anything else."""
        return self._un_status.get(state_id)

    def state_level(self, actor_id: str) -> str | None:
        """The guidelines' state level: a state's own id, else its country, else its id."""
        record = self._records.get(actor_id)
        if record is None:
            return None
        return record.country or record.id


def load_actor_index(directory: pathlib.Path | None = None) -> ActorIndex:
    """Load and validate the actor files in `directory` (the bundled data by default)."""
    return _load_cached((directory or DEFAULT_DIRECTORY).resolve())


@functools.lru_cache(maxsize=8)
def _load_cached(directory: pathlib.Path) -> ActorIndex:
    tables = _Tables()
    states = _read_file(directory / STATES_FILE, "states")
    organisations = _read_file(directory / ORGANISATIONS_FILE, "organisations")
    people = _read_file(directory / PEOPLE_FILE, "people")
    for entry in states["states"]:
        _add_state(tables, entry)
    for entry in organisations["organisations"]:
        _add_organisation(tables, entry)
    for entry in people["people"]:
        _add_person(tables, entry)
    _set_person_countries(tables)
    for name, content in ((STATES_FILE, states), (ORGANISATIONS_FILE, organisations),
                          (PEOPLE_FILE, people)):
        _read_ambiguous(tables, name, content.get("ambiguous") or [])
    not_actors = states.get("not_actors") or []
    if not _is_str_list(not_actors):
        raise DataFileError(f"{STATES_FILE}: `not_actors` must be a list of strings")
    tables.not_actors = list(not_actors)
    _check_collisions(tables)
    return ActorIndex(tables)


# --- reading and validating files ---------------------------------------------------------

def _read_file(path: pathlib.Path, list_key: str) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as handle:
            content = yaml.load(handle, Loader=yaml.CSafeLoader)
    except FileNotFoundError as exc:
        raise DataFileError(f"{path.name}: file not found in {path.parent}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(content, dict):
        raise DataFileError(f"{path.name}: top level must be a mapping")
    for key in ("version", "sources", list_key):
        if key not in content:
            raise DataFileError(f"{path.name}: missing top-level `{key}`")
    if not _is_str_list(content["sources"]) or not content["sources"]:
        raise DataFileError(f"{path.name}: `sources` must be a non-empty list of strings")
    if not isinstance(content[list_key], list):
        raise DataFileError(f"{path.name}: `{list_key}` must be a list")
    return content


def _fail(file_name: str, record_id: object, problem: str) -> DataFileError:
    return DataFileError(f"{file_name}: record {record_id!r}: {problem}")


def _is_str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) and item for item in value)


def _required_str(file_name: str, entry: object, key: str) -> str:
    if not isinstance(entry, dict):
        raise _fail(file_name, "?", "each record must be a mapping")
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(file_name, entry.get("id", "?"), f"missing or empty `{key}`")
    return value


def _optional_list(file_name: str, entry: dict[str, Any], key: str) -> list[str]:
    value = entry.get(key)
    if value is None:
        return []
    if not _is_str_list(value):
        raise _fail(file_name, entry["id"], f"`{key}` must be a list of non-empty strings")
    return value


def _wikidata(file_name: str, entry: dict[str, Any]) -> str | None:
    value = entry.get("wikidata")
    if value is not None and not (isinstance(value, str) and WIKIDATA.match(value)):
        raise _fail(file_name, entry["id"], f"`wikidata` {value!r} is not a Q-id")
    return value


def _register(tables: _Tables, file_name: str, record: ActorRecord) -> None:
    if record.id in tables.records:
        first = tables.origin[record.id]
        raise _fail(file_name, record.id, f"duplicate id (already defined in {first})")
    tables.records[record.id] = record
    tables.origin[record.id] = file_name


def _add_state(tables: _Tables, entry: object) -> None:
    name = _required_str(STATES_FILE, entry, "name")
    assert isinstance(entry, dict)
    state_id = _required_str(STATES_FILE, entry, "id")
    if not ISO3.match(state_id):
        raise _fail(STATES_FILE, state_id, "`id` must be an ISO 3166-1 alpha-3 code")
    status = entry.get("un_status", "member")
    if status not in UN_STATUSES:
        raise _fail(STATES_FILE, state_id, f"`un_status` must be one of {UN_STATUSES}")
    _register(tables, STATES_FILE,
              ActorRecord(state_id, name, "state", state_id, _wikidata(STATES_FILE, entry)))
    tables.un_status[state_id] = status
    tables.aliases.append(Alias(name, state_id, "name"))
    for key, kind in STATE_ALIAS_FIELDS.items():
        for text in _optional_list(STATES_FILE, entry, key):
            tables.aliases.append(Alias(text, state_id, kind))
    tables.aliases.extend(_regions(entry, state_id))


def _regions(entry: dict[str, Any], state_id: str) -> Iterator[Alias]:
    regions = entry.get("regions") or []
    if not isinstance(regions, list):
        raise _fail(STATES_FILE, state_id, "`regions` must be a list")
    for region in regions:
        text = _required_str(STATES_FILE, {"id": state_id, **region}, "text") \
            if isinstance(region, dict) else None
        context = region.get("needs_context") if isinstance(region, dict) else None
        if text is None or not (isinstance(context, str) and ISO3.match(context)):
            raise _fail(STATES_FILE, state_id, "each region needs `text` and an ISO3 "
                                               "`needs_context`")
        yield Alias(text, state_id, "region", context)


def _add_organisation(tables: _Tables, entry: object) -> None:
    name = _required_str(ORGANISATIONS_FILE, entry, "name")
    assert isinstance(entry, dict)
    org_id = _required_str(ORGANISATIONS_FILE, entry, "id")
    if not SLUG.match(org_id):
        raise _fail(ORGANISATIONS_FILE, org_id, "`id` must be a lowercase slug")
    org_type = _required_str(ORGANISATIONS_FILE, entry, "type")
    if org_type not in ORGANISATION_TYPES:
        raise _fail(ORGANISATIONS_FILE, org_id, f"`type` must be one of {ORGANISATION_TYPES}")
    country = _organisation_country(tables, entry, org_id, org_type)
    record = ActorRecord(org_id, name, org_type, country, _wikidata(ORGANISATIONS_FILE, entry))
    _register(tables, ORGANISATIONS_FILE, record)
    for text in [name, *_optional_list(ORGANISATIONS_FILE, entry, "aliases")]:
        tables.aliases.append(Alias(text, org_id, "org"))


def _organisation_country(
    tables: _Tables, entry: dict[str, Any], org_id: str, org_type: str
) -> str | None:
    if "country" not in entry:
        raise _fail(ORGANISATIONS_FILE, org_id, "missing `country` (use null for none)")
    country = entry["country"]
    if org_type in STATELESS_TYPES:
        if country is not None:
            raise _fail(ORGANISATIONS_FILE, org_id, f"`country` must be null for {org_type}")
        return None
    if country is None:
        return None
    record = tables.records.get(country) if isinstance(country, str) else None
    if record is None or record.type != "state":
        raise _fail(ORGANISATIONS_FILE, org_id, f"unknown country {country!r}")
    return country


def _add_person(tables: _Tables, entry: object) -> None:
    name = _required_str(PEOPLE_FILE, entry, "name")
    assert isinstance(entry, dict)
    person_id = _required_str(PEOPLE_FILE, entry, "id")
    if not SLUG.match(person_id):
        raise _fail(PEOPLE_FILE, person_id, "`id` must be a lowercase slug")
    offices = list(_offices(tables, entry, person_id))
    if not offices:
        raise _fail(PEOPLE_FILE, person_id, "needs at least one office")
    # The country is settled once every office is known (see _set_person_countries).
    _register(tables, PEOPLE_FILE,
              ActorRecord(person_id, name, "person", None, _wikidata(PEOPLE_FILE, entry)))
    tables.offices[person_id] = offices
    for text in [name, *_optional_list(PEOPLE_FILE, entry, "aliases")]:
        tables.aliases.append(Alias(text, person_id, "person"))


def _offices(tables: _Tables, entry: dict[str, Any], person_id: str) -> Iterator[Office]:
    raw_offices = entry.get("offices")
    if not isinstance(raw_offices, list):
        raise _fail(PEOPLE_FILE, person_id, "`offices` must be a list")
    for raw in raw_offices:
        if not isinstance(raw, dict):
            raise _fail(PEOPLE_FILE, person_id, "each office must be a mapping")
        acts_for = raw.get("for")
        if not isinstance(acts_for, str) or acts_for not in tables.records \
                or tables.records[acts_for].type == "person":
            raise _fail(PEOPLE_FILE, person_id, f"office `for` {acts_for!r} is not a known "
                                                "state or organisation")
        start = _date(raw.get("from"), person_id, "from")
        end = _date(raw.get("to"), person_id, "to")
        if start and end and start > end:
            raise _fail(PEOPLE_FILE, person_id, f"office for {acts_for} ends ({end}) "
                                                f"before it starts ({start})")
        for role in _roles(raw.get("role"), person_id):
            yield Office(acts_for, role, start, end)


def _roles(value: object, person_id: str) -> list[str]:
    roles = value if isinstance(value, list) else [value]
    for role in roles:
        if role not in ROLES:
            raise _fail(PEOPLE_FILE, person_id, f"unknown role {role!r}; use one of {ROLES}")
    return roles  # type: ignore[return-value]


def _date(value: object, person_id: str, key: str) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    raise _fail(PEOPLE_FILE, person_id, f"`{key}` {value!r} is not an ISO date")


def _set_person_countries(tables: _Tables) -> None:
    """A person's country is the state level of their latest office."""
    for person_id, offices in tables.offices.items():
        latest = max(offices, key=_start_key)
        target = tables.records[latest.acts_for]
        state_level = target.country or target.id
        record = tables.records[person_id]
        tables.records[person_id] = ActorRecord(
            record.id, record.name, record.type, state_level, record.wikidata)


def _start_key(office: Office) -> datetime.date:
    return office.start or datetime.date.min


# --- ambiguity ----------------------------------------------------------------------------

def _read_ambiguous(tables: _Tables, file_name: str, entries: object) -> None:
    if not isinstance(entries, list):
        raise DataFileError(f"{file_name}: `ambiguous` must be a list")
    for entry in entries:
        text = entry.get("text") if isinstance(entry, dict) else None
        actors = entry.get("actors") if isinstance(entry, dict) else None
        wins = entry.get("wins") if isinstance(entry, dict) else None
        if not isinstance(text, str) or not _is_str_list(actors) or wins not in (actors or []):
            raise _fail(file_name, text, "ambiguous entries need `text`, `actors` and a "
                                         "`wins` that is one of the actors")
        unknown = [actor for actor in actors if actor not in tables.records]
        if unknown:
            raise _fail(file_name, text, f"ambiguous entry names unknown actors {unknown}")
        tables.winners[text.casefold()] = wins


def _check_collisions(tables: _Tables) -> None:
    """One surface form may name one actor only, unless declared ambiguous."""
    owners: dict[str, set[str]] = {}
    for alias in tables.aliases:
        owners.setdefault(alias.text.casefold(), set()).add(alias.actor_id)
    for key, actor_ids in owners.items():
        if len(actor_ids) > 1 and key not in tables.winners:
            files = sorted({tables.origin[actor_id] for actor_id in actor_ids})
            raise DataFileError(
                f"{', '.join(files)}: alias {key!r} names {sorted(actor_ids)}; declare it "
                "under `ambiguous:` with the actor that wins")


def _winners_first(aliases: Iterable[Alias], winners: dict[str, str]) -> list[Alias]:
    unique = list(dict.fromkeys(aliases))

    def rank(alias: Alias) -> int:
        winner = winners.get(alias.text.casefold())
        return 0 if winner is None or winner == alias.actor_id else 1

    return sorted(unique, key=rank)


def _text_lookup(records: Iterable[ActorRecord], aliases: list[Alias]) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for alias in aliases:  # winners come first, so setdefault keeps them
        lookup.setdefault(alias.text.casefold(), alias.actor_id)
    for record in records:
        lookup.setdefault(record.name.casefold(), record.id)
    return lookup


def _holder_lookup(
    offices: dict[str, list[Office]]
) -> dict[tuple[str, str], list[tuple[Office, str]]]:
    lookup: dict[tuple[str, str], list[tuple[Office, str]]] = {}
    for person_id, person_offices in offices.items():
        for office in person_offices:
            lookup.setdefault((office.acts_for, office.role), []).append((office, person_id))
    for held in lookup.values():
        held.sort(key=lambda pair: _start_key(pair[0]), reverse=True)
    return lookup
