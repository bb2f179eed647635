"""States that do not arm each other: the bundled data, the bans a supplier's own bloc
keeps, and bad data files."""

from __future__ import annotations

import datetime as dt

import pytest

from armswatch.errors import DataFileError
from armswatch.knowledge.adversaries import load_adversaries


@pytest.fixture(scope="module")
def adversaries():
    return load_adversaries()


@pytest.mark.parametrize("supplier, recipient, on, expected", [
    ("RUS", "UKR", "2020-05-01", True),
    ("UKR", "RUS", "2020-05-01", True),  # either direction
    ("RUS", "UKR", "2010-05-01", False),  # before the war
    ("DEU", "RUS", "2016-01-01", True),  # the EU embargo binds its members
    ("DEU", "RUS", "2012-01-01", False),
    ("PRK", "RUS", "2024-01-01", False),  # a UN ban is broken in the news, no ground here
    ("FRA", "CHN", "2015-01-01", True),
    ("IRN", "UKR", "2021-01-01", False),
    ("IRN", "UKR", "2023-01-01", True),
])
def test_who_is_at_odds_when(adversaries, supplier, recipient, on, expected):
    assert adversaries.at_odds(supplier, recipient, dt.date.fromisoformat(on)) is expected


def test_every_pair_says_what_it_rests_on(adversaries):
    assert adversaries.spans
    assert all(len(pair) == 2 for pair in adversaries.spans)


@pytest.mark.parametrize("body, problem", [
    ("pairs:\n  - pair: [RUS]\n    from: '2014-01-01'\n    source: x\n", "pair: [A, B]"),
    ("pairs:\n  - pair: [RUS, UKR]\n    from: 'spring'\n    source: x\n", "ISO dates"),
    ("pairs: [\n", "invalid YAML"),
])
def test_a_bad_file_is_named_with_its_problem(tmp_path, body, problem):
    path = tmp_path / "adversaries.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_adversaries(path)
    assert str(path) in str(err.value) and problem in str(err.value)
