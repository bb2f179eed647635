"""Checks on the weapon vocabulary in src/armswatch/data/weapons.yaml."""

from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest
import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[1]
WEAPONS_PATH = PROJECT_ROOT / "src" / "armswatch" / "data" / "weapons.yaml"
STATES_PATH = PROJECT_ROOT / "src" / "armswatch" / "data" / "actors" / "states.yaml"
SEED_TEXT = PROJECT_ROOT.parent / "shared" / "seed" / "000_0738399a8cd04c56.txt"

# The item categories of GUIDELINES.md, in its order.
ALLOWED_CATEGORIES = [
    "aircraft",
    "uav",
    "air_defence",
    "armoured_vehicles",
    "artillery",
    "ammunition",
    "missiles",
    "small_arms",
    "naval",
    "sensors",
    "dual_use",
    "military_technology",
    "unspecified",
]
TERM_KEYS = {
    "text",
    "category",
    "kind",
    "case",
    "also",
    "not_before",
    "not_after",
    "note",
    "origin",
}
LIST_KEYS = ("also", "not_before", "not_after")


@cache
def load_vocabulary() -> dict:
    with WEAPONS_PATH.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader)


def terms() -> list[dict]:
    return load_vocabulary()["terms"]


def surface_forms(term: dict) -> list[str]:
    return [term["text"], *term.get("also", [])]


@cache
def form_index() -> dict[str, list[tuple[str, dict]]]:
    """Every surface form, grouped by its case-folded spelling."""
    index: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for term in terms():
        for form in surface_forms(term):
            index[form.casefold()].append((form, term))
    return index


def find_term(form: str) -> dict | None:
    """The term a matcher would give `form` (exact-case terms need the exact spelling)."""
    for known, term in form_index().get(form.casefold(), []):
        if term.get("case", "lower") == "lower" or known == form:
            return term
    return None


def lookup(form: str) -> str | None:
    """Category of `form` as a matcher would read it."""
    term = find_term(form)
    return term["category"] if term else None


@cache
def state_codes() -> frozenset[str]:
    with STATES_PATH.open(encoding="utf-8") as handle:
        states = yaml.load(handle, Loader=yaml.CSafeLoader)["states"]
    return frozenset(state["id"] for state in states)


def test_header_declares_version_sources_and_categories() -> None:
    vocabulary = load_vocabulary()
    assert vocabulary["version"] == 1
    assert vocabulary["sources"] and all(isinstance(s, str) and s for s in vocabulary["sources"])
    assert vocabulary["categories"] == ALLOWED_CATEGORIES


def test_every_term_is_well_formed() -> None:
    for term in terms():
        assert set(term) <= TERM_KEYS, term
        assert isinstance(term["text"], str), term
        assert term["category"] in ALLOWED_CATEGORIES, term
        assert term.get("kind", "generic") in {"generic", "system"}, term
        assert term.get("case", "lower") in {"lower", "exact"}, term
        assert isinstance(term.get("note", ""), str), term
        for key in LIST_KEYS:
            values = term.get(key, [])
            assert isinstance(values, list) and all(isinstance(v, str) for v in values), term


def test_surface_forms_are_clean_strings() -> None:
    for term in terms():
        for form in surface_forms(term):
            assert form and form == form.strip() and "  " not in form, term["text"]


def test_no_surface_form_is_listed_twice() -> None:
    clashes = []
    for spellings in form_index().values():
        if len(spellings) < 2:
            continue
        any_lower = any(term.get("case", "lower") == "lower" for _, term in spellings)
        exact_forms = [form for form, _ in spellings]
        if any_lower or len(set(exact_forms)) < len(exact_forms):
            clashes.append(exact_forms)
    assert clashes == []


def test_vocabulary_names_at_least_400_systems() -> None:
    systems = [term for term in terms() if term.get("kind") == "system"]
    assert len(systems) >= 400


@pytest.mark.parametrize(
    ("form", "category"),
    [
        ("Shahed-136", "uav"),
        ("Geran-2", "uav"),
        ("KN-23", "missiles"),
        ("HIMARS", "artillery"),
        ("ATACMS", "missiles"),
        ("155mm shells", "ammunition"),
        ("155-mm shells", "ammunition"),
        ("Stinger", "air_defence"),
        ("Bayraktar TB2", "uav"),
        ("Leopard 2", "armoured_vehicles"),
        ("F-16", "aircraft"),
        ("Type 054A", "naval"),
        ("machine tools", "dual_use"),
        ("missile technology", "military_technology"),
        ("weapons", "unspecified"),
        ("loitering munitions", "uav"),
        ("MANPADS", "air_defence"),
        ("mortars", "artillery"),
        ("Storm Shadow", "missiles"),
        ("Iron Dome", "air_defence"),
        ("Su-32", "aircraft"),
        ("Klub-S", "missiles"),
    ],
)
def test_spot_checks(form: str, category: str) -> None:
    assert lookup(form) == category


def test_generic_terms_list_singular_and_plural() -> None:
    pairs = [
        ("shell", "shells"),
        ("drone", "drones"),
        ("round", "rounds"),
        ("rifle", "rifles"),
        ("tank", "tanks"),
        ("howitzer", "howitzers"),
        ("missile", "missiles"),
        ("helicopter", "helicopters"),
        ("frigate", "frigates"),
        ("radar", "radars"),
    ]
    for singular, plural in pairs:
        assert lookup(singular) is not None, singular
        assert lookup(singular) == lookup(plural), (singular, plural)


def test_colliding_system_names_need_exact_case() -> None:
    names = [
        "Patriot",
        "Javelin",
        "Stinger",
        "Leopard",
        "Caesar",
        "Harpoon",
        "Storm Shadow",
        "Tiger",
        "Rafale",
    ]
    for name in names:
        assert lookup(name) is not None, name
        assert lookup(name.lower()) is None, name


def test_tanks_are_blocked_after_non_military_words() -> None:
    tanks = next(term for term in terms() if term["text"] == "tanks")
    assert {"fuel", "water", "think", "septic", "oil"} <= set(tanks["not_after"])


def test_ambiguous_entries_explain_a_listed_choice() -> None:
    entries = load_vocabulary()["ambiguous"]
    assert len({entry["text"] for entry in entries}) == len(entries)
    for entry in entries:
        assert set(entry) == {"text", "readings", "chosen", "why"}, entry
        assert len(set(entry["readings"])) >= 2, entry
        assert set(entry["readings"]) <= set(ALLOWED_CATEGORIES), entry
        assert entry["chosen"] in entry["readings"], entry
        assert lookup(entry["text"]) == entry["chosen"], entry
        assert entry["why"].strip(), entry


def test_seed_report_weapon_words_resolve_to_gold_categories() -> None:
    if not SEED_TEXT.exists():
        pytest.skip("seed report not available")
    text = SEED_TEXT.read_text(encoding="utf-8")
    expected = {
        "munitions": "ammunition",
        "artillery shells": "ammunition",
        "weapons": "unspecified",
        "arms": "unspecified",
        "nuclear weapons": "military_technology",
    }
    for phrase, category in expected.items():
        assert phrase in text, phrase
        assert lookup(phrase) == category, phrase


def test_origins_are_known_state_codes_on_systems_only() -> None:
    with_origin = [term for term in terms() if "origin" in term]
    assert len(with_origin) >= 700
    for term in with_origin:
        origin = term["origin"]
        assert term.get("kind") == "system", term["text"]
        assert isinstance(origin, str) and len(origin) == 3, term["text"]
        assert origin.isascii() and origin.isalpha() and origin.isupper(), term["text"]
        assert origin in state_codes(), term["text"]


@pytest.mark.parametrize(
    ("form", "origin"),
    [
        ("Shahed-136", "IRN"),
        ("KN-23", "PRK"),
        ("HIMARS", "USA"),
        ("Leopard 2", "DEU"),
        ("K2 Black Panther", "KOR"),
        ("Bayraktar TB2", "TUR"),
        ("Rafale", "FRA"),
        ("J-10C", "CHN"),
        ("JF-17", "PAK"),
        ("BrahMos", "IND"),
        ("Eurofighter Typhoon", "GBR"),
        ("MiG-29", "RUS"),
        ("Su-27", "RUS"),
        ("T-72", "RUS"),
        ("BMP-2", "RUS"),
        ("Mi-17", "RUS"),
        ("S-300", "RUS"),
    ],
)
def test_origin_spot_checks(form: str, origin: str) -> None:
    term = find_term(form)
    assert term is not None, form
    assert term.get("origin") == origin


def test_multinational_systems_say_so_in_their_note() -> None:
    for form in ["Eurofighter Typhoon", "NH90", "Meteor missile", "Storm Shadow"]:
        term = find_term(form)
        assert term is not None and term.get("origin") in state_codes(), form
        assert "multinational" in term.get("note", ""), form


def test_an_ambiguous_form_names_no_maker() -> None:
    from armswatch.pipeline.weapons import load_weapon_terms

    origins = {term.text: term.origin for term in load_weapon_terms()}
    assert origins["Puma"] is None and origins["Cobra"] is None
    assert origins["Puma IFV"] == "DEU" and origins["RQ-20 Puma"] == "USA"
