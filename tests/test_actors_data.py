"""The bundled actor knowledge base: content checks and validation of broken files."""

from __future__ import annotations

import datetime
import pathlib
import shutil

import pytest
import yaml

from armswatch.errors import DataFileError
from armswatch.knowledge.actors import (
    DEFAULT_DIRECTORY,
    ORGANISATIONS_FILE,
    PEOPLE_FILE,
    STATES_FILE,
    load_actor_index,
)

D = datetime.date


@pytest.fixture(scope="module")
def index():
    return load_actor_index()


def test_every_un_member_and_the_four_others_are_present(index):
    states = index.states()
    ids = [state.id for state in states]
    assert len(ids) == len(set(ids))
    assert sum(index.un_status(state_id) == "member" for state_id in ids) == 193
    assert {"VAT", "PSE", "TWN", "XKX"} <= set(ids)
    assert all(len(state_id) == 3 and state_id.isupper() for state_id in ids)
    assert all(state.country == state.id for state in states)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Kremlin", "RUS"), ("Pyongyang", "PRK"), ("DPRK", "PRK"), ("North Korean", "PRK"),
        ("Bankova", "UKR"), ("Zhongnanhai", "CHN"), ("the Pentagon", "USA"), ("U.S.", "USA"),
        ("Americans", "USA"), ("Emirati", "ARE"), ("Burma", "MMR"), ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"), ("Türkiye", "TUR"), ("Czech Republic", "CZE"),
        ("the DRC", "COD"), ("KCNA", "PRK"), ("the IRGC", "IRN"), ("the IDF", "ISR"),
        ("Kiev", "UKR"), ("Naypyidaw", "MMR"), ("rus", "RUS"), ("Foggy Bottom", "USA"),
        ("the West Bank", "PSE"), ("Senate Foreign Relations Committee", "USA"),
    ],
)
def test_state_metonyms_resolve(index, text, expected):
    record = index.find(text)
    assert record is not None and record.id == expected


@pytest.mark.parametrize(
    ("text", "expected_id", "country"),
    [
        ("Wagner", "wagner-group", "RUS"), ("Houthis", "houthis", "YEM"),
        ("Ansar Allah", "houthis", "YEM"), ("Hizballah", "hezbollah", "LBN"),
        ("Baykar", "baykar", "TUR"), ("KOMID", "komid", "PRK"),
        ("Rosoboronexport", "rosoboronexport", "RUS"), ("RSF", "rsf", "SDN"),
        ("the Wall Street Journal", "wall-street-journal", None),
        ("UN Security Council", "un-security-council", None),
    ],
)
def test_organisations_resolve_with_their_country(index, text, expected_id, country):
    record = index.find(text)
    assert record is not None
    assert (record.id, record.country) == (expected_id, country)


def test_people_resolve_by_alias_and_carry_their_state(index):
    assert index.find("Zelenskyy").id == "volodymyr-zelensky"
    assert index.find("Kim Jong-un").country == "PRK"
    prigozhin = index.find("Prigozhin")
    assert (prigozhin.type, prigozhin.country) == ("person", "RUS")


def test_acts_for_follows_office_dates(index):
    assert index.acts_for("sergei-shoigu", D(2023, 1, 1)) == "RUS"
    assert index.acts_for("sergei-shoigu", D(2025, 1, 1)) == "RUS"
    assert index.acts_for("ahmed-al-sharaa", D(2020, 1, 1)) == "hts"
    assert index.acts_for("ahmed-al-sharaa", D(2025, 6, 1)) == "SYR"
    # After every office has ended, the last side served still counts.
    assert index.acts_for("yevgeny-prigozhin", D(2024, 1, 1)) == "wagner-group"
    assert index.acts_for("ahmed-al-sharaa", None) == "SYR"
    assert index.acts_for("nobody-at-all", D(2024, 1, 1)) is None


def test_holder_of_an_office_on_a_date(index):
    assert index.holder("RUS", "defence_minister", D(2023, 6, 1)) == "sergei-shoigu"
    assert index.holder("RUS", "defence_minister", D(2024, 6, 1)) == "andrei-belousov"
    assert index.holder("USA", "head_of_state", D(2023, 1, 1)) == "joe-biden"
    assert index.holder("USA", "head_of_state", D(2025, 3, 1)) == "donald-trump"
    assert index.holder("hezbollah", "leader", D(2020, 1, 1)) == "hassan-nasrallah"
    assert index.holder("GBR", "head_of_government", D(1990, 1, 1)) is None


def test_regions_need_context(index):
    north = [alias for alias in index.aliases() if alias.text == "the North"]
    assert [(alias.actor_id, alias.needs_context) for alias in north] == [("PRK", "KOR")]


def test_ambiguous_forms_resolve_to_the_declared_winner(index):
    assert index.find("Congo").id == "COD"
    congo = [alias.actor_id for alias in index.aliases() if alias.text == "Congo"]
    assert congo[0] == "COD" and "COG" in congo


def test_no_alias_is_a_plain_english_word(index):
    """A name with a comma left unquoted in a YAML list splits into loose words."""
    plain = {"Acquisition", "Technology", "Defence", "Defense", "Council", "Agency",
             "Ministry", "Force", "Forces", "Army", "Navy", "Office", "Service"}
    loose = [(alias.text, alias.actor_id) for alias in index.aliases() if alias.text in plain]
    assert loose == []
    assert index.find("Defence Acquisition Council").id == "IND"


def test_people_knowledge_is_broad_and_dated(index):
    people = [alias.actor_id for alias in index.aliases() if alias.kind == "person"]
    assert len(set(people)) >= 400
    for person_id in set(people):
        for office in index.offices(person_id):
            assert office.start is None or office.end is None or office.start <= office.end


def test_load_is_cached_per_directory():
    assert load_actor_index() is load_actor_index(DEFAULT_DIRECTORY)


# --- validation of broken data --------------------------------------------------------------

def _copy_data(tmp_path: pathlib.Path) -> pathlib.Path:
    target = tmp_path / "actors"
    shutil.copytree(DEFAULT_DIRECTORY, target)
    return target


def _edit(directory: pathlib.Path, file_name: str, list_key: str, change) -> None:
    path = directory / file_name
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(content[list_key])
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")


def _load_error(directory: pathlib.Path) -> str:
    with pytest.raises(DataFileError) as caught:
        load_actor_index(directory)
    return str(caught.value)


def test_missing_field_names_file_and_record(tmp_path):
    directory = _copy_data(tmp_path)
    _edit(directory, ORGANISATIONS_FILE, "organisations",
          lambda orgs: next(org for org in orgs if org["id"] == "baykar").pop("type"))
    message = _load_error(directory)
    assert ORGANISATIONS_FILE in message and "baykar" in message and "type" in message


def test_unknown_country_is_rejected(tmp_path):
    directory = _copy_data(tmp_path)

    def break_country(orgs):
        next(org for org in orgs if org["id"] == "wagner-group")["country"] = "XYZ"

    _edit(directory, ORGANISATIONS_FILE, "organisations", break_country)
    message = _load_error(directory)
    assert ORGANISATIONS_FILE in message and "wagner-group" in message and "XYZ" in message


def test_duplicate_id_across_files_is_rejected(tmp_path):
    directory = _copy_data(tmp_path)
    _edit(directory, PEOPLE_FILE, "people", lambda people: people.append(
        {"id": "hamas", "name": "Someone", "offices": [
            {"for": "PSE", "role": "envoy", "from": "2020-01-01", "to": None}]}))
    message = _load_error(directory)
    assert PEOPLE_FILE in message and "hamas" in message and "duplicate" in message


def test_bad_and_reversed_dates_are_rejected(tmp_path):
    directory = _copy_data(tmp_path)

    def break_date(people):
        next(p for p in people if p["id"] == "sergei-shoigu")["offices"][0]["from"] = "2012-13-45"

    _edit(directory, PEOPLE_FILE, "people", break_date)
    message = _load_error(directory)
    assert PEOPLE_FILE in message and "sergei-shoigu" in message and "2012-13-45" in message

    directory = _copy_data(tmp_path / "again")

    def reverse(people):
        office = next(p for p in people if p["id"] == "joe-biden")["offices"][0]
        office["from"], office["to"] = office["to"], office["from"]

    _edit(directory, PEOPLE_FILE, "people", reverse)
    message = _load_error(directory)
    assert "joe-biden" in message and "before it starts" in message


def test_unknown_office_holder_side_is_rejected(tmp_path):
    directory = _copy_data(tmp_path)
    _edit(directory, PEOPLE_FILE, "people",
          lambda people: people[0]["offices"][0].update({"for": "atlantis"}))
    message = _load_error(directory)
    assert PEOPLE_FILE in message and "atlantis" in message


def test_undeclared_alias_collision_is_rejected(tmp_path):
    directory = _copy_data(tmp_path)
    _edit(directory, STATES_FILE, "states", lambda states: next(
        s for s in states if s["id"] == "CHN")["names"].append("Moscow"))
    message = _load_error(directory)
    assert "moscow" in message and "RUS" in message and "CHN" in message


def test_place_names_that_are_no_actors_must_be_a_list(tmp_path):
    directory = _copy_data(tmp_path)
    path = directory / STATES_FILE
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    content["not_actors"] = {"Latin America": "USA"}
    path.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    message = _load_error(directory)
    assert STATES_FILE in message and "not_actors" in message


def test_place_names_that_are_no_actors_are_loaded(index):
    assert "Latin America" in index.not_actors and "South China Sea" in index.not_actors
