"""Regular-expression building blocks compiled from the vocabulary.

Each ``*_re`` function returns a pattern fragment with named groups; the rules
in ``rules.py`` glue fragments together. Month and weekday names are matched
case-sensitively (capitalised) because "may", "march" and "sun" are common
English words; everything else ignores case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from armswatch.timex.vocab import Vocabulary

APPROX = (r"(?:(?i:about|around|nearly|almost|roughly|approximately|some|more\s+than|"
          r"less\s+than|fewer\s+than|over|under|at\s+least|up\s+to|within|only|just|"
          r"a\s+mere|the\s+last|the\s+past|the\s+next|the\s+first)\s+)?")
YEAR = r"(?P<year>(?:1[5-9]|20)\d\d)(?![\d%]|,\d|\.\d|-(?:year|month|week|day))"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:%])"
NOT_AFTER_NUMBER = r"(?<![\d$£€.,/:-])"


def alternation(phrases: Iterable[str], flexible_space: bool = True) -> str:
    """Longest-first alternation of literal phrases; spaces may be any whitespace."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        escaped = re.escape(phrase)
        if flexible_space:
            escaped = escaped.replace(r"\ ", r"\s+")
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


def _capitalised(names: Iterable[str]) -> list[str]:
    return [name[:1].upper() + name[1:] for name in names]


def month_re(vocab: Vocabulary, group: str = "month") -> str:
    """Month names, abbreviations with an optional period, and all-caps forms."""
    names = _capitalised(vocab.months)
    full = [n for n in names if len(n) > 4 or n == "June" or n == "July" or n == "May"]
    abbreviations = [n for n in names if n not in full]
    abbr = alternation(abbreviations) + r"\.?"
    return rf"(?P<{group}>{alternation(full + [n.upper() for n in full])}|{abbr})(?![a-z])"


def weekday_re(vocab: Vocabulary, group: str = "weekday") -> str:
    """Full weekday names, or a short form followed by a period."""
    names = _capitalised(vocab.weekdays)
    full = [n for n in names if n.endswith("day")]
    short = [n for n in names if not n.endswith("day")]
    return (rf"(?P<{group}>{alternation(full + [n.upper() for n in full])}"
            rf"|{alternation(short)}\.)(?![a-z])")


def number_re(vocab: Vocabulary, group: str = "num") -> str:
    """A count: digits, number words ("twenty-five"), or a vague quantity."""
    words = alternation(vocab.numbers)
    tens = alternation(w for w, n in vocab.numbers.items() if n >= 20 and n % 10 == 0 and n < 100)
    ones = alternation(w for w, n in vocab.numbers.items() if n < 10 and w not in ("a", "an"))
    vague = alternation(vocab.vague_numbers)
    return (rf"(?P<{group}>\d+(?:\.\d+)?|(?i:{vague}|{tens}[\s-]+{ones}|{words}))(?![a-z])")


def unit_re(vocab: Vocabulary, group: str = "unit") -> str:
    plural = {"century": "centuries"}
    forms = list(vocab.units) + [plural.get(u, u + "s") for u in vocab.units]
    return rf"(?P<{group}>(?i:{alternation(forms)}))(?![a-z])"


def fuzzy_re(vocab: Vocabulary, group: str = "fuzzy") -> str:
    return rf"(?P<{group}>(?i:{alternation(vocab.fuzzy_words)}))"


def season_re(vocab: Vocabulary, group: str = "season") -> str:
    return rf"(?P<{group}>(?i:{alternation(vocab.seasons)}))(?![a-z])"


def day_part_re(vocab: Vocabulary, group: str = "part") -> str:
    return rf"(?P<{group}>(?i:{alternation(vocab.day_parts)}))(?![a-z])"


def reference_re(vocab: Vocabulary, group: str = "ref") -> str:
    return rf"(?P<{group}>(?i:{alternation(vocab.references)}))(?![a-z])"


def holiday_re(vocab: Vocabulary, group: str = "holiday") -> str:
    names = _capitalised(list(vocab.holidays) + list(vocab.floating_holidays))
    return rf"(?P<{group}>(?i:{alternation(names)}))(?![a-z])"


def ordinal_re(vocab: Vocabulary, group: str = "ord") -> str:
    return rf"(?P<{group}>(?i:{alternation(vocab.ordinals)}))"


def forward_cue_re(vocab: Vocabulary) -> re.Pattern[str]:
    cues = [c for c in vocab.forward_cues if not c.startswith("'")]
    clitics = [c for c in vocab.forward_cues if c.startswith("'")]
    body = rf"\b{alternation(cues)}\b"
    if clitics:
        body += "|" + alternation(clitics) + r"\b"
    return re.compile(body, re.I)


# --- anchors: the tokens that every expression contains at least one of ---------------------

NAME_KINDS = frozenset(["month", "weekday"])  # count only when capitalised ("may", "sun" do not)
DIGITS = re.compile(r"(?<![\w.])(?:(?:1[5-9]|20)\d\d(?!\d)"
                    r"|\d{1,2}(?=\s?(?:[ap]\.?m\b|[:/]\d|'?s\b)))", re.I)


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation factored by common prefixes, much faster than a flat one."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, dict]) -> str:
        branches = [re.escape(c) + render(child) for c, child in sorted(node.items()) if c]
        optional = "" in node
        if not branches:
            return ""
        single = len(branches) == 1 and not optional
        body = branches[0] if single else "(?:" + "|".join(branches) + ")"
        if optional:
            body = body if body.startswith("(?:") else "(?:" + body + ")"
            body += "?"
        return body

    return render(trie)


def anchor_kinds(vocab: Vocabulary) -> dict[str, frozenset[str]]:
    """Lower-case anchor token -> its kinds (month, weekday, season, part, unit, holiday, word)."""
    kinds: dict[str, set[str]] = {}
    plurals = {"century": "centuries"}
    groups = [("word", list(vocab.anchor_words) + ["q1", "q2", "q3", "q4", "h1", "h2"]),
              ("holiday", [max(n.split(), key=len).split("'")[0]
                           for n in list(vocab.holidays) + list(vocab.floating_holidays)]),
              ("part", list(vocab.day_parts)), ("season", list(vocab.seasons)),
              ("unit", list(vocab.units) + list(plurals.values())),
              ("weekday", list(vocab.weekdays)), ("month", list(vocab.months))]
    for kind, words in groups:
        for word in words:
            kinds.setdefault(word.lower(), set()).add(kind)
            kinds.setdefault(word.lower() + "s", set()).add(kind)
    return {word: frozenset(found) for word, found in kinds.items()}


def anchor_re(vocab: Vocabulary) -> re.Pattern[str]:
    return re.compile(rf"\b{trie_pattern(anchor_kinds(vocab))}\b")


def find_anchors(text: str, words: re.Pattern[str],
                 kinds: dict[str, frozenset[str]]) -> list[tuple[int, frozenset[str]]]:
    """(offset, kinds) of every anchor: listed words, plus years and clock or decade digits."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few Unicode letters change length when lower-cased
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    number = frozenset(["number"])
    found = [(m.start(), number) for m in DIGITS.finditer(text)]
    for m in words.finditer(lowered):
        token_kinds = kinds[m.group()]
        if not text[m.start()].isupper():
            token_kinds = token_kinds - NAME_KINDS
        if token_kinds:
            found.append((m.start(), token_kinds))
    found.sort(key=lambda anchor: anchor[0])
    return found
