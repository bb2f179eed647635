"""TempEval-3 Task A for the time stage: tag TimeML documents and score them.

Each ``.tml`` file's TEXT is read with its document creation time (DCT), tagged by
:func:`armswatch.pipeline.timex.find_timexes` with the DCT as publication date, and
written back as TimeML whose TEXT is character-identical to the input but carries our
TIMEX3 tags only. Scores follow the TempEval-3 definitions: strict = exact extent,
relaxed = any overlap, value F1 = relaxed F1 x value accuracy on relaxed matches.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from armswatch.errors import InputError
from armswatch.pipeline.timex import Timex, find_timexes

TEXT_OPEN = re.compile(r"<TEXT>")


@dataclass(frozen=True)
class TimemlTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class TimemlDoc:
    name: str
    dct: dt.date | None
    text: str  # content of the TEXT element with every tag removed
    timexes: list[TimemlTimex]
    raw: str  # the file as read


@dataclass
class TempevalScores:
    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    value_accuracy: float
    value_f1: float
    type_accuracy: float
    files: int
    gold: int
    predicted: int


@dataclass
class MatchCounts:
    """Raw counts behind the scores; they add up across files."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0  # gold timexes with an exact system match
    relaxed_gold: int = 0  # gold timexes overlapped by a system one
    relaxed_predicted: int = 0  # system timexes overlapping a gold one
    value_correct: int = 0  # among relaxed-matched gold timexes
    type_correct: int = 0

    def add(self, other: MatchCounts) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))


# --- reading and writing TimeML ---------------------------------------------------------------

def _walk(element: ET.Element, parts: list[str], timexes: list[TimemlTimex], at: int) -> int:
    """Append the element's text to `parts`, noting TIMEX3 offsets; returns the new offset."""
    start = at
    if element.text:
        parts.append(element.text)
        at += len(element.text)
    for child in element:
        at = _walk(child, parts, timexes, at)
        if child.tail:
            parts.append(child.tail)
            at += len(child.tail)
    if element.tag == "TIMEX3":
        timexes.append(TimemlTimex(start, at, element.get("type", ""), element.get("value", "")))
    return at


def _parse_dct(root: ET.Element) -> dt.date | None:
    node = root.find("DCT/TIMEX3")
    value = node.get("value", "") if node is not None else ""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_timeml(path: Path) -> TimemlDoc:
    """The TEXT of a TimeML file as plain text, with its TIMEX3 spans and DCT."""
    raw = path.read_text(encoding="utf-8")
    try:
        root = ET.fromstring(raw.encode("utf-8"))
    except ET.ParseError as err:
        raise InputError(str(path), f"not well-formed TimeML: {err}") from err
    text_node = root.find("TEXT")
    if text_node is None:
        raise InputError(str(path), "no TEXT element")
    parts: list[str] = []
    timexes: list[TimemlTimex] = []
    _walk(text_node, parts, timexes, 0)
    return TimemlDoc(path.name, _parse_dct(root), "".join(parts),
                     sorted(timexes, key=lambda t: t.start), raw)


def render_timeml(doc: TimemlDoc, timexes: list[Timex]) -> str:
    """The document's header as it was, then TEXT carrying only our TIMEX3 tags."""
    opening = TEXT_OPEN.search(doc.raw)
    header = doc.raw[:opening.end()] if opening else '<?xml version="1.0" ?>\n<TimeML>\n<TEXT>'
    body: list[str] = []
    at = 0
    for number, timex in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        if timex.start < at:
            continue  # overlapping tags cannot nest in TimeML; keep the first
        body.append(escape(doc.text[at:timex.start]))
        attributes = (f"tid={quoteattr(f't{number}')} type={quoteattr(timex.type)} "
                      f"value={quoteattr(timex.value)}")
        body.append(f"<TIMEX3 {attributes}>{escape(doc.text[timex.start:timex.end])}</TIMEX3>")
        at = timex.end
    body.append(escape(doc.text[at:]))
    return header + "".join(body) + "</TEXT>\n\n</TimeML>\n"


def tag_document(doc: TimemlDoc) -> list[Timex]:
    return find_timexes(doc.text, doc.dct)


# --- scoring ----------------------------------------------------------------------------------

def _overlaps(a: TimemlTimex, b: TimemlTimex) -> bool:
    return a.start < b.end and b.start < a.end


def _best_partner(gold: TimemlTimex, system: list[TimemlTimex]) -> TimemlTimex | None:
    """The system timex matched to a gold one: the exact extent if any, else the first overlap."""
    overlapping = [s for s in system if _overlaps(gold, s)]
    exact = [s for s in overlapping if (s.start, s.end) == (gold.start, gold.end)]
    return (exact or overlapping or [None])[0]


def count_matches(gold: list[TimemlTimex], system: list[TimemlTimex]) -> MatchCounts:
    counts = MatchCounts(gold=len(gold), predicted=len(system))
    for g in gold:
        partner = _best_partner(g, system)
        if partner is None:
            continue
        counts.relaxed_gold += 1
        counts.strict += (partner.start, partner.end) == (g.start, g.end)
        counts.value_correct += partner.value == g.value
        counts.type_correct += partner.type == g.type
    counts.relaxed_predicted = sum(any(_overlaps(s, g) for g in gold) for s in system)
    return counts


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def scores_from_counts(counts: MatchCounts, files: int) -> TempevalScores:
    strict_p = _ratio(counts.strict, counts.predicted)
    strict_r = _ratio(counts.strict, counts.gold)
    relaxed_p = _ratio(counts.relaxed_predicted, counts.predicted)
    relaxed_r = _ratio(counts.relaxed_gold, counts.gold)
    relaxed_f1 = _f1(relaxed_p, relaxed_r)
    value_accuracy = _ratio(counts.value_correct, counts.relaxed_gold)
    return TempevalScores(
        strict_p=strict_p, strict_r=strict_r, strict_f1=_f1(strict_p, strict_r),
        relaxed_p=relaxed_p, relaxed_r=relaxed_r, relaxed_f1=relaxed_f1,
        value_accuracy=value_accuracy, value_f1=relaxed_f1 * value_accuracy,
        type_accuracy=_ratio(counts.type_correct, counts.relaxed_gold),
        files=files, gold=counts.gold, predicted=counts.predicted)


def score_dirs(gold_dir: Path, system_dir: Path) -> TempevalScores:
    """Score every gold .tml against the same-named system file (missing = no timexes)."""
    totals = MatchCounts()
    gold_files = sorted(Path(gold_dir).glob("*.tml"))
    for gold_path in gold_files:
        gold = read_timeml(gold_path)
        system_path = Path(system_dir) / gold_path.name
        system: list[TimemlTimex] = []
        if system_path.exists():
            system_doc = read_timeml(system_path)
            if system_doc.text != gold.text:
                raise InputError(str(system_path), "TEXT differs from the gold file")
            system = system_doc.timexes
        totals.add(count_matches(gold.timexes, system))
    return scores_from_counts(totals, len(gold_files))


def run_tempeval(in_dir: Path, out_dir: Path) -> TempevalScores:
    """Tag every .tml in `in_dir`, write the results to `out_dir`, and score them."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for path in sorted(Path(in_dir).glob("*.tml")):
        doc = read_timeml(path)
        rendered = render_timeml(doc, tag_document(doc))
        (out_dir / path.name).write_text(rendered, encoding="utf-8")
    return score_dirs(Path(in_dir), out_dir)
