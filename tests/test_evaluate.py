"""Scoring against gold readings: `armswatch eval` must give the figures of tools/score.py."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import SEED_DIR, SHARED, load_module
from typer.testing import CliRunner

from armswatch.cli import app
from armswatch.evaluate import canonical_source, gold_sets, predicted_sets, score

SCORE_SCRIPT = SHARED / "tools" / "score.py"

TEXT = ("Iran has supplied Shahed drones to Russia, according to Ukrainian officials. "
        "Tehran denied that it had sent any drones to Moscow.")
DRONES_SENTENCE = TEXT[:TEXT.index(". ") + 1]
DENIAL_SENTENCE = TEXT[TEXT.index("Tehran"):]


def evidence(sentence: str, text: str = TEXT) -> dict[str, Any]:
    start = text.index(sentence)
    return {"start": start, "end": start + len(sentence), "text": sentence}


def claim(source: str, stance: str, sentence: str, status: str | None = None) -> dict[str, Any]:
    return {"source": source, "stance": stance, "status": status, "cue": None, "when": None,
            "evidence": evidence(sentence)}


def state(iso3: str) -> dict[str, Any]:
    return {"id": iso3, "name": iso3, "type": "state", "country": iso3, "mentions": []}


def output(transfers: list[dict[str, Any]], actors: list[dict[str, Any]] | None = None,
           doc_id: str = "g1") -> dict[str, Any]:
    return {"document": {"id": doc_id, "published": None},
            "actors": actors or [state(s) for s in ("IRN", "RUS", "UKR")],
            "transfers": transfers}


def transfer(supplier: str | None, recipient: str | None, status: str,
             claims: list[dict[str, Any]]) -> dict[str, Any]:
    return {"supplier": supplier, "recipient": recipient, "via": [], "items": ["uav"],
            "status": status, "when": None, "claims": claims, "embargo": []}


GOLD = {"id": "g1", "text": TEXT, "published": "2023-05-02",
        "transfers": [{"supplier": "IRN", "recipient": "RUS", "status": "delivered"},
                      {"supplier": "IRN", "recipient": "RUS", "status": "agreed",
                       "required": False}],
        "claims": [{"source": "UKR", "stance": "asserts", "supplier": "IRN",
                    "recipient": "RUS"},
                   {"source": "IRN", "stance": "denies", "supplier": "IRN",
                    "recipient": "RUS"},
                   {"source": "author", "stance": "asserts", "supplier": "IRN",
                    "recipient": "RUS", "required": False}]}

PERFECT = output([transfer("IRN", "RUS", "delivered", [
    claim("UKR", "asserts", DRONES_SENTENCE, "delivered"),
    claim("IRN", "denies", DENIAL_SENTENCE)])])


def figures(report) -> dict[str, tuple[int, int, int]]:
    return {name: (c.tp, c.fp, c.fn) for name, c in report.counts.items()}


# --- scoring, without the model ----------------------------------------------------------

def test_a_perfect_reading_scores_one_everywhere():
    report = score([GOLD], {"g1": PERFECT})
    assert figures(report) == {"transfers": (1, 0, 0), "pairs": (1, 0, 0),
                               "claims": (2, 0, 0), "denials": (1, 0, 0)}
    assert all(c.f1 == 1.0 for c in report.counts.values())
    assert (report.spans, report.bad_spans, report.missing, report.errors) == (2, 0, 0, [])


def test_optional_gold_items_are_neither_misses_nor_false_alarms():
    with_optional = output([transfer("IRN", "RUS", "agreed", [
        claim("author", "asserts", DRONES_SENTENCE, "delivered"),
        claim("UKR", "asserts", DRONES_SENTENCE),
        claim("IRN", "denies", DENIAL_SENTENCE)])])
    report = score([GOLD], {"g1": with_optional})
    # "agreed" is optional, "delivered" comes from the claim's own status
    assert figures(report)["transfers"] == (1, 0, 0)
    assert figures(report)["claims"] == (2, 0, 0)


def test_false_alarms_misses_and_bad_spans_are_counted():
    wrong = output([transfer("IRN", "UKR", "delivered", [
        {**claim("UKR", "asserts", DRONES_SENTENCE),
         "evidence": {"start": 0, "end": 4, "text": "Tehran"}}])])
    report = score([GOLD], {"g1": wrong})
    assert figures(report) == {"transfers": (0, 1, 1), "pairs": (0, 1, 1),
                               "claims": (0, 1, 2), "denials": (0, 0, 1)}
    assert report.bad_spans == 1
    [errors] = report.errors
    assert errors.false_transfers == [("IRN", "UKR", "delivered")]
    assert errors.missed_transfers == [("IRN", "RUS", "delivered")]


def test_a_missing_output_counts_as_missing_and_misses_everything():
    report = score([GOLD], {})
    assert report.missing == 1
    assert figures(report)["transfers"] == (0, 0, 1)
    assert report.counts["transfers"].precision == 1.0
    assert report.counts["transfers"].f1 == 0.0


def test_non_state_actors_roll_up_to_their_state():
    gold = {"id": "g1", "text": TEXT,
            "transfers": [{"supplier": "IRN", "recipient": "RUS", "status": "delivered"}],
            "claims": []}
    actors = [state("IRN"), {"id": "wagner-group", "name": "Wagner Group",
                             "type": "armed_group", "country": "RUS", "mentions": []}]
    out = output([transfer("IRN", "wagner-group", "delivered", [])], actors)
    assert figures(score([gold], {"g1": out}))["transfers"] == (1, 0, 0)


@pytest.mark.parametrize(("name", "expected"), [
    ("UN", "UN"), ("unsc", "UN"), ("un-panel-of-experts", "UN"), ("united-nations", "UN"),
    ("United-Nations-Security-Council", "UN"), ("author", "author"), (None, "author"),
    ("USA", "USA"), ("unicef-like", "unicef-like")])
def test_un_bodies_are_one_source(name, expected):
    assert canonical_source(name) == expected


def load_score_script() -> ModuleType:
    if not SCORE_SCRIPT.exists():
        pytest.skip("tools/score.py is not available")
    return load_module(SCORE_SCRIPT, "shared_score")


def test_sets_match_the_reference_scorer_on_handmade_outputs():
    reference = load_score_script()
    cases = [PERFECT, output([]), output([transfer(None, "RUS", "possible", [
        claim("un-panel", "asserts", DRONES_SENTENCE, "possible"),
        claim("UKR", "speculates", DRONES_SENTENCE, "agreed"),
        {**claim("IRN", "denies", DENIAL_SENTENCE), "evidence": None}])])]
    for case in cases:
        assert predicted_sets(case, TEXT) == reference.predicted({**case, "_text": TEXT})
    assert gold_sets(GOLD) == reference.gold_sets(GOLD)


# --- the command, with the model -----------------------------------------------------------

MY_GOLDS = [
    {"id": "eval-drones", "published": "2023-05-02", "title": "Drones", "text": TEXT,
     "transfers": GOLD["transfers"], "claims": GOLD["claims"]},
    {"id": "eval-shells", "published": "2023-09-14", "title": "Shells",
     "provenance": {"outlet": "Example Wire"},
     "text": "North Korea could send artillery shells to Russia, according to US officials. "
             "A United Nations panel said China had sold drones to Myanmar last year.",
     "transfers": [{"supplier": "PRK", "recipient": "RUS", "status": "possible"},
                   {"supplier": "CHN", "recipient": "MMR", "status": "delivered"},
                   {"supplier": "BLR", "recipient": "RUS", "status": "delivered"}],
     "claims": [{"source": "un-panel-of-experts", "stance": "asserts", "supplier": "CHN",
                 "recipient": "MMR"},
                {"source": "USA", "stance": "asserts", "supplier": "PRK",
                 "recipient": "RUS", "required": False}]},
    {"id": "eval-calm", "published": "2023-01-10", "title": "Calm",
     "text": "The weather in Paris was mild on Sunday and the markets were quiet.",
     "transfers": [], "claims": []},
]


@pytest.fixture
def gold_dir(tmp_path) -> Path:
    for gold in MY_GOLDS:
        (tmp_path / f"{gold['id']}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    for path in SEED_DIR.glob("*.gold.json"):  # the seed, with its text beside it
        shutil.copy(path, tmp_path / path.name)
        sibling = path.with_name(path.name.replace(".gold.json", ".txt"))
        shutil.copy(sibling, tmp_path / sibling.name)
    return tmp_path


def without_timing(lines: list[str]) -> list[str]:
    return [line.split(" seconds=")[0] for line in lines]


@pytest.mark.slow
def test_eval_prints_the_figures_of_the_reference_scorer(run, gold_dir):
    if not SCORE_SCRIPT.exists():
        pytest.skip("tools/score.py is not available")
    golds = sorted(str(p) for p in gold_dir.glob("*.gold.json"))
    binary = Path(sys.executable).with_name("armswatch")
    reference = subprocess.run([sys.executable, str(SCORE_SCRIPT), str(binary), *golds],
                               capture_output=True, text=True, timeout=300, check=False)
    assert "extract failed" not in reference.stdout, reference.stdout
    ours = run("eval", *golds)
    assert ours.exit_code == 0, ours.stderr
    expected = without_timing(reference.stdout.strip().splitlines())
    got = without_timing(ours.stdout.strip().splitlines())
    assert got[-1] == expected[-1]
    assert got == expected
    assert f"documents={len(golds)} missing_outputs=0" in got[-2]


@pytest.mark.slow
def test_eval_json_and_folder_arguments_agree(run, gold_dir):
    from_folder = run("eval", gold_dir, "--json")
    from_files = run("eval", *sorted(gold_dir.glob("*.gold.json")), "--json")
    assert from_folder.exit_code == from_files.exit_code == 0
    figures_json = json.loads(from_folder.stdout)
    assert figures_json == json.loads(from_files.stdout)
    assert figures_json["documents"] == len(list(gold_dir.glob("*.gold.json")))
    assert figures_json["bad_spans"] == 0
    assert set(figures_json["transfers"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}


def test_eval_refuses_missing_paths(tmp_path):
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "nothing.gold.json")])
    assert result.exit_code == 2
    assert "nothing.gold.json" in result.stderr
