"""Calendar arithmetic on TIMEX3 values: shifting, formatting and value -> interval."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from armswatch.timex.vocab import load_vocabulary

Interval = tuple[str | None, str | None]
NO_INTERVAL: Interval = (None, None)

_QUARTER_MONTHS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
_HALF_MONTHS = {1: (1, 6), 2: (7, 12)}

_VALUE = re.compile(
    r"""^(?P<year>\d{4})
        (?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d))?
             |W(?P<week>\d\d?)(?P<weekend>-WE)?
             |Q(?P<quarter>[1-4])
             |H(?P<half>[12])
             |(?P<season>SP|SU|FA|WI)))?
        (?:T.*)?$""",
    re.X,
)
_DECADE = re.compile(r"^(?P<decade>\d{3})$")
_CENTURY = re.compile(r"^(?P<century>\d{2})$")


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_span(year: int, first: int, last: int) -> Interval:
    """Months first..last of `year`; `last` < `first` wraps into the next year."""
    end_year = year + 1 if last < first else year
    return (dt.date(year, first, 1).isoformat(),
            dt.date(end_year, last, last_day(end_year, last)).isoformat())


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_start(value_year: int, week: int) -> dt.date:
    return dt.date.fromisocalendar(value_year, week, 1)


def _season_interval(year: int, code: str) -> Interval:
    first, last = load_vocabulary().season_months[code]
    return month_span(year, first, last)


def _dated_interval(m: re.Match[str]) -> Interval:
    year = int(m["year"])
    if m["day"]:
        day = dt.date(year, int(m["month"]), int(m["day"])).isoformat()
        return day, day
    if m["month"]:
        month = int(m["month"])
        return month_span(year, month, month)
    if m["week"]:
        start = week_start(year, int(m["week"]))
        if m["weekend"]:
            start += dt.timedelta(days=5)
            return start.isoformat(), (start + dt.timedelta(days=1)).isoformat()
        return start.isoformat(), (start + dt.timedelta(days=6)).isoformat()
    if m["quarter"]:
        return month_span(year, *_QUARTER_MONTHS[int(m["quarter"])])
    if m["half"]:
        return month_span(year, *_HALF_MONTHS[int(m["half"])])
    if m["season"]:
        return _season_interval(year, m["season"])
    return month_span(year, 1, 12)


def interval_of(value: str) -> Interval:
    """ISO start/end dates covered by a TIMEX3 date value; (None, None) if it has none."""
    if "X" in value or value.startswith("P"):
        return NO_INTERVAL
    try:
        if m := _VALUE.match(value):
            return _dated_interval(m)
        if m := _DECADE.match(value):
            first = int(m["decade"]) * 10
            return f"{first:04d}-01-01", f"{first + 9:04d}-12-31"
        if m := _CENTURY.match(value):
            first = int(m["century"]) * 100
            return f"{first:04d}-01-01", f"{first + 99:04d}-12-31"
    except ValueError:  # e.g. February 30 or week 54
        return NO_INTERVAL
    return NO_INTERVAL


def narrow(interval: Interval, value: str, kind: str) -> Interval:
    """Keep the early / mid / late slice of a year, month or decade interval."""
    start, end = interval
    if start is None or end is None:
        return interval
    slices = load_vocabulary().fuzzy[kind]
    first = dt.date.fromisoformat(start)
    if _DECADE.match(value):
        lo, hi = slices["decade"]
        return f"{first.year + lo:04d}-01-01", f"{first.year + hi:04d}-12-31"
    if re.fullmatch(r"\d{4}", value):
        return month_span(first.year, *slices["year"])
    if re.fullmatch(r"\d{4}-\d\d", value):
        lo, hi = slices["month"]
        hi = min(hi, last_day(first.year, first.month)) if hi >= 28 else hi
        if kind == "late":
            hi = last_day(first.year, first.month)
        return (first.replace(day=lo).isoformat(), first.replace(day=hi).isoformat())
    return interval
