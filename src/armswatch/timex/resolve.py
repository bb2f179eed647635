"""Turn the parts of a matched expression into a TIMEX3 value, relative to publication."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from armswatch.timex.calendar import add_months, iso_week
from armswatch.timex.vocab import Vocabulary

SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n\s*\n")
LOOKBACK_CHARS = 50


@dataclass
class Reading:
    """What a rule makes of its match; the tagger adds offsets and the interval."""

    type: str
    value: str
    fuzzy: str | None = None  # early / mid / late slice of the value's period
    interval: tuple[str | None, str | None] | None = None  # set when not derivable from value


def same_offset(pos: int) -> int:
    return pos


@dataclass
class Context:
    """Everything a rule may consult besides its own match.

    Rules may match a shortened copy of the text (only the stretches near time words);
    `to_source` maps an offset in what they matched back to `text`, the full original.
    """

    text: str
    published: dt.date | None
    vocab: Vocabulary
    forward_cues: re.Pattern[str]
    to_source: Callable[[int], int] = same_offset
    recent_quarter: tuple[int, str] | None = None  # (source offset, value) of the last quarter

    def before(self, pos: int, chars: int) -> str:
        start = self.to_source(pos)
        return self.text[max(0, start - chars):start]

    def after(self, pos: int, chars: int) -> str:
        end = self.to_source(pos)
        return self.text[end:end + chars]

    def clause_before(self, pos: int) -> str:
        """Text from the start of the sentence (at most LOOKBACK_CHARS back) to `pos`."""
        window = self.before(pos, LOOKBACK_CHARS)
        breaks = list(SENTENCE_BREAK.finditer(window))
        return window[breaks[-1].end():] if breaks else window

    def looks_forward(self, start: int, own_text: str = "") -> bool:
        """Does the clause before the expression (or the expression itself) point ahead?"""
        return bool(self.forward_cues.search(self.clause_before(start))
                    or re.search(r"\b(?:next|coming|upcoming)\b", own_text, re.I))

    def word_before(self, start: int) -> str:
        m = re.search(r"([A-Za-z']+)\W*$", self.before(start, 30))
        return m.group(1).lower() if m else ""


def year_for_month(published: dt.date, month: int, forward: bool) -> int:
    """Latest such month on or before publication, or the next one when looking ahead."""
    if forward:
        return published.year if month >= published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def year_for_day(published: dt.date, month: int, day: int, forward: bool) -> int:
    key = (month, day)
    today = (published.month, published.day)
    if forward:
        return published.year if key >= today else published.year + 1
    return published.year if key <= today else published.year - 1


def nearest_year_for_day(published: dt.date, month: int, day: int) -> int:
    """The year that puts month/day closest to publication (a news date is rarely far off)."""
    def distance(year: int) -> int:
        try:
            return abs((dt.date(year, month, day) - published).days)
        except ValueError:  # February 29 in a common year
            return 10**6
    return min((published.year - 1, published.year, published.year + 1), key=distance)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The n-th given weekday of a month (n = -1 for the last)."""
    if nth > 0:
        first = dt.date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (nth - 1))
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    last = following - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7 + 7 * (-nth - 1))


def weekday_date(published: dt.date, weekday: int, forward: bool) -> dt.date:
    """Latest such weekday on or before publication (the day itself when it matches)."""
    delta = weekday - published.isoweekday()
    if forward:
        return published + dt.timedelta(days=delta % 7)
    return published - dt.timedelta(days=(-delta) % 7)


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + delta
    return index // 4, index % 4 + 1


def shifted_value(published: dt.date, unit: str, delta: int) -> str | None:
    """The calendar period `delta` units away from publication, at that unit's grain."""
    if unit == "year":
        return str(published.year + delta)
    if unit == "month":
        year, month = add_months(published.year, published.month, delta)
        return f"{year:04d}-{month:02d}"
    if unit in ("week", "fortnight"):
        days = 7 * delta * (2 if unit == "fortnight" else 1)
        return iso_week(published + dt.timedelta(days=days))
    if unit == "weekend":
        return iso_week(published + dt.timedelta(days=7 * delta)) + "-WE"
    if unit == "day":
        return (published + dt.timedelta(days=delta)).isoformat()
    if unit == "quarter":
        year, quarter = shift_quarter(published.year, quarter_of(published), delta)
        return f"{year}-Q{quarter}"
    if unit == "decade":
        return str(published.year // 10 + delta)
    if unit == "century":
        return str(published.year // 100 + delta)
    return None


def unknown_value(unit: str) -> str:
    """A value with X's for a period whose anchor is unknown."""
    return {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
            "day": "XXXX-XX-XX", "quarter": "XXXX-QX", "decade": "XXX",
            "century": "XX"}.get(unit, "XXXX-XX-XX")


def duration_value(vocab: Vocabulary, unit_name: str, count: float | None) -> str:
    """TIMEX3 duration: "P18M", "PT3H", "P10Y"; an X for a vague count ("PXW")."""
    unit = vocab.units[unit_name]
    prefix = "PT" if unit.time else "P"
    if count is None:
        code = {"decade": "DE", "century": "CE"}.get(unit_name, unit.code)
        return f"{prefix}X{code}"
    total = count * unit.count
    amount = str(int(total)) if float(total).is_integer() else f"{total:g}"
    return f"{prefix}{amount}{unit.code}"


def step_back(published: dt.date, unit_name: str, count: float) -> dt.date | None:
    """The day `count` units before publication (for "the past two years")."""
    if unit_name in ("year", "decade", "century", "month", "quarter"):
        months = {"year": 12, "decade": 120, "century": 1200, "month": 1, "quarter": 3}
        year, month = add_months(published.year, published.month,
                                 -round(count * months[unit_name]))
        if year < 1:
            return None
        return dt.date(year, month, min(published.day, 28))
    days = {"day": 1, "week": 7, "fortnight": 14}.get(unit_name)
    if days is None:
        return published
    return published - dt.timedelta(days=round(count * days))
