"""Terminal rendering of ingest progress and store queries (rich tables, stderr progress)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from armswatch.errors import InputError
from armswatch.store.ingest import IngestReport
from armswatch.terminal import console

out = console()
err = console(stderr=True)


@contextmanager
def ingest_progress(quiet: bool) -> Iterator[tuple[Callable[[IngestReport], None],
                                                   Callable[[InputError], None]]]:
    """Progress callbacks for `Ingestor`: a live bar on stderr, or errors only when quiet."""
    def on_error(error: InputError) -> None:
        err.print(f"[yellow]skipped[/yellow] {error.where}: {error.problem}", highlight=False)

    if quiet:
        yield (lambda _report: None), on_error
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"),
               TextColumn("{task.completed} new documents"),
               TextColumn("{task.fields[rate]:.1f} docs/s"),
               TextColumn("{task.fields[transfers]} transfers"),
               TextColumn("{task.fields[skipped]} already stored"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("ingesting", total=None, rate=0.0, transfers=0, skipped=0)

        def on_progress(report: IngestReport) -> None:
            progress.update(task, completed=report.stored, rate=report.rate,
                            transfers=report.transfers, skipped=report.skipped)

        def on_error_live(error: InputError) -> None:
            progress.console.print(f"[yellow]skipped[/yellow] {error.where}: {error.problem}",
                                   highlight=False)

        yield on_progress, on_error_live


def print_ingest_report(report: IngestReport) -> None:
    err.print(
        f"stored {report.stored} new documents ({report.duplicates} near-duplicates linked) "
        f"with {report.transfers} transfers and {report.claims} claims in "
        f"{report.seconds:.1f} s ({report.rate:.1f} docs/s); {report.skipped} already "
        f"stored, {len(report.errors)} unreadable", highlight=False)


def _side(relation: dict[str, Any], side: str) -> str:
    actor = relation[side] or "?"
    state = relation[f"{side}_state"]
    return actor if not state or state == actor else f"{actor} ({state})"


def _dates(relation: dict[str, Any]) -> str:
    first, last = relation["first_reported"] or "?", relation["last_reported"] or "?"
    return first if first == last else f"{first}..{last}"


def relations_table(relations: Sequence[dict[str, Any]], title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for name in ("id", "supplier", "recipient", "stage", "items", "reported", "docs",
                 "indep.", "denied by", "conf."):
        table.add_column(name)
    for r in relations:
        table.add_row(r["id"], _side(r, "supplier"), _side(r, "recipient"), r["status"],
                      ", ".join(r["items"]), _dates(r), str(r["documents"]),
                      str(r["independent_sources"]), ", ".join(r["denied_by"]),
                      f"{r['confidence']:.2f}")
    return table


def _timeline(relation: dict[str, Any]) -> str:
    return " -> ".join(f"{stage['status']} {stage['first'] or '?'}"
                       for stage in relation["statuses"])


def print_actor(view: dict[str, Any]) -> None:
    out.print(f"[bold]{view['name']}[/bold] ({view['actor']}, {view['type']}, state "
              f"{view['state']}); {view['level']}-level relations", highlight=False)
    if view["includes"]:
        out.print(f"includes: {', '.join(view['includes'])}", highlight=False)
    for heading, key, other in (("supplies", "supplies", "recipient"),
                                ("receives", "receives", "supplier")):
        table = Table(title=f"{heading} ({len(view[key])})", title_justify="left")
        for name in (other, "items", "over time", "indep.", "denied by", "conf."):
            table.add_column(name)
        for r in view[key]:
            table.add_row(r[other] or "?", ", ".join(r["items"]), _timeline(r),
                          str(r["independent_sources"]), ", ".join(r["denied_by"]),
                          f"{r['confidence']:.2f}")
        out.print(table)


def print_evidence(relation: dict[str, Any], rows: Sequence[dict[str, Any]]) -> None:
    out.print(f"[bold]{relation['id']}[/bold]: {relation['status']}; {_timeline(relation)}; "
              f"{relation['independent_sources']} independent sources", highlight=False)
    for row in rows:
        copy = f", copy of {row['copy_of']}" if row["copy_of"] else ""
        out.print(f"\n[bold]{row['source']} {row['stance']}[/bold] {row['claim_status']} "
                  f"({row['cue'] or 'no cue'}) - {row['title'] or row['document']}, "
                  f"{row['outlet'] or 'unknown outlet'}, {row['published'] or 'undated'}"
                  f"{copy}", highlight=False)
        out.print(f"  \"{row['sentence']}\"", highlight=False, markup=False)


def print_summary(numbers: dict[str, Any], relations: Sequence[dict[str, Any]],
                  level: str) -> None:
    out.print(f"[bold]Who arms whom[/bold]: {numbers['documents']} reports "
              f"({numbers['duplicates']} near-duplicates), {numbers['transfers']} transfers, "
              f"{numbers['relations']} actor relations, {numbers['state_relations']} state "
              f"relations; published {numbers['first_published'] or '?'} to "
              f"{numbers['last_published'] or '?'}", highlight=False)
    table = Table(title=f"top {len(relations)} relations ({level} level)", title_justify="left")
    for name in ("supplier -> recipient", "stage", "over time", "items", "indep.",
                 "asserted by", "denied by", "embargo", "conf."):
        table.add_column(name)
    for r in relations:
        embargoes = sorted({str(f.get("embargo")) for f in r["embargo"]})
        table.add_row(f"{r['supplier'] or '?'} -> {r['recipient'] or '?'}", r["status"],
                      _timeline(r), ", ".join(r["items"]), str(r["independent_sources"]),
                      ", ".join(r["asserted_by"]), ", ".join(r["denied_by"]) or "-",
                      ", ".join(embargoes) or "-", f"{r['confidence']:.2f}")
    out.print(table)
