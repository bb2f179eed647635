"""Behaviour of the time stage on the cases the field guidelines name."""

from __future__ import annotations

import datetime as dt

import pytest

from armswatch.pipeline.timex import Timex, find_timexes, interval_of
from armswatch.timex.vocab import VocabularyError, build_vocabulary, load_vocabulary

PUBLISHED = dt.date(2023, 9, 14)  # a Thursday
JANUARY = dt.date(2023, 1, 20)  # a Friday


def only(text: str, published: dt.date | None = PUBLISHED) -> Timex:
    found = find_timexes(text, published)
    assert len(found) == 1, found
    return found[0]


def test_offsets_point_at_the_expression() -> None:
    text = "Deliveries began on Wednesday, officials said."
    timex = only(text)
    assert text[timex.start:timex.end] == timex.text == "Wednesday"


@pytest.mark.parametrize(("text", "value"), [
    ("The convoy arrived on Wednesday.", "2023-09-13"),
    ("The convoy arrived on Thursday.", "2023-09-14"),  # the day itself
    ("The convoy arrived on Friday.", "2023-09-08"),
    ("The convoy will arrive on Friday.", "2023-09-15"),
])
def test_weekday_is_latest_on_or_before_publication_unless_forward(text: str, value: str) -> None:
    timex = only(text)
    assert (timex.type, timex.value) == ("DATE", value)
    assert timex.interval == (value, value)


def test_month_is_latest_on_or_before_publication() -> None:
    assert only("The shells were shipped in March.", JANUARY).value == "2022-03"
    assert only("The shells were shipped in January.", JANUARY).value == "2023-01"


@pytest.mark.parametrize("text", [
    "Moscow will receive the drones in March.",
    "The first batch is due to arrive in March.",
    "Delivery is expected in March.",
])
def test_forward_looking_clause_moves_month_ahead(text: str) -> None:
    assert only(text, JANUARY).value == "2023-03"


@pytest.mark.parametrize(("text", "interval"), [
    ("late in 2022", ("2022-10-01", "2022-12-31")),
    ("late 2022", ("2022-10-01", "2022-12-31")),
    ("early 2023", ("2023-01-01", "2023-04-30")),
    ("mid-2023", ("2023-05-01", "2023-08-31")),
    ("summer 2023", ("2023-06-01", "2023-08-31")),
    ("the first half of 2024", ("2024-01-01", "2024-06-30")),
    ("in the 1990s", ("1990-01-01", "1999-12-31")),
    ("February 24, 2022", ("2022-02-24", "2022-02-24")),
    ("24 Feb 2022", ("2022-02-24", "2022-02-24")),
    ("2022-02-24", ("2022-02-24", "2022-02-24")),
])
def test_explicit_dates_and_fuzzy_parts(text: str, interval: tuple[str, str]) -> None:
    assert only(f"It happened {text}.").interval == interval


@pytest.mark.parametrize(("text", "value", "interval"), [
    ("last November", "2022-11", ("2022-11-01", "2022-11-30")),
    ("last year", "2022", ("2022-01-01", "2022-12-31")),
    ("this month", "2023-09", ("2023-09-01", "2023-09-30")),
    ("two weeks ago", "2023-W35", ("2023-08-28", "2023-09-03")),
    ("yesterday", "2023-09-13", ("2023-09-13", "2023-09-13")),
    ("in the spring", "2023-SP", ("2023-03-01", "2023-05-31")),
    ("in Q3", "2023-Q3", ("2023-07-01", "2023-09-30")),
])
def test_relative_expressions_resolve_against_publication(
        text: str, value: str, interval: tuple[str, str]) -> None:
    timex = only(f"Shipments were seen {text}.")
    assert (timex.value, timex.interval) == (value, interval)


def test_last_month_name_is_before_the_publication_month() -> None:
    assert only("It was signed last September.").value == "2022-09"


def test_since_runs_to_publication() -> None:
    timex = only("Iran has supplied drones since 2014.")
    assert (timex.value, timex.interval) == ("2014", ("2014-01-01", "2023-09-14"))


def test_durations_have_no_interval_unless_anchored() -> None:
    war = only("The 18-month-old war drags on.")
    assert (war.type, war.value, war.interval) == ("DURATION", "P18M", (None, None))
    decade = only("Arms flowed over the past decade.")
    assert (decade.type, decade.value) == ("DURATION", "P10Y")
    assert decade.interval == ("2013-09-14", "2023-09-14")


def test_ages_are_not_durations() -> None:
    assert find_timexes("The 52-year-old minister resigned.", PUBLISHED) == []


def test_unresolvable_keeps_text_and_x_value() -> None:
    timex = only("The deal was signed on Friday.", None)
    assert timex.text == "Friday"
    assert timex.value == "XXXX-WXX-5"
    assert timex.interval == (None, None)
    assert only("They met in March.", None).value == "XXXX-03"


def test_modal_may_is_not_a_month() -> None:
    assert find_timexes("Russia may send more shells.", PUBLISHED) == []
    assert only("Russia sent more shells in May.").value == "2023-05"


def test_reference_words() -> None:
    now = only("The factory is now producing drones.")
    assert (now.value, now.interval) == ("PRESENT_REF", ("2023-09-14", "2023-09-14"))


def test_interval_of_values() -> None:
    assert interval_of("2022-Q4") == ("2022-10-01", "2022-12-31")
    assert interval_of("2023-03") == ("2023-03-01", "2023-03-31")
    assert interval_of("2024-02") == ("2024-02-01", "2024-02-29")
    assert interval_of("2023-W35") == ("2023-08-28", "2023-09-03")
    assert interval_of("2023-WI") == ("2023-12-01", "2024-02-29")
    assert interval_of("199") == ("1990-01-01", "1999-12-31")
    assert interval_of("P18M") == (None, None)
    assert interval_of("XXXX-03") == (None, None)
    assert interval_of("PRESENT_REF") == (None, None)


def test_every_expression_in_a_paragraph_is_found_in_order() -> None:
    text = ("On Monday, two weeks after the 2022 summit, officials said deliveries "
            "would resume next month and continue daily for several weeks.")
    found = find_timexes(text, PUBLISHED)
    assert [t.text for t in found] == ["Monday", "two weeks", "2022", "next month", "daily",
                                       "several weeks"]
    assert [t.type for t in found] == ["DATE", "DURATION", "DATE", "DATE", "SET", "DURATION"]
    assert [t.value for t in found] == ["2023-09-11", "P2W", "2022", "2023-10", "P1D", "PXW"]
    assert all(text[t.start:t.end] == t.text for t in found)


def test_vocabulary_requires_sources() -> None:
    with pytest.raises(VocabularyError):
        build_vocabulary({"months": {1: ["January"]}})


def test_packaged_vocabulary_loads() -> None:
    vocab = load_vocabulary()
    assert vocab.months["sept"] == 9
    assert vocab.weekdays["friday"] == 5
