"""Reading reports: every supported format, and a clear error for every kind of bad input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from armswatch.errors import InputError
from armswatch.model import Document
from armswatch.read import MAX_TEXT_CHARS, iter_documents, looks_english, parse_date

REPORT = ("Iran has supplied Shahed drones to Russia, according to Ukrainian officials who "
          "spoke to reporters in Kyiv on Thursday.")
SECOND_REPORT = ("North Korea sold artillery shells to Russia last year, the United States "
                 "said in a statement on Friday.")


def read_all(*paths: Path, published: str | None = None,
             max_chars: int = MAX_TEXT_CHARS) -> list[Document | InputError]:
    return list(iter_documents(paths, published=published, max_chars=max_chars))


def read_one(path: Path, published: str | None = None) -> Document | InputError:
    items = read_all(path, published=published)
    assert len(items) == 1, items
    return items[0]


def only_error(path: Path) -> InputError:
    item = read_one(path)
    assert isinstance(item, InputError), item
    return item


def write_jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# --- plain text -------------------------------------------------------------------------

def test_text_file_title_is_its_first_line_and_text_is_kept_verbatim(tmp_path):
    body = "  Drones for Moscow  \n\n" + REPORT + "\n"
    path = tmp_path / "kyiv-briefing.txt"
    path.write_text(body, encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.id == "kyiv-briefing"
    assert doc.title == "Drones for Moscow"
    assert doc.text == body  # offsets point into this text, so nothing is trimmed
    assert doc.published is None
    assert doc.origin == str(path)


def test_byte_order_mark_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + REPORT.encode())
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.text == REPORT


@pytest.mark.parametrize(("name", "content", "words"), [
    ("empty.txt", b"", ["empty"]),
    ("blank.txt", b"  \n\n\t\n", ["empty"]),  # whitespace only counts as empty
    ("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), ["binary"]),
    # names the offending byte and the cure
    ("latin1.txt", "The ministry said Germany had sold howitzers to Kyiv in été."
     .encode("latin-1"), ["UTF-8", "byte 56"]),
    ("bericht.txt", "Der Iran hat Russland nach Angaben ukrainischer Beamter erneut Drohnen "
     "geliefert, die über das Kaspische Meer gebracht wurden.".encode(), ["English"]),
    ("short.txt", "Иран поставил дроны России.".encode(), ["English"]),
])
def test_unreadable_file_is_named_with_its_problem(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    error = only_error(path)
    assert error.where == str(path)
    assert str(path) in str(error)
    for word in words:
        assert word in error.problem


def test_looks_english_accepts_news_prose_and_refuses_other_languages():
    assert looks_english(REPORT)
    assert looks_english("Drones for Moscow")  # a short ASCII headline
    assert not looks_english("Selon le ministère, la France a livré de nouveaux canons Caesar "
                             "à l'Ukraine au cours de l'été, malgré les critiques de Moscou.")
    assert not looks_english("")


def test_oversized_document_is_refused_without_stopping_the_others(tmp_path):
    huge = tmp_path / "dump.txt"
    sentence = REPORT + "\n"
    huge.write_text(sentence * (20_000_000 // len(sentence) + 1), encoding="utf-8")
    assert huge.stat().st_size >= 20_000_000
    small = tmp_path / "small.txt"
    small.write_text(REPORT, encoding="utf-8")
    error, doc = read_all(huge, small)
    assert isinstance(error, InputError)
    assert error.where == str(huge)
    assert "above the limit" in error.problem
    assert isinstance(doc, Document) and doc.id == "small"


def test_limit_is_a_parameter(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    [error] = read_all(path, max_chars=20)
    assert isinstance(error, InputError)
    assert f"{len(REPORT):,} characters" in error.problem


def test_missing_path_is_reported(tmp_path):
    error = only_error(tmp_path / "nowhere.txt")
    assert "no such file" in error.problem


# --- HTML ---------------------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Drone deliveries continue</title>
<meta property="og:site_name" content="Example Herald">
<meta name="date" content="2023-11-02"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Drone deliveries continue</h1>
<p>{report}</p>
<p>The officials said the latest shipment arrived by sea and that more were expected before
the end of the year, while the government in Tehran has repeatedly rejected the accusations.</p>
</article>
<footer>Copyright Example Herald. All rights reserved.</footer></body></html>
"""


def test_html_page_is_reduced_to_its_article(tmp_path):
    path = tmp_path / "herald.html"
    path.write_text(HTML_PAGE.format(report=REPORT), encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.id == "herald"
    assert doc.title == "Drone deliveries continue"
    assert doc.published == "2023-11-02"
    assert doc.source == "Example Herald"
    assert REPORT in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text


def test_html_without_article_text_is_reported(tmp_path):
    path = tmp_path / "shell.html"
    path.write_text("<html><head><title>x</title></head><body><div></div></body></html>",
                    encoding="utf-8")
    assert "no article text" in only_error(path).problem


# --- JSON and JSON lines -------------------------------------------------------------------

def test_json_file_fields(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "wire-7", "title": "Shells for Russia", "text": REPORT,
                                "published": "2023-09-14T08:30:00Z",
                                "source": "Example Wire"}), encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert (doc.id, doc.title, doc.text, doc.published, doc.source) == (
        "wire-7", "Shells for Russia", REPORT, "2023-09-14", "Example Wire")


def test_json_file_without_id_takes_the_file_name_and_url_as_source(tmp_path):
    path = tmp_path / "report-12.json"
    path.write_text(json.dumps({"text": REPORT, "url": "https://news.example/a/12"}),
                    encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert doc.id == "report-12"
    assert doc.source == "https://news.example/a/12"
    assert doc.title is None


def test_invalid_json_file_names_line_and_column(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "id": "x",\n  "text": "Iran sent drones"\n  "title": 3\n}',
                    encoding="utf-8")
    error = only_error(path)
    assert "invalid JSON at line 4 column 3" in error.problem


def test_json_array_is_refused(tmp_path):
    path = tmp_path / "list.json"
    path.write_text(json.dumps([{"text": REPORT}]), encoding="utf-8")
    assert "JSON object" in only_error(path).problem


def test_jsonl_records_keep_input_order_and_fields(tmp_path):
    path = write_jsonl(tmp_path / "batch.jsonl", [
        {"id": "b", "title": "Second", "text": SECOND_REPORT, "published": "2023-10-13",
         "url": "https://news.example/b"},
        {"id": "a", "text": REPORT, "source": "Example Wire", "url": "https://ignored.example"},
        {"text": REPORT},
    ])
    docs = read_all(path)
    assert all(isinstance(d, Document) for d in docs)
    assert [d.id for d in docs] == ["b", "a", "batch-3"]
    assert docs[0].title == "Second" and docs[0].published == "2023-10-13"
    assert docs[0].source == "https://news.example/b"
    assert docs[1].source == "Example Wire"  # `source` wins over `url`
    assert [d.origin for d in docs] == [f"{path}:{n}" for n in (1, 2, 3)]


def test_gzipped_jsonl_is_read(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for number, text in enumerate((REPORT, SECOND_REPORT)):
            handle.write(json.dumps({"id": f"gz-{number}", "text": text}) + "\n")
    docs = read_all(path)
    assert [(d.id, d.text) for d in docs] == [("gz-0", REPORT), ("gz-1", SECOND_REPORT)]


def test_damaged_gzip_keeps_what_was_read(tmp_path):
    whole = gzip.compress("".join(json.dumps({"id": f"r{n}", "text": REPORT}) + "\n"
                                  for n in range(200)).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    items = read_all(path)
    assert isinstance(items[-1], InputError)
    assert items[-1].where == str(path)
    assert "damaged" in items[-1].problem
    assert all(isinstance(d, Document) for d in items[:-1])


def test_gz_name_on_plain_file_is_reported(tmp_path):
    path = tmp_path / "fake.jsonl.gz"
    path.write_text(json.dumps({"text": REPORT}) + "\n", encoding="utf-8")
    error = only_error(path)
    assert "compressed or damaged" in error.problem


def test_bad_jsonl_lines_are_named_by_line_and_the_rest_still_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "ok-1", "text": REPORT}),
        '{"id": "cut", "text": "Iran has supplied Shah',  # truncated mid-string
        json.dumps({"id": "no-text", "title": "Headline only"}),
        json.dumps({"id": "blank-text", "text": "   "}),
        json.dumps({"id": "bad-date", "text": REPORT, "published": "2023-02-30"}),
        json.dumps({"id": "words-date", "text": REPORT, "published": "last Tuesday"}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"id": "ok-2", "text": SECOND_REPORT}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(path)
    assert [d.id for d in items if isinstance(d, Document)] == ["ok-1", "ok-2"]
    errors = {e.where: e.problem for e in items if isinstance(e, InputError)}
    assert set(errors) == {f"{path}:{n}" for n in (2, 3, 4, 5, 6, 7)}
    assert "truncated" in errors[f"{path}:2"]
    assert "Unterminated string" in errors[f"{path}:2"]
    assert "missing or empty field 'text'" in errors[f"{path}:3"]
    assert "missing or empty field 'text'" in errors[f"{path}:4"]
    assert "bad publication date '2023-02-30'" in errors[f"{path}:5"]
    assert "bad publication date 'last Tuesday'" in errors[f"{path}:6"]
    assert "JSON object" in errors[f"{path}:7"]


def test_non_utf8_jsonl_line_is_named(tmp_path):
    path = tmp_path / "latin.jsonl"
    good = json.dumps({"id": "fine", "text": REPORT}).encode()
    bad = '{"id": "accent", "text": "Iran sent drones, said the député."}'.encode("latin-1")
    path.write_bytes(good + b"\n" + bad + b"\n")
    ok, error = read_all(path)
    assert isinstance(ok, Document)
    assert isinstance(error, InputError)
    assert error.where == f"{path}:2"
    assert "UTF-8" in error.problem


def test_jsonl_with_byte_order_mark_reads_its_first_line(tmp_path):
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "first", "text": REPORT}).encode()
                     + b"\n")
    doc = read_one(path)
    assert isinstance(doc, Document) and doc.id == "first"


def test_empty_jsonl_is_reported(tmp_path):
    path = tmp_path / "none.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    error = only_error(path)
    assert error.where == str(path)
    assert "empty" in error.problem


# --- dates ----------------------------------------------------------------------------------

def test_published_fallback_fills_only_documents_without_a_date(tmp_path):
    dated = write_jsonl(tmp_path / "dated.jsonl", [
        {"id": "own", "text": REPORT, "published": "2022-12-01"},
        {"id": "none", "text": REPORT},
    ])
    plain = tmp_path / "plain.txt"
    plain.write_text(REPORT, encoding="utf-8")
    docs = read_all(dated, plain, published="2024-03-05")
    assert [(d.id, d.published) for d in docs] == [
        ("own", "2022-12-01"), ("none", "2024-03-05"), ("plain", "2024-03-05")]


def test_parse_date_takes_the_date_part_and_refuses_the_rest():
    assert parse_date("2023-08-31").isoformat() == "2023-08-31"
    assert parse_date(" 2023-08-31T23:59:00+02:00").isoformat() == "2023-08-31"
    for bad in ("31/08/2023", "2023-8-31", "2023-13-01", "August 2023", ""):
        with pytest.raises(ValueError):
            parse_date(bad)


# --- folders ---------------------------------------------------------------------------------

def test_directories_are_walked_in_sorted_order_skipping_unknown_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b" / "c.txt").write_text(SECOND_REPORT, encoding="utf-8")
    write_jsonl(tmp_path / "b" / "deep" / "d.jsonl", [{"id": "d1", "text": REPORT}])
    (tmp_path / "b" / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "b" / "photo.jpg").write_bytes(b"\xff\xd8\xff\x00")
    docs = read_all(tmp_path)
    assert all(isinstance(d, Document) for d in docs)
    assert [d.id for d in docs] == ["a", "c", "d1"]


def test_directory_without_reports_is_reported(tmp_path):
    (tmp_path / "readme.csv").write_text("x\n", encoding="utf-8")
    error = only_error(tmp_path)
    assert "no readable reports" in error.problem
