"""The recognition rules: one compiled pattern and one reader per kind of expression."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from armswatch.timex import patterns as p
from armswatch.timex import resolve as r
from armswatch.timex.resolve import Context, Reading
from armswatch.timex.vocab import Vocabulary

Reader = Callable[[re.Match[str], Context], Reading | None]

DETERMINER = r"(?:(?i:the)\s+)?"
RELATIVE = (r"(?P<rel>(?i:last|this|next|past|coming|previous|following|current|same|"
            r"latest|recent|upcoming))")


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    read: Reader
    needs: frozenset[str]  # anchor kinds one of which every match contains


# Which anchor kinds (see patterns.anchor_kinds) each rule's matches contain.
RULE_ANCHORS = {
    "clock": "number word", "clock24": "number", "date_month_day": "month",
    "date_day_month": "month", "iso_date": "number", "us_date": "number",
    "month_year": "month", "holiday": "holiday", "quarter": "unit word", "q_code": "word",
    "bare_quarter": "unit", "decade": "number", "century": "unit", "season": "season",
    "relative_unit": "unit word", "offset": "unit", "duration": "unit",
    "vague_duration": "unit", "bare_plural": "unit", "year": "number", "month": "month",
    "weekday": "weekday", "deictic": "word part", "set": "word weekday part season unit",
    "weekday_plural": "weekday", "reference": "word unit", "present_adjective": "word",
    "the_period": "unit word part", "year_ago_period": "unit",
}


def _g(m: re.Match[str], group: str) -> str | None:
    """A named group's text, or None when the rule's pattern has no such group."""
    return m.groupdict().get(group)


def _g(m: re.Match[str], group: str) -> str | None:
    """A named group's text, or None when the rule's pattern has no such group."""
    return m.groupdict().get(group)


def _unit_name(text: str) -> str:
    word = text.lower()
    return "century" if word.startswith("centur") else word.rstrip("s")


def _count(vocab: Vocabulary, text: str | None) -> float | None:
    """Numeric value of "18", "two", "twenty-five", "a"; None for "several"."""
    if not text:
        return 1.0
    words = re.split(r"[\s-]+", text.lower())
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    joined = " ".join(words)
    if joined in vocab.numbers:
        return float(vocab.numbers[joined])
    if all(w in vocab.numbers for w in words):
        return float(sum(vocab.numbers[w] for w in words))
    return None


def _month(vocab: Vocabulary, name: str) -> int:
    return vocab.months[name.rstrip(".").lower()]


def _date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _day_value(m: re.Match[str], ctx: Context) -> str | None:
    """YYYY-MM-DD for a month and day, guessing the year from publication if absent."""
    month, day = _month(ctx.vocab, _g(m, "month")), int(_g(m, "day"))
    if _g(m, "year"):
        return _date(int(_g(m, "year")), month, day)
    if ctx.published is None:
        return f"XXXX-{month:02d}-{day:02d}"
    if ctx.looks_forward(m.start()):
        return _date(r.year_for_day(ctx.published, month, day, True), month, day)
    return _date(r.nearest_year_for_day(ctx.published, month, day), month, day)


def _fuzzy_kind(ctx: Context, text: str | None) -> str | None:
    if not text:
        return None
    return ctx.vocab.fuzzy_words.get(re.sub(r"\s+", " ", text.lower()))


# --- readers ---------------------------------------------------------------------------------

def read_full_date(m: re.Match[str], ctx: Context) -> Reading | None:
    value = _day_value(m, ctx)
    return Reading("DATE", value, _fuzzy_kind(ctx, _g(m, "fuzzy"))) if value else None


def read_iso_date(m: re.Match[str], ctx: Context) -> Reading | None:
    year = int(_g(m, "y") or 0)
    if year < 100:  # "3/21/13": two-digit years are read as 1950-2049
        year += 2000 if year < 50 else 1900
    value = _date(year, int(_g(m, "mo") or 0), int(_g(m, "d") or 0))
    return Reading("DATE", value) if value else None


def read_month_year(m: re.Match[str], ctx: Context) -> Reading:
    month = _month(ctx.vocab, _g(m, "month"))
    return Reading("DATE", f"{_g(m, 'year')}-{month:02d}", _fuzzy_kind(ctx, _g(m, "fuzzy")))


def read_month(m: re.Match[str], ctx: Context) -> Reading | None:
    name = _g(m, "month")
    rel = (_g(m, "rel") or "").lower()
    cued = bool(rel or _g(m, "fuzzy")) or ctx.word_before(m.start()) in ctx.vocab.calendar_cues
    if name.rstrip(".").lower() in ctx.vocab.ambiguous_months and not name.endswith(".") \
            and not cued:
        return None
    short = len(name.rstrip(".")) <= 4 and name not in ("June", "July", "May")
    if short and not name.endswith("."):  # "Jan" alone is too often something else
        return None
    month = _month(ctx.vocab, name)
    fuzzy = _fuzzy_kind(ctx, _g(m, "fuzzy"))
    if ctx.published is None:
        return Reading("DATE", f"XXXX-{month:02d}", fuzzy)
    pub = ctx.published
    if rel in ("last", "past", "previous"):
        year = pub.year if month < pub.month else pub.year - 1
    elif rel in ("next", "coming", "upcoming"):
        year = pub.year if month > pub.month else pub.year + 1
    elif rel == "this":
        year = pub.year
    else:
        year = r.year_for_month(pub, month, ctx.looks_forward(m.start()))
    return Reading("DATE", f"{year}-{month:02d}", fuzzy)


def read_year(m: re.Match[str], ctx: Context) -> Reading | None:
    if re.search(r"[$£€#]\s*$|\bNo\.\s*$|\b(?:page|number|flight|route)\s*$",
                 ctx.before(m.start(), 10), re.I):
        return None
    return Reading("DATE", _g(m, "year"), _fuzzy_kind(ctx, _g(m, "fuzzy")))


def read_decade(m: re.Match[str], ctx: Context) -> Reading:
    digits = _g(m, "decade")
    century = _g(m, "century") or "19"
    value = (century + digits)[:3]
    return Reading("DATE", value, _fuzzy_kind(ctx, _g(m, "fuzzy")))


def read_century(m: re.Match[str], ctx: Context) -> Reading:
    return Reading("DATE", f"{int(_g(m, 'nth')) - 1:02d}", _fuzzy_kind(ctx, _g(m, "fuzzy")))


def _year_from_words(m: re.Match[str], ctx: Context) -> int | None:
    """Year of "1989's third quarter", "Q3 '23", "the first half of next year"."""
    explicit = _g(m, "year") or _g(m, "year2")
    if explicit:
        return int(explicit)
    if _g(m, "yy"):
        return 2000 + int(_g(m, "yy") or 0)
    if ctx.published is None:
        return None
    relative = (_g(m, "ryear") or _g(m, "ry2") or "").lower()
    return ctx.published.year + {"last": -1, "next": 1}.get(relative, 0)


def read_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    ordinal = (_g(m, "ord") or "").lower()
    number = int(_g(m, "qnum") or 0) or ctx.vocab.ordinals.get(ordinal)
    half = (_g(m, "kind") or "").lower().startswith("h")
    if number is None or number > (2 if half else 4):
        return None
    year = _year_from_words(m, ctx)
    value = f"{year if year else 'XXXX'}-{'H' if half else 'Q'}{number}"
    if not half:
        ctx.recent_quarter = (ctx.to_source(m.end()), value)
    return Reading("DATE", value)


def read_bare_quarter(m: re.Match[str], ctx: Context) -> Reading:
    """"the quarter", "the latest quarter": the last quarter finished before publication."""
    if ctx.published is None:
        return Reading("DATE", "XXXX-QX")
    year, quarter = r.shift_quarter(ctx.published.year, r.quarter_of(ctx.published), -1)
    value = f"{year}-Q{quarter}"
    ctx.recent_quarter = (ctx.to_source(m.end()), value)
    return Reading("DATE", value)


def read_season(m: re.Match[str], ctx: Context) -> Reading | None:
    code = ctx.vocab.seasons[_g(m, "season").lower()]
    rel = (_g(m, "rel") or "").lower()
    fuzzy = _fuzzy_kind(ctx, _g(m, "fuzzy"))
    word = _g(m, "season").lower()
    before = ctx.word_before(m.start())
    if not (_g(m, "year") or rel or fuzzy) and word in ("fall", "spring") and before not in (
            "in", "the", "during", "this", "last", "next", "since", "until", "by"):
        return None
    if _g(m, "year"):
        return Reading("DATE", f"{_g(m, 'year')}-{code}", fuzzy)
    if ctx.published is None:
        return Reading("DATE", f"XXXX-{code}", fuzzy)
    start_month = ctx.vocab.season_months[code][0]
    pub = ctx.published
    year = pub.year
    if rel in ("last", "past", "previous"):
        year = pub.year if start_month < pub.month and code != "WI" else pub.year - 1
    elif rel in ("next", "coming", "upcoming"):
        year = pub.year if start_month > pub.month else pub.year + 1
    elif not rel and ctx.looks_forward(m.start()):
        year = pub.year if start_month >= pub.month else pub.year + 1
    elif not rel and start_month > pub.month and code != "WI":
        year = pub.year - 1
    return Reading("DATE", f"{year}-{code}", fuzzy)


def read_relative_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    """"last year", "this week", "next month", "earlier this year", "the past decade"."""
    unit = _unit_name(_g(m, "unit"))
    rel = (_g(m, "rel") or "").lower()
    fuzzy = _fuzzy_kind(ctx, _g(m, "fuzzy"))
    if rel == "past" or (rel in ("last", "coming", "next") and _g(m, "the") and unit != "week"):
        count = 1.0
        value = r.duration_value(ctx.vocab, unit, count) if unit in ctx.vocab.units else None
        if value is None:
            return None
        return _anchored_duration(ctx, value, unit, count, forward=rel in ("coming", "next"))
    if ctx.published is None:
        return Reading("DATE", r.unknown_value(unit), fuzzy)
    delta = {"last": -1, "previous": -1, "next": 1, "coming": 1, "upcoming": 1}.get(rel, 0)
    if unit == "quarter" and rel in ("latest", "recent"):
        return read_bare_quarter(m, ctx)
    value = r.shifted_value(ctx.published, unit, delta)
    if value is None:
        return None
    if unit == "quarter":
        ctx.recent_quarter = (ctx.to_source(m.end()), value)
    return Reading("DATE", value, fuzzy)


def _anchored_duration(ctx: Context, value: str, unit: str, count: float | None,
                       forward: bool = False) -> Reading:
    """A duration that ends (or starts) at publication: "the past two years"."""
    if ctx.published is None or count is None:
        return Reading("DURATION", value, interval=(None, None))
    if forward:
        back = r.step_back(ctx.published, unit, -count)
        start, end = ctx.published, back
    else:
        start, end = r.step_back(ctx.published, unit, count), ctx.published
    if start is None or end is None:
        return Reading("DURATION", value, interval=(None, None))
    return Reading("DURATION", value, interval=(start.isoformat(), end.isoformat()))


def read_offset(m: re.Match[str], ctx: Context) -> Reading | None:
    """"two weeks ago", "a year earlier", "three days from now"."""
    unit = _unit_name(_g(m, "unit"))
    count = _count(ctx.vocab, _g(m, "num"))
    if count is None or unit not in ("year", "month", "week", "day", "decade", "quarter"):
        return None
    if ctx.published is None:
        return Reading("DATE", r.unknown_value(unit))
    sign = -1 if _g(m, "dir").lower() in ("ago", "earlier", "before", "back") else 1
    recent = ctx.recent_quarter
    if unit == "year" and count == 1 and recent and ctx.to_source(m.start()) - recent[0] < 400 \
            and "X" not in recent[1] and sign < 0:
        year, quarter = recent[1].split("-Q")
        return Reading("DATE", f"{int(year) - 1}-Q{quarter}")
    value = r.shifted_value(ctx.published, unit, sign * round(count))
    return Reading("DATE", value) if value else None


def read_duration(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = _unit_name(_g(m, "unit"))
    if unit not in ctx.vocab.units:
        return None
    count = _count(ctx.vocab, _g(m, "num"))
    if _is_not_a_duration(m, ctx, unit):
        return None
    value = r.duration_value(ctx.vocab, unit, count)
    lead = (_g(m, "lead") or "").lower().split()
    if lead and lead[-1] in ("past", "last"):
        return _anchored_duration(ctx, value, unit, count)
    if lead and lead[-1] in ("next", "coming"):
        return _anchored_duration(ctx, value, unit, count, forward=True)
    return Reading("DURATION", value, interval=(None, None))


def _is_not_a_duration(m: re.Match[str], ctx: Context, unit: str) -> bool:
    """Ages ("a 6-year-old"), fractions ("three-quarters") and "a second" are not durations."""
    matched = m.group(0).lower()
    if unit == "year" and re.search(r"old$", matched):
        following = re.match(r"[\s-]*([a-z]+)", ctx.after(m.end(), 30).lower())
        return not (following and following.group(1) in ctx.vocab.aged_things)
    if unit == "quarter" and re.search(r"-quarters?$", matched):
        return True
    return unit == "second" and (_g(m, "num") or "").lower() in ("a", "an")


def read_vague_duration(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = _unit_name(_g(m, "unit"))
    if unit not in ctx.vocab.units:
        return None
    return Reading("DURATION", r.duration_value(ctx.vocab, unit, None), interval=(None, None))


def read_bare_plural(m: re.Match[str], ctx: Context) -> Reading | None:
    """"for years", "for weeks": only the unit word is the expression."""
    return read_vague_duration(m, ctx)


def read_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    weekday = ctx.vocab.weekdays[_g(m, "weekday").rstrip(".").lower()]
    part = ctx.vocab.day_parts.get((_g(m, "part") or "").lower())
    suffix = f"T{part}" if part else ""
    kind = "TIME" if part else "DATE"
    if ctx.published is None:
        return Reading(kind, f"XXXX-WXX-{weekday}{suffix}")
    rel = (_g(m, "rel") or "").lower()
    if rel in ("next", "coming"):
        day = r.weekday_date(ctx.published + dt.timedelta(days=1), weekday, forward=True)
    elif rel in ("last", "past", "previous"):
        day = r.weekday_date(ctx.published - dt.timedelta(days=1), weekday, forward=False)
    else:
        day = r.weekday_date(ctx.published, weekday, ctx.looks_forward(m.start()))
    return Reading(kind, day.isoformat() + suffix)


def read_deictic_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """"today", "yesterday", "tomorrow morning", "tonight", "last night", "this afternoon"."""
    word = (_g(m, "deixis") or _g(m, "deixis2") or "").lower()
    part = ctx.vocab.day_parts.get((_g(m, "part") or _g(m, "part2") or "").lower())
    if word == "tonight":
        word, part = "today", "NI"
    elif word == "last":
        word = "yesterday" if part in ("NI", "EV") else "today"
    elif word == "this":
        word = "today"
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}.get(word)
    if shift is None:
        return None
    suffix = f"T{part}" if part else ""
    kind = "TIME" if part else "DATE"
    if ctx.published is None:
        return Reading(kind, "XXXX-XX-XX" + suffix)
    day = ctx.published + dt.timedelta(days=shift)
    return Reading(kind, day.isoformat() + suffix)


def read_clock(m: re.Match[str], ctx: Context) -> Reading | None:
    word = (_g(m, "word") or "").lower()
    hour = (12 if word in ("noon", "midday") else 24) if word else None
    minute = 0
    if hour is None:
        hour, minute = int(_g(m, "hour")), int(_g(m, "minute") or 0)
        meridiem = (_g(m, "ampm") or "").lower()
        if hour > 24 or minute > 59 or (meridiem and not 1 <= hour <= 12):
            return None
        if meridiem.startswith("p") and hour < 12:
            hour += 12
        elif meridiem.startswith("a") and hour == 12:
            hour = 0
    day = None
    if _g(m, "weekday") and ctx.published:
        weekday = ctx.vocab.weekdays[_g(m, "weekday").rstrip(".").lower()]
        day = r.weekday_date(ctx.published, weekday, ctx.looks_forward(m.start()))
    elif _g(m, "deixis") and ctx.published:
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[_g(m, "deixis").lower()]
        day = ctx.published + dt.timedelta(days=shift)
    elif ctx.published:
        day = ctx.published
    date_part = day.isoformat() if day else "XXXX-XX-XX"
    return Reading("TIME", f"{date_part}T{hour:02d}:{minute:02d}")


def read_reference(m: re.Match[str], ctx: Context) -> Reading:
    value = ctx.vocab.references[re.sub(r"\s+", " ", _g(m, "ref").lower())]
    interval = None
    if value == "PRESENT_REF" and ctx.published:
        interval = (ctx.published.isoformat(), ctx.published.isoformat())
    return Reading("DATE", value, interval=interval or (None, None))


def read_present_adjective(m: re.Match[str], ctx: Context) -> Reading:
    interval = (ctx.published.isoformat(),) * 2 if ctx.published else (None, None)
    return Reading("DATE", "PRESENT_REF", interval=interval)


def read_the_period(m: re.Match[str], ctx: Context) -> Reading | None:
    """"the year", "the fiscal year", "the weekend", "the morning": the current one."""
    unit = (_g(m, "unit") or "").lower()
    if ctx.published is None:
        return Reading("DATE", r.unknown_value(unit))
    if unit == "morning":
        return Reading("TIME", ctx.published.isoformat() + "TMO")
    if unit == "weekend":
        back = 0 if ctx.published.isoweekday() >= 6 else -1
        value = r.shifted_value(ctx.published, "weekend", back)
    else:
        value = r.shifted_value(ctx.published, unit, 0)
    return Reading("DATE", value) if value else None


def read_holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    name = re.sub(r"\s+", " ", (_g(m, "holiday") or "").lower())
    explicit = int(_g(m, "year") or 0)
    if name in ctx.vocab.floating_holidays:
        return _floating_holiday(ctx, ctx.vocab.floating_holidays[name], explicit)
    month, day = ctx.vocab.holidays[name]
    if explicit:
        return Reading("DATE", f"{explicit}-{month:02d}-{day:02d}")
    if ctx.published is None:
        return Reading("DATE", f"XXXX-{month:02d}-{day:02d}")
    year = r.nearest_year_for_day(ctx.published, month, day)
    return Reading("DATE", f"{year}-{month:02d}-{day:02d}")


def _floating_holiday(ctx: Context, rule: tuple[int, int, int], year: int) -> Reading:
    """Thanksgiving and the like: the n-th weekday of a month, nearest to publication."""
    if not year and ctx.published is None:
        return Reading("DATE", f"XXXX-{rule[0]:02d}-XX")
    if year:
        return Reading("DATE", r.nth_weekday(year, *rule).isoformat())
    pub = ctx.published
    assert pub is not None
    options = [r.nth_weekday(pub.year + shift, *rule) for shift in (-1, 0, 1)]
    best = min(options, key=lambda day: abs((day - pub).days))
    return Reading("DATE", best.isoformat())


def read_set(m: re.Match[str], ctx: Context) -> Reading | None:
    word = (_g(m, "adverb") or "").lower()
    adverbs = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
               "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H"}
    if word:
        return Reading("SET", adverbs[word])
    if _g(m, "weekday"):
        weekday = ctx.vocab.weekdays[_g(m, "weekday").rstrip(".").lower()]
        part = ctx.vocab.day_parts.get((_g(m, "part") or "").lower())
        return Reading("SET", f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""))
    if _g(m, "dpart"):
        return Reading("SET", "XXXX-XX-XXT" + ctx.vocab.day_parts[_g(m, "dpart").lower()])
    if _g(m, "season"):
        return Reading("SET", "XXXX-" + ctx.vocab.seasons[_g(m, "season").lower()])
    unit = _unit_name(_g(m, "unit"))
    if unit not in ctx.vocab.units:
        return None
    count = _count(ctx.vocab, _g(m, "num")) if _g(m, "num") else 1.0
    return Reading("SET", r.duration_value(ctx.vocab, unit, count))


def read_plural_weekday(m: re.Match[str], ctx: Context) -> Reading:
    weekday = ctx.vocab.weekdays[_g(m, "weekday").lower()]
    return Reading("SET", f"XXXX-WXX-{weekday}")


def read_year_ago_period(m: re.Match[str], ctx: Context) -> Reading | None:
    """"year-earlier", "the year-ago quarter": the same period one year before."""
    recent = ctx.recent_quarter
    near = recent and ctx.to_source(m.start()) - recent[0] < 400
    if recent and "X" not in recent[1] and (_g(m, "period") or near):
        year, quarter = recent[1].split("-Q")
        return Reading("DATE", f"{int(year) - 1}-Q{quarter}")
    if ctx.published is None:
        return Reading("DATE", "XXXX")
    return Reading("DATE", str(ctx.published.year - 1))


# --- patterns ---------------------------------------------------------------------------------

def build_rules(vocab: Vocabulary) -> list[Rule]:
    month, weekday, num = p.month_re(vocab), p.weekday_re(vocab), p.number_re(vocab)
    unit, fuzzy = p.unit_re(vocab), p.fuzzy_re(vocab)
    season, part = p.season_re(vocab), p.day_part_re(vocab)
    in_ = r"(?:(?i:in)\s+)?"  # "late in 2022"
    fuzzy_lead = rf"(?:{DETERMINER}{fuzzy}[\s-]+{in_})?"
    deixis = r"(?P<deixis>(?i:today|yesterday|tomorrow))"
    clock_weekday = p.weekday_re(vocab)
    part2 = p.day_part_re(vocab, "part2")
    weekday_skip = weekday.replace("?P<weekday>", "?:")
    weekday_names = p.alternation(n.capitalize() for n in vocab.weekdays if n.endswith("day"))
    specs: list[tuple[str, str, Reader]] = [
        ("clock", rf"""(?i:around\s+|about\s+|at\s+about\s+)?
            (?:(?P<hour>[01]?\d|2[0-4])(?:[:.](?P<minute>[0-5]\d))?\s*
               (?P<ampm>(?i:a\.m\.?|p\.m\.?|am\b|pm\b))
             |(?P<word>(?i:noon|midnight|midday)))
            (?:\s*(?:[A-Z]{{2}}T|GMT|UTC)\b)?
            (?:,?\s+(?:{clock_weekday}|{deixis}))?""", read_clock),
        ("clock24", rf"""(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)\s*
            (?:GMT|UTC|[A-Z]{{2}}T)\b(?:,?\s+(?:{clock_weekday}|{deixis}))?""", read_clock),
        ("date_month_day", rf"""(?:{weekday_skip},?\s+)?{fuzzy_lead}{month}\s*{p.DAY}
            (?:,?\s+{p.YEAR})?""", read_full_date),
        ("date_day_month", rf"""(?:{weekday_skip},?\s+)?{fuzzy_lead}(?:(?i:the)\s+)?{p.DAY}
            \s+(?:(?i:of)\s+)?{month}(?:,?\s+{p.YEAR})?""", read_full_date),
        ("iso_date", r"""(?<![\d/-])(?P<y>(?:1[5-9]|20)\d\d)-(?P<mo>0[1-9]|1[0-2])-
            (?P<d>0[1-9]|[12]\d|3[01])(?![\d-])""", read_iso_date),
        ("us_date", r"""(?<![\d/])(?P<mo>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/
            (?P<y>(?:1[5-9]|20)\d\d|\d\d)(?![\d/])""", read_iso_date),
        ("month_year", rf"{fuzzy_lead}{month},?\s+(?:of\s+)?{p.YEAR}", read_month_year),
        ("holiday", rf"{p.holiday_re(vocab)}(?:,?\s+{p.YEAR})?", read_holiday),
        ("quarter", rf"""{DETERMINER}(?:(?:{p.YEAR}|(?P<ryear>this|last|next)\s+year)(?:'s)?\s+)?
            (?i:fiscal\s+|calendar\s+)?
            {p.ordinal_re(vocab)}[\s-]+(?i:fiscal\s+)?(?P<kind>(?i:quarter|half))(?![a-z-])
            (?:\s+(?i:of)\s+(?:(?i:fiscal\s+)?(?P<year2>(?:19|20)\d\d)(?![\d])
                |(?i:the\s+)?(?P<ry2>(?i:this|last|next))\s+(?i:year)))?""",
         read_quarter),
        ("q_code", rf"""(?<![\w-])(?P<kind>[QH])(?P<qnum>[1-4])
            (?:\s*(?:{p.YEAR}|'(?P<yy>\d\d)))?(?![\w])""", read_quarter),
        ("bare_quarter", r"(?i:the\s+(?:latest\s+|most\s+recent\s+|current\s+)?quarter)(?![\w-])",
         read_bare_quarter),
        ("decade", rf"""(?:{DETERMINER}{fuzzy}[\s-]+{in_}|(?i:the)\s+)?
            (?:(?P<century>1[5-9]|20)|')?(?P<decade>\d0)'?s(?![\w])""", read_decade),
        ("century", rf"""{DETERMINER}(?:{fuzzy}[\s-]+{in_})?(?P<nth>1\d|2[0-2]|[1-9])(?:st|nd|rd|th)
            [\s-]+(?i:century)""", read_century),
        ("season", rf"""(?:{DETERMINER}{fuzzy}[\s-]+{in_})?
            (?:(?i:the\s+)?{RELATIVE}\s+|(?i:the)\s+)?{season}
            (?:\s+(?:(?i:of)\s+)?{p.YEAR})?""", read_season),
        ("relative_unit", rf"""(?:(?i:earlier|later)\s+|{DETERMINER}{fuzzy}[\s-]+{in_})?
            (?P<the>(?i:the)\s+)?{RELATIVE}\s+(?i:fiscal\s+|calendar\s+)?
            (?P<unit>(?i:weekend|week|month|year|quarter|decade|century))(?![\w-])""",
         read_relative_unit),
        ("offset", rf"""{p.APPROX}{num}[\s-]+{unit}\s+
            (?P<dir>(?i:ago|earlier|later|back|from\s+now|hence))(?![\w])""", read_offset),
        ("duration", rf"""(?P<lead>(?i:the\s+)?(?i:(?:past|last|next|first|coming|previous|
            following|final|remaining|initial|ensuing|latest)\s+)?{p.APPROX})
            {num}(?:\s+(?i:more|additional|full|straight|consecutive))?[\s-]+{unit}
            (?:[\s-]+(?i:old|long))?""", read_duration),
        ("vague_duration", rf"""(?i:(?:the\s+)?(?:past|last|next|coming|recent)\s+
            (?:few\s+|several\s+)?){unit}""", read_vague_duration),
        ("bare_plural", r"""(?<=\b[Ff]or\s)(?P<unit>(?i:years|months|weeks|days|decades|hours))
            (?![\w-])""", read_bare_plural),
        ("year", rf"""{p.NOT_AFTER_NUMBER}(?:{DETERMINER}{fuzzy}[\s-]+{in_})?(?:(?i:fiscal)\s+
            (?:(?i:year)\s+)?|(?i:the\s+year)\s+)?{p.YEAR}(?![\w'-]|\s*(?i:percent|%))""",
         read_year),
        ("month", rf"""(?:{DETERMINER}{fuzzy}[\s-]+{in_})?(?:{RELATIVE}\s+)?{month}(?![\w-])""",
         read_month),
        ("weekday", rf"""(?:{RELATIVE}\s+|(?P<early>(?i:early|late)\s+))?{weekday}
            (?:\s+{part})?""", read_weekday),
        ("deictic", rf"""(?:(?i:early|late|earlier|later)\s+)?(?:(?P<deixis>(?i:today|yesterday|
            tomorrow|tonight))(?:\s+{part})?|(?P<deixis2>(?i:this|last))\s+{part2})
            (?![\w-])""", read_deictic_day),
        ("set", rf"""(?:(?P<adverb>(?i:daily|nightly|weekly|monthly|yearly|hourly))(?![\w-])
            |(?i:every|each|per)\s+(?:(?i:other)\s+)?
            (?:{weekday}(?:\s+{part})?|(?P<dpart>(?i:morning|afternoon|evening|night))
             |{season}|{unit}))""", read_set),
        ("weekday_plural", rf"(?P<weekday>{weekday_names})s(?![\w])",
         read_plural_weekday),
        ("reference", rf"(?<![\w-]){p.reference_re(vocab)}(?![\w-])", read_reference),
        ("present_adjective", rf"(?P<adjective>{p.alternation(vocab.present_adjectives)})"
         r"(?=\s+[a-z])(?!\s+(?:account|affairs|events|assets|liabilities)\b)",
         read_present_adjective),
        ("the_period", r"""(?i:the)\s+(?:(?i:fiscal|full|calendar|whole|entire)\s+)?
            (?P<unit>(?i:year|week|weekend|month|morning))(?![\w-])""", read_the_period),
        ("year_ago_period", r"""(?:(?i:the)\s+)?(?i:year[\s-](?:earlier|ago))
            (?:\s+(?P<period>(?i:quarter|period)))?(?![\w-])""", read_year_ago_period),
    ]
    return [Rule(name, re.compile(rf"(?<![\w]){pattern}", re.X), reader,
                 frozenset(RULE_ANCHORS[name].split()))
            for name, pattern, reader in specs]
