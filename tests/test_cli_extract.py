"""`armswatch extract` and `armswatch info`: output contract, exit codes, bad input."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED_DIR, SHARED
from typer.testing import CliRunner

from armswatch.cli import app

pytestmark = pytest.mark.slow

SCHEMA_PATH = SHARED / "spec" / "extraction.schema.json"

DRONES = "Iran has supplied Shahed drones to Russia, according to Ukrainian officials."
SHELLS = ("North Korea could send artillery shells to Russia, according to US officials. "
          "Pyongyang denied that it had sold any weapons to Moscow.")
TANKS = "Germany agreed to sell Leopard tanks to Ukraine, the government in Berlin announced."
CALM = "The weather in Paris was mild on Sunday and the markets were quiet."


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    return write(path, "".join(json.dumps(r) + "\n" for r in records))


def jsonl(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("armswatch: error: ")]


def spans_of(output: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for actor in output["actors"]:
        yield from actor.get("mentions", [])
    for transfer in output["transfers"]:
        for claim in transfer["claims"]:
            yield claim["evidence"]


# --- bad input --------------------------------------------------------------------------

def test_each_bad_document_is_named_on_stderr_and_the_good_ones_are_extracted(run, tmp_path):
    good = write(tmp_path / "good.txt", DRONES)
    empty = write(tmp_path / "empty.txt", "")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02GIF89a\x00" * 40)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Germany sold howitzers to Ukraine in the été.".encode("latin-1"))
    german = write(tmp_path / "german.txt", "Der Iran hat Russland nach Angaben ukrainischer "
                   "Beamter erneut Drohnen geliefert, die über das Meer kamen.")
    lines = write(tmp_path / "lines.jsonl", "\n".join([
        json.dumps({"id": "shells", "text": SHELLS, "published": "2023-09-14"}),
        '{"id": "cut", "text": "Iran sent',
        json.dumps({"id": "no-text", "title": "Headline"}),
        json.dumps({"id": "bad-date", "text": DRONES, "published": "2023-02-30"}),
    ]) + "\n")
    result = run("extract", good, empty, binary, latin, german, lines, tmp_path / "gone.txt")
    assert result.exit_code == 0
    assert [o["document"]["id"] for o in jsonl(result.stdout)] == ["good", "shells"]
    errors = error_lines(result.stderr)
    assert len(errors) == 8
    expected = [(empty, "empty"), (binary, "binary"), (latin, "UTF-8"), (german, "English"),
                (f"{lines}:2", "truncated"), (f"{lines}:3", "'text'"),
                (f"{lines}:4", "bad publication date"), (tmp_path / "gone.txt", "no such file")]
    for line, (where, problem) in zip(errors, expected, strict=True):
        assert line.startswith(f"armswatch: error: {where}: ")
        assert problem in line


def test_oversized_document_is_refused_and_the_other_still_extracted(run, tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_text((DRONES + "\n") * (20_000_000 // len(DRONES)), encoding="utf-8")
    small = write(tmp_path / "small.txt", TANKS)
    result = run("extract", huge, small)
    assert result.exit_code == 0
    assert [o["document"]["id"] for o in jsonl(result.stdout)] == ["small"]
    [error] = error_lines(result.stderr)
    assert error.startswith(f"armswatch: error: {huge}: ")
    assert "above the limit" in error


def test_exit_code_is_one_when_no_document_could_be_read(run, tmp_path):
    empty = write(tmp_path / "empty.txt", "")
    broken = write(tmp_path / "broken.json", '{"text": ')
    result = run("extract", empty, broken)
    assert result.exit_code == 1
    assert result.stdout == ""
    errors = error_lines(result.stderr)
    assert errors[0].startswith(f"armswatch: error: {empty}: ")
    assert errors[1].startswith(f"armswatch: error: {broken}: ")
    assert errors[-1] == "armswatch: error: no document could be read"


def test_strict_stops_at_the_first_error(run, tmp_path):
    good = write(tmp_path / "a-good.txt", DRONES)
    empty = write(tmp_path / "b-empty.txt", "")
    binary = tmp_path / "c-binary.txt"
    binary.write_bytes(b"\x00" * 64)
    result = run("extract", "--strict", good, empty, binary)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert error_lines(result.stderr) == [f"armswatch: error: {empty}: file is empty"]


def test_bad_published_option_is_a_usage_error(run, tmp_path):
    good = write(tmp_path / "good.txt", DRONES)
    result = run("extract", good, "--published", "31/08/2023")
    assert result.exit_code == 2
    assert "--published" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_csv_format_is_refused_rather_than_printing_nothing(run, tmp_path):
    result = run("extract", write(tmp_path / "good.txt", DRONES), "--format", "csv")
    assert result.exit_code == 2
    assert "csv" in result.stderr


# --- reading --------------------------------------------------------------------------------

def test_published_fallback_and_own_dates(run, tmp_path):
    records = write_jsonl(tmp_path / "r.jsonl", [
        {"id": "dated", "text": DRONES, "published": "2023-06-01T10:00:00Z",
         "url": "https://news.example/dated"},
        {"id": "undated", "text": TANKS, "source": "Example Wire", "title": "Tanks"},
    ])
    plain = write(tmp_path / "plain.txt", "Shells for Moscow\n" + SHELLS)
    result = run("extract", records, plain, "--published", "2024-01-05")
    assert result.exit_code == 0
    meta = [o["document"] for o in jsonl(result.stdout)]
    assert meta == [
        {"id": "dated", "title": None, "published": "2023-06-01",
         "source": "https://news.example/dated"},
        {"id": "undated", "title": "Tanks", "published": "2024-01-05",
         "source": "Example Wire"},
        {"id": "plain", "title": "Shells for Moscow", "published": "2024-01-05",
         "source": None},
    ]


def test_html_and_gzipped_jsonl_in_a_walked_directory(run, tmp_path):
    import gzip

    folder = tmp_path / "inbox"
    (folder / "web").mkdir(parents=True)
    write(folder / "web" / "page.html",
          "<html><head><title>Shipments</title></head><body><article>"
          f"<p>{DRONES} The officials said more deliveries were expected soon, while the "
          "government in Tehran has repeatedly rejected the accusations.</p>"
          "</article></body></html>")
    with gzip.open(folder / "wire.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "wire-1", "text": TANKS}) + "\n")
    write(folder / "ignored.csv", "a,b\n")
    result = run("extract", folder)
    assert result.exit_code == 0, result.stderr
    outputs = jsonl(result.stdout)
    assert [o["document"]["id"] for o in outputs] == ["page", "wire-1"]
    assert outputs[0]["document"]["title"] == "Shipments"
    assert [(t["supplier"], t["recipient"]) for t in outputs[0]["transfers"]] == [
        ("IRN", "RUS")]


# --- output formats --------------------------------------------------------------------------

def test_json_format_prints_one_object_for_one_document(run, tmp_path):
    result = run("extract", write(tmp_path / "one.txt", DRONES), "--format", "json")
    assert result.exit_code == 0
    output = json.loads(result.stdout)
    assert isinstance(output, dict)
    assert output["document"]["id"] == "one"
    [transfer] = output["transfers"]
    assert (transfer["supplier"], transfer["recipient"], transfer["status"]) == (
        "IRN", "RUS", "delivered")
    assert transfer["items"] == ["uav"]
    assert [c["source"] for c in transfer["claims"]] == ["UKR"]


def test_json_format_prints_a_list_for_several_documents(run, tmp_path):
    first = write(tmp_path / "one.txt", DRONES)
    second = write(tmp_path / "two.txt", TANKS)
    result = run("extract", first, second, "-f", "json")
    assert result.exit_code == 0
    output = json.loads(result.stdout)
    assert [o["document"]["id"] for o in output] == ["one", "two"]


def test_jsonl_prints_one_line_per_document_in_input_order(run, tmp_path):
    ids = [f"doc-{n}" for n in (5, 1, 4, 2, 3)]
    texts = [DRONES, SHELLS, TANKS, CALM, DRONES]
    path = write_jsonl(tmp_path / "batch.jsonl",
                       [{"id": i, "text": t} for i, t in zip(ids, texts, strict=True)])
    result = run("extract", path)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(ids)
    assert [json.loads(line)["document"]["id"] for line in lines] == ids
    calm = json.loads(lines[3])
    assert calm["transfers"] == []


def test_table_format_renders_the_transfers(run, tmp_path):
    result = run("extract", write(tmp_path / "one.txt", "Drones\n" + DRONES), "-f", "table")
    assert result.exit_code == 0
    assert "one: Drones" in result.stdout
    for cell in ("supplier", "recipient", "IRN", "RUS", "delivered", "uav", "UKR asserts"):
        assert cell in result.stdout


# --- the contract --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def validator():
    if not SCHEMA_PATH.exists():
        pytest.skip("the shared specification is not available")
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_every_output_validates_and_every_span_is_exact(run, tmp_path, validator):
    texts = {"drones": DRONES, "shells": SHELLS, "tanks": TANKS, "calm": CALM,
             "unicode": "Türkiye’s Baykar delivered TB2 drones to Ukraine — officials in "
                        "Kyiv said — and “more are coming”, a spokesperson added.\r\n"}
    paths = [write_jsonl(tmp_path / "mine.jsonl",
                         [{"id": k, "text": v} for k, v in texts.items()])]
    seed = sorted(SEED_DIR.glob("*.txt"))
    for path in seed:  # the real report, read where it lies
        texts[path.stem] = path.read_text(encoding="utf-8").removeprefix("\ufeff")
        paths.append(path)
    for output_format in ("jsonl", "json"):
        result = run("extract", *paths, "--published", "2023-08-31", "-f", output_format)
        assert result.exit_code == 0, result.stderr
        outputs = (jsonl(result.stdout) if output_format == "jsonl"
                   else json.loads(result.stdout))
        assert [o["document"]["id"] for o in outputs] == list(texts)
        for output in outputs:
            errors = [e.message for e in validator.iter_errors(output)]
            assert errors == [], (output["document"]["id"], errors)
            text = texts[output["document"]["id"]]
            for span in spans_of(output):
                assert text[span["start"]:span["end"]] == span["text"]
    if seed:
        assert sum(len(o["transfers"]) for o in outputs[len(texts) - len(seed):]) > 0


# --- info ----------------------------------------------------------------------------------

def test_info_names_a_loadable_spacy_model():
    import spacy

    result = CliRunner().invoke(app, ["info", "--format", "json"])
    assert result.exit_code == 0
    details = json.loads(result.stdout)
    assert details["version"] == __import__("armswatch").__version__
    nlp = spacy.load(details["spacy_model"], exclude=["lemmatizer", "ner"])
    assert "parser" in nlp.pipe_names
    assert details["components"] == ["armswatch_actors", "armswatch_weapons",
                                     "armswatch_transfers", "armswatch_claims"]
