"""Corpus commands: ingest reports into the store and query the record of who arms whom."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.table import Table

from armswatch.cli.common import DbOption
from armswatch.errors import ArmswatchError
from armswatch.store.db import open_store
from armswatch.terminal import console

if TYPE_CHECKING:
    from armswatch.store.ingest import ExtractFn

LevelOption = Annotated[str, typer.Option(
    "--level", help="actor: as named (Wagner Group); state: rolled up to states (Russia).")]
F = TypeVar("F", bound=Callable[..., Any])
err = console(stderr=True)


def fails_cleanly(command: F) -> F:
    """Print armswatch errors as one line on stderr and exit with status 1."""
    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (ArmswatchError, ValueError) as exc:
            err.print(f"[red]error:[/red] {exc}", highlight=False)
            raise typer.Exit(1) from None
    return wrapper  # type: ignore[return-value]


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1) + "\n")


@contextmanager
def extraction(model: str | None, workers: int, dask: str | None) -> Iterator[ExtractFn]:
    """Local processes, or a Dask cluster when `--dask` names one."""
    if dask is None:
        from armswatch.store.ingest import local_extract

        yield local_extract(model, workers)
        return
    if workers != 1:
        raise ValueError("--workers and --dask exclude each other: size the cluster instead")
    from armswatch.distributed import dask_runner

    with dask_runner(dask, model) as extract:
        yield extract


@fails_cleanly
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: .txt .html .json "
                                                "(.jsonl, .jsonl.gz, .warc.gz)")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option(help="Extraction processes.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD) for reports that carry none.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model to extract with.")] = None,
    batch_size: Annotated[int, typer.Option(help="Documents per transaction.")] = 64,
    dask: Annotated[str | None, typer.Option(
        "--dask", help="Extract on Dask: local[:N] (a LocalCluster of N processes) or a "
        "scheduler address, tcp://host:8786.")] = None,
) -> None:
    """Extract transfers from reports and add them to the store.

    Example: armswatch ingest reports/ --db sqlite:///armswatch.db --workers 2
    """
    from armswatch.read import iter_documents
    from armswatch.store.ingest import Ingestor
    from armswatch.store.render import ingest_progress, print_ingest_report

    with open_store(db) as store, extraction(model, workers, dask) as extract:
        inputs = iter_documents([str(path) for path in paths], published=published)
        with ingest_progress(quiet) as (on_progress, on_error):
            ingestor = Ingestor(store, extract, batch_size=batch_size,
                                on_progress=on_progress, on_error=on_error)
            try:
                report = ingestor.run(inputs)
            except KeyboardInterrupt:
                err.print(f"interrupted: {ingestor.report.stored} new documents are stored; "
                          "run the same command again to finish")
                raise typer.Exit(130) from None
        if not quiet:
            print_ingest_report(report)


@fails_cleanly
def stats(db: DbOption = None,
          fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table") -> None:
    """Counts of documents, near-duplicates, transfers, claims and relations."""
    from armswatch.store.queries import stats as count_all

    with open_store(db) as store, store.session() as session:
        numbers = count_all(session)
    if fmt == "json":
        print_json(numbers)
        return
    table = Table("what", "count", show_header=False)
    for name, value in numbers.items():
        table.add_row(name, str(value))
    console().print(table)


@fails_cleanly
def relations(
    db: DbOption = None,
    supplier: Annotated[str | None, typer.Option(help="Supplier id (a state matches the "
                                                 "actors under it).")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient id.")] = None,
    status: Annotated[str | None, typer.Option(help="Furthest stage reached.")] = None,
    item: Annotated[str | None, typer.Option(help="Item category, e.g. uav.")] = None,
    since: Annotated[str | None, typer.Option(help="Last reported on or after.")] = None,
    until: Annotated[str | None, typer.Option(help="First reported on or before.")] = None,
    min_sources: Annotated[int | None, typer.Option(help="Independent sources.")] = None,
    level: LevelOption = "actor",
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv")] = "table",
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
) -> None:
    """Supplier -> recipient relations across all reports, most confident first.

    Example: armswatch relations --recipient RUS --status delivered --format json
    """
    from armswatch.store.export import write_csv
    from armswatch.store.queries import RelationFilter, find_relations
    from armswatch.store.render import relations_table

    wanted = RelationFilter(level, supplier, recipient, status, item, since, until,
                            min_sources, limit)
    with open_store(db) as store, store.session() as session:
        found = find_relations(session, wanted)
    if fmt == "json":
        print_json(found)
    elif fmt == "csv":
        write_csv(found, sys.stdout)
    else:
        console().print(relations_table(found, f"{len(found)} relations ({level} level)"))


@fails_cleanly
def actor(name: Annotated[str, typer.Argument(help="Actor id: RUS, wagner-group, ...")],
          db: DbOption = None,
          fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table") -> None:
    """What an actor supplies and receives, from whom, and when."""
    from armswatch.store.queries import actor_view
    from armswatch.store.render import print_actor

    with open_store(db) as store, store.session() as session:
        view = actor_view(session, name)
    if fmt == "json":
        print_json(view)
    else:
        print_actor(view)


@fails_cleanly
def evidence(
    relation: Annotated[str, typer.Argument(help="Relation id SUPPLIER:RECIPIENT, e.g. "
                                            "PRK:RUS (_ for an unknown side)")],
    db: DbOption = None, level: LevelOption = "actor",
    status: Annotated[str | None, typer.Option(help="Only this stage.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table",
) -> None:
    """Every sentence behind a relation, with source, stance, report and outlet."""
    from armswatch.store.queries import evidence as find_evidence
    from armswatch.store.queries import get_relation
    from armswatch.store.render import print_evidence

    with open_store(db) as store, store.session() as session:
        found = get_relation(session, relation, level)
        if found is None:
            raise ArmswatchError(f"no relation {relation!r} at {level} level "
                                 "(see `armswatch relations`)")
        rows = find_evidence(session, relation, level, status)
    if fmt == "json":
        print_json({"relation": found, "evidence": rows})
    else:
        print_evidence(found, rows)


@fails_cleanly
def export(
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet or graphml")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write "
                                                "(required for parquet and graphml).")] = None,
    db: DbOption = None, level: LevelOption = "actor",
) -> None:
    """Export every relation (GraphML: actors as nodes, relations as edges)."""
    from armswatch.store.export import FORMATS
    from armswatch.store.export import export as write_export
    from armswatch.store.queries import RelationFilter, find_relations

    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    with open_store(db) as store, store.session() as session:
        found = find_relations(session, RelationFilter(level=level))
        text = write_export(session, found, fmt, output)
    if text is not None:
        sys.stdout.write(text)


@fails_cleanly
def summary(db: DbOption = None, level: LevelOption = "state",
            top: Annotated[int, typer.Option(help="Relations to show.")] = 20,
            fmt: Annotated[str, typer.Option("--format", help="table or json")] = "table",
            ) -> None:
    """Who arms whom: the strongest relations with stage, sources, denials and embargoes."""
    from armswatch.store.queries import RelationFilter, find_relations
    from armswatch.store.queries import stats as count_all
    from armswatch.store.render import print_summary

    with open_store(db) as store, store.session() as session:
        numbers = count_all(session)
        found = find_relations(session, RelationFilter(level=level, limit=top))
    if fmt == "json":
        print_json({"stats": numbers, "relations": found})
    else:
        print_summary(numbers, found, level)


def register(app: typer.Typer) -> None:
    for command in (ingest, stats, relations, actor, evidence, export, summary):
        app.command(name=command.__name__)(command)
