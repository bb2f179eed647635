"""Build examples/, the bundled sample corpus, from the project's own evaluation reports.

Reads eval/dev/*.gold.json and eval/test/*.gold.json (texts written for armswatch) and
writes them as a mix of input formats, plus syndicated copies of a dozen of them (another
outlet, a lightly changed intro or ending) so near-duplicate linking has something to show:

    examples/txt/*.txt            title on the first line, then the body
    examples/json/*.json          one report per file
    examples/reports.jsonl        several reports, one per line
    examples/archive.jsonl.gz     several reports, compressed
    examples/page.html            one report as a web page
    examples/syndicated/*.json    copies of other reports by other outlets

Usage: python scripts/build_examples.py [--eval eval] [--out examples]
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import shutil
from pathlib import Path
from typing import Any

COPIES = 12
# Outlets that republish wire copy in the examples, with the dateline style they add.
SYNDICATORS = (("The Straits Times", "SINGAPORE"), ("Gulf News", "DUBAI"),
               ("The Hindu", "NEW DELHI"), ("Daily Maverick", "JOHANNESBURG"),
               ("Korea JoongAng Daily", "SEOUL"), ("MercoPress", "MONTEVIDEO"))
CLOSINGS = ("This story has been updated with additional reporting.",
            "The report could not be independently verified.",
            "Copyright holders retain all rights to the original reporting.")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])")


def load_reports(eval_dir: Path) -> list[dict[str, Any]]:
    reports = []
    for path in sorted(eval_dir.glob("*/*.gold.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(record.get("text"), str) and record["text"].strip():
            reports.append({key: record.get(key) for key in
                            ("id", "title", "published", "source", "text")})
    return reports


def syndicated_copy(report: dict[str, Any], number: int) -> dict[str, Any]:
    """Another outlet's light rewrite: a dateline added, the last sentence swapped."""
    outlet, city = SYNDICATORS[number % len(SYNDICATORS)]
    sentences = _SENTENCE_END.split(report["text"].strip())
    if len(sentences) > 4 and number % 2:
        sentences = sentences[:-1]  # the copy drops the original's closing line
    body = f"{city} ({outlet}) - " + " ".join(sentences)
    if number % 3 == 0:
        body += " " + CLOSINGS[number % len(CLOSINGS)]
    return {"id": f"{report['id']}-copy", "title": report["title"], "source": outlet,
            "published": report["published"], "text": body}


def html_page(report: dict[str, Any]) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(part)}</p>"
                           for part in report["text"].split("\n") if part.strip())
    return (f"<!DOCTYPE html>\n<html><head><title>{html.escape(report['title'] or '')}</title>"
            f"\n<meta property=\"og:site_name\" content=\"{html.escape(report['source'] or '')}\">"
            f"\n<meta property=\"article:published_time\" content=\"{report['published']}\">"
            f"\n</head><body><article><h1>{html.escape(report['title'] or '')}</h1>\n"
            f"{paragraphs}\n</article></body></html>\n")


def write_json(path: Path, record: dict[str, Any]) -> None:
    path.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def build(reports: list[dict[str, Any]], out: Path) -> dict[str, int]:
    if out.exists():
        shutil.rmtree(out)
    for folder in ("txt", "json", "syndicated"):
        (out / folder).mkdir(parents=True)
    counts = {"txt": 0, "json": 0, "jsonl": 0, "jsonl.gz": 0, "html": 0, "syndicated": 0}
    jsonl, gzipped = [], []
    for number, report in enumerate(reports):
        if number == 0:
            (out / "page.html").write_text(html_page(report), encoding="utf-8")
            counts["html"] += 1
        elif number % 5 == 1:
            text = f"{report['title']}\n\n{report['text']}"
            (out / "txt" / f"{report['id']}.txt").write_text(text, encoding="utf-8")
            counts["txt"] += 1
        elif number % 5 == 2:
            jsonl.append(report)
        elif number % 5 == 3:
            gzipped.append(report)
        else:
            write_json(out / "json" / f"{report['id']}.json", report)
            counts["json"] += 1
    (out / "reports.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in jsonl), encoding="utf-8")
    with gzip.open(out / "archive.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in gzipped)
    counts["jsonl"], counts["jsonl.gz"] = len(jsonl), len(gzipped)
    step = max(1, len(reports) // COPIES)
    for number, report in enumerate(reports[::step][:COPIES]):
        write_json(out / "syndicated" / f"{report['id']}-copy.json",
                   syndicated_copy(report, number))
        counts["syndicated"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=Path("eval"))
    parser.add_argument("--out", type=Path, default=Path("examples"))
    options = parser.parse_args()
    counts = build(load_reports(options.eval), options.out)
    print(", ".join(f"{name}: {count}" for name, count in counts.items()),
          f"(total {sum(counts.values())})")


if __name__ == "__main__":
    main()
