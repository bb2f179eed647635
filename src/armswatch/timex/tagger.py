"""Find temporal expressions in raw text and resolve them against a publication date."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from armswatch.timex.calendar import interval_of, narrow
from armswatch.timex.patterns import anchor_kinds, anchor_re, find_anchors, forward_cue_re
from armswatch.timex.resolve import Context, Reading
from armswatch.timex.rules import Rule, build_rules
from armswatch.timex.vocab import load_vocabulary

# A start preceded by one of these opens an interval that runs up to publication.
SINCE = re.compile(r"\b(?:since|from)\s+$", re.I)
# How far an expression may reach left and right of the time word inside it.
REACH_LEFT, REACH_RIGHT = 32, 32
# Below this share of text near time words, rules run on the near parts only.
SHORTEN_BELOW = 0.6
SEPARATOR = "\x00"  # joins the near parts; no rule matches across it


@dataclass(frozen=True)
class Timex:
    start: int  # character offsets into the text given
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value: "2023-03", "2022-Q4", "P18M", "PRESENT_REF", "XXXX-03"
    interval: tuple[str | None, str | None]  # ISO start/end dates; (None, None) if unresolvable


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    priority: int
    rule: Rule
    match: re.Match[str]
    to_source: Callable[[int], int]  # maps offsets in the match's string to the source

    def read(self, ctx: Context) -> Reading | None:
        ctx.to_source = self.to_source
        return self.rule.read(self.match, ctx)


@lru_cache(maxsize=1)
def _rules() -> tuple[Rule, ...]:
    return tuple(build_rules(load_vocabulary()))


def _context(text: str, published: dt.date | None) -> Context:
    return Context(text=text, published=published, vocab=load_vocabulary(),
                   forward_cues=_forward_cues())


@lru_cache(maxsize=1)
def _forward_cues() -> re.Pattern[str]:
    return forward_cue_re(load_vocabulary())


@lru_cache(maxsize=1)
def _anchor_finder() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    vocab = load_vocabulary()
    return anchor_re(vocab), anchor_kinds(vocab)


@dataclass(frozen=True)
class _Shortened:
    """The parts of a text near time words, joined, with the way back to source offsets."""

    text: str
    starts: list[int]  # where each part begins in `text`
    sources: list[int]  # where each part begins in the source

    def to_source(self, pos: int) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.sources[i] + pos - self.starts[i]


def _windows(length: int, offsets: list[int]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for offset in offsets:
        lo, hi = max(0, offset - REACH_LEFT), min(length, offset + REACH_RIGHT)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


def _shorten(text: str, offsets: list[int]) -> _Shortened:
    """Only the text near the given anchors, joined by a separator no rule crosses."""
    windows = _windows(len(text), offsets)
    if sum(hi - lo for lo, hi in windows) > SHORTEN_BELOW * len(text):
        return _Shortened(text, [0], [0])
    starts, at = [], 0
    for lo, hi in windows:
        starts.append(at)
        at += hi - lo + len(SEPARATOR)
    joined = SEPARATOR.join(text[lo:hi] for lo, hi in windows)
    return _Shortened(joined, starts or [0], [lo for lo, _ in windows] or [0])


def _candidates(text: str) -> list[_Candidate]:
    """Every rule's matches, each rule scanning only the text near its own anchor kinds."""
    words, kinds = _anchor_finder()
    anchors = find_anchors(text, words, kinds)
    views: dict[frozenset[str], _Shortened] = {}
    found = []
    for priority, rule in enumerate(_rules()):
        view = views.get(rule.needs)
        if view is None:
            offsets = [offset for offset, kinds in anchors if kinds & rule.needs]
            view = views[rule.needs] = _shorten(text, offsets)
        for m in rule.pattern.finditer(view.text):
            if m.end() > m.start():
                found.append(_Candidate(view.to_source(m.start()),
                                        view.to_source(m.end() - 1) + 1,
                                        priority, rule, m, view.to_source))
    return found


def _select(candidates: list[_Candidate], ctx: Context) -> list[_Candidate]:
    """Longest expressions win; a shorter one survives only where it overlaps none chosen."""
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        i = bisect.bisect_left(starts, cand.start)
        if (i < len(starts) and starts[i] < cand.end) or (i > 0 and ends[i - 1] > cand.start):
            continue
        if cand.read(ctx) is None:
            continue
        starts.insert(i, cand.start)
        ends.insert(i, cand.end)
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _interval(reading: Reading, ctx: Context, start: int) -> tuple[str | None, str | None]:
    if reading.interval is not None:
        return reading.interval
    interval = interval_of(reading.value)
    if reading.fuzzy:
        interval = narrow(interval, reading.value, reading.fuzzy)
    if interval[0] and ctx.published and SINCE.search(ctx.text[max(0, start - 12):start]):
        interval = (interval[0], ctx.published.isoformat())
    return interval


def find_timexes(text: str, published: dt.date | None) -> list[Timex]:
    """All temporal expressions in `text`, in order, resolved against `published`."""
    if isinstance(published, dt.datetime):
        published = published.date()
    # Selection runs readers out of text order, so it gets its own scratch context.
    chosen = _select(_candidates(text), _context(text, published))
    ctx = _context(text, published)
    out = []
    for cand in chosen:
        reading = cand.read(ctx)
        if reading is None:
            continue
        out.append(Timex(cand.start, cand.end, text[cand.start:cand.end], reading.type,
                         reading.value, _interval(reading, ctx, cand.start)))
    return out

