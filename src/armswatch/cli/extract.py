"""`armswatch extract` and `armswatch info`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from armswatch import __version__
from armswatch.cli.common import OutputFormat, fail, warn
from armswatch.errors import InputError
from armswatch.model import Document, Extraction
from armswatch.terminal import console


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("info")(info)


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: .txt .html .json "
                                                     ".jsonl[.gz] .warc[.gz]")],
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) for reports that carry none")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f",
                                                 help="jsonl, json or table")] = OutputFormat.jsonl,
    workers: Annotated[int, typer.Option(help="Processes to parse with")] = 1,
    strict: Annotated[bool, typer.Option(help="Stop at the first bad document")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to load")] = None,
) -> None:
    """Extract who arms whom from reports, with the claims and the evidence sentences.

    Example: armswatch extract reports/ --format table
    """
    from armswatch.extract import Extractor
    from armswatch.read import iter_documents

    if output is OutputFormat.csv:  # one report is a nested record, not a row
        fail("--format csv is not available for extract; use jsonl, json or table", code=2)
    if published is not None:
        _check_date(published)
    documents: list[Document] = []
    errors = 0
    for item in iter_documents(paths, published=published):
        if isinstance(item, InputError):
            errors += 1
            warn(str(item))
            if strict:
                raise typer.Exit(1)
            continue
        documents.append(item)
    if not documents:
        fail("no document could be read" if errors else "no documents given")
    extractor = Extractor(model)
    results = extractor.extract(documents, workers=workers)
    _emit(results, output, single=len(documents) == 1)


def _check_date(value: str) -> None:
    from armswatch.read import parse_date

    try:
        parse_date(value)
    except ValueError:
        fail(f"--published: bad date {value!r}; expected YYYY-MM-DD", code=2)


def _emit(results: object, output: OutputFormat, single: bool) -> None:
    extractions: list[Extraction] = []
    for extraction in results:  # type: ignore[attr-defined]
        if output is OutputFormat.jsonl:
            sys.stdout.write(json.dumps(extraction.to_json(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            extractions.append(extraction)
    if output is OutputFormat.json:
        payload = [e.to_json() for e in extractions]
        json.dump(payload[0] if single else payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif output is OutputFormat.table:

        from armswatch.cli.tables import extraction_table

        out = console()
        for extraction in extractions:
            out.print(extraction_table(extraction))


def info(
    output: Annotated[OutputFormat, typer.Option("--format", "-f",
                                                 help="table or json")] = OutputFormat.table,
) -> None:
    """Show the version, the spaCy pipeline and the bundled knowledge."""
    import spacy

    from armswatch.nlp import ARMSWATCH_PIPES, DEFAULT_MODEL

    details = {"version": __version__, "spacy_model": DEFAULT_MODEL,
               "spacy_version": spacy.__version__, "components": list(ARMSWATCH_PIPES)}
    try:
        meta = spacy.util.get_package_path(DEFAULT_MODEL)
        details["spacy_model_path"] = str(meta)
    except Exception:  # noqa: BLE001 - info must print even when the model is missing
        details["spacy_model_path"] = None
    if output is OutputFormat.json:
        print(json.dumps(details, indent=2))
    else:
        for key, value in details.items():
            print(f"{key}: {value}")
