"""Scoring extraction against gold readings (the figures the project is judged by).

Transfers are compared at the state level as (supplier, recipient, status); pairs as
(supplier, recipient); claims as (source, stance, supplier, recipient), where every UN
body counts as one source "UN"; denials are the claims whose stance is `denies`. Gold
entries marked ``"required": false`` count neither as misses nor as false alarms.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from armswatch.model import Document

METRICS = ("transfers", "pairs", "claims", "denials")


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocumentErrors:
    id: str
    false_transfers: list[tuple] = field(default_factory=list)
    missed_transfers: list[tuple] = field(default_factory=list)
    false_claims: list[tuple] = field(default_factory=list)
    missed_claims: list[tuple] = field(default_factory=list)


@dataclass
class Report:
    counts: dict[str, Counts]
    documents: int
    missing: int
    spans: int
    bad_spans: int
    errors: list[DocumentErrors]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {name: {"precision": round(c.precision, 4),
                                      "recall": round(c.recall, 4), "f1": round(c.f1, 4),
                                      "tp": c.tp, "fp": c.fp, "fn": c.fn}
                               for name, c in self.counts.items()}
        out.update(documents=self.documents, missing_outputs=self.missing,
                   evidence_spans=self.spans, bad_spans=self.bad_spans)
        return out


def load_gold(path: Path) -> dict[str, Any]:
    gold = json.loads(Path(path).read_text(encoding="utf-8"))
    if "text" not in gold:  # a gold file may keep its text in a sibling .txt
        sibling = Path(str(path).replace(".gold.json", ".txt"))
        gold["text"] = sibling.read_text(encoding="utf-8")
    return gold


def gold_document(gold: dict[str, Any]) -> Document:
    source = gold.get("source") or (gold.get("provenance") or {}).get("outlet")
    return Document(id=gold["id"], text=gold["text"], title=gold.get("title"),
                    published=gold.get("published"), source=source)


def canonical_source(source: str | None) -> str:
    if source is None or source == "author":
        return "author"
    low = source.lower()
    if low in ("un", "unsc", "unodc", "united-nations") or low.startswith(("un-",
                                                                          "united-nations")):
        return "UN"
    return source


def _state(actor_id: str | None, actors: dict[str, dict[str, Any]]) -> str:
    if actor_id is None:
        return "?"
    actor = actors.get(actor_id)
    if actor is None:
        return actor_id.upper() if len(actor_id) == 3 and actor_id.isalpha() else actor_id
    if actor.get("type") == "state":
        return actor["id"]
    return actor.get("country") or actor["id"]


def predicted_sets(output: dict[str, Any], text: str) -> tuple[set, set, int, int]:
    actors = {a["id"]: a for a in output.get("actors", [])}
    transfers: set[tuple] = set()
    claims: set[tuple] = set()
    spans = bad = 0
    for transfer in output.get("transfers", []):
        supplier = _state(transfer.get("supplier"), actors)
        recipient = _state(transfer.get("recipient"), actors)
        statuses = {transfer.get("status")}
        for claim in transfer.get("claims", []):
            stance = claim.get("stance")
            if stance in ("asserts", "speculates") and claim.get("status"):
                statuses.add(claim["status"])
            if stance in ("asserts", "denies"):
                source = claim.get("source")
                source = "author" if source in (None, "author") else _state(source, actors)
                claims.add((canonical_source(source), stance, supplier, recipient))
            spans += 1
            evidence = claim.get("evidence") or {}
            start, end = evidence.get("start"), evidence.get("end")
            if not (isinstance(start, int) and isinstance(end, int)
                    and text[start:end] == evidence.get("text")):
                bad += 1
        transfers.update((supplier, recipient, s) for s in statuses if s)
    return transfers, claims, spans, bad


def gold_sets(gold: dict[str, Any]) -> tuple[set, set, set, set]:
    t_req, t_opt, c_req, c_opt = set(), set(), set(), set()
    for t in gold.get("transfers", []):
        key = (t.get("supplier") or "?", t.get("recipient") or "?", t["status"])
        (t_req if t.get("required", True) else t_opt).add(key)
    for c in gold.get("claims", []):
        key = (canonical_source(c["source"]), c["stance"], c.get("supplier") or "?",
               c.get("recipient") or "?")
        (c_req if c.get("required", True) else c_opt).add(key)
    return t_req, t_opt - t_req, c_req, c_opt - c_req


def score(golds: list[dict[str, Any]], outputs: dict[str, dict[str, Any]]) -> Report:
    counts = {name: Counts() for name in METRICS}
    spans = bad = missing = 0
    errors: list[DocumentErrors] = []
    for gold in golds:
        output = outputs.get(gold["id"])
        if output is None:
            missing += 1
            output = {}
        predicted_t, predicted_c, n_spans, n_bad = predicted_sets(output, gold["text"])
        spans += n_spans
        bad += n_bad
        t_req, t_opt, c_req, c_opt = gold_sets(gold)
        pairs = {(s, r) for s, r, _ in predicted_t}
        p_req = {(s, r) for s, r, _ in t_req}
        p_opt = {(s, r) for s, r, _ in t_opt} - p_req
        denials = {c for c in predicted_c if c[1] == "denies"}
        d_req = {c for c in c_req if c[1] == "denies"}
        d_opt = {c for c in c_opt if c[1] == "denies"}
        for name, predicted, required, optional in (
                ("transfers", predicted_t, t_req, t_opt), ("pairs", pairs, p_req, p_opt),
                ("claims", predicted_c, c_req, c_opt), ("denials", denials, d_req, d_opt)):
            counts[name].tp += len(predicted & required)
            counts[name].fn += len(required - predicted)
            counts[name].fp += len(predicted - required - optional)
        doc_errors = DocumentErrors(
            gold["id"], sorted(predicted_t - t_req - t_opt, key=str),
            sorted(t_req - predicted_t, key=str), sorted(predicted_c - c_req - c_opt, key=str),
            sorted(c_req - predicted_c, key=str))
        if any((doc_errors.false_transfers, doc_errors.missed_transfers,
                doc_errors.false_claims, doc_errors.missed_claims)):
            errors.append(doc_errors)
    return Report(counts, len(golds), missing, spans, bad, errors)


def evaluate_files(paths: Iterable[Path], extractor: Any = None) -> Report:
    """Run the extractor over gold files and score it."""
    golds = [load_gold(p) for p in _gold_paths(paths)]
    if extractor is None:
        from armswatch.extract import Extractor

        extractor = Extractor()
    documents = [gold_document(g) for g in golds]
    outputs = {e.document.id: e.to_json() for e in extractor.extract(documents)}
    return score(golds, outputs)


def _gold_paths(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        path = Path(path)
        out.extend(sorted(path.glob("*.gold.json")) if path.is_dir() else [path])
    return out
