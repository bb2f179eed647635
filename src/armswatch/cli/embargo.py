"""`armswatch embargoes` and `armswatch check`: embargoes in force and hypothetical transfers."""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table

from armswatch.embargo import (
    FINDING_BY_STATUS,
    InForce,
    Party,
    UnknownActorError,
    load_embargoes,
    party_for,
)
from armswatch.errors import DataFileError
from armswatch.terminal import console

BAD_INPUT = 2


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command("embargoes")(embargoes)
    app.command("check")(check)


FormatOption = Annotated[OutputFormat, typer.Option("--format", help="table or json.")]


def embargoes(
    target: Annotated[str | None, typer.Option(help="ISO3 code or group id.")] = None,
    at: Annotated[str | None, typer.Option(help="Date YYYY-MM-DD (default: today).")] = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """List the multilateral arms embargoes in force on a date."""
    on = _parse_date(at)
    book = _book()
    active = _in_force_for(book, on, target)
    if output is OutputFormat.json:
        typer.echo(json.dumps({"date": on.isoformat(), "target": target,
                               "data_version": book.version,
                               "embargoes": [a.to_json() for a in active]}, indent=2))
        return
    console().print(_in_force_table(active, on))


def check(
    supplier: Annotated[str, typer.Argument(help="ISO3 code or actor id of the supplier.")],
    recipient: Annotated[str, typer.Argument(help="ISO3 code or actor id of the recipient.")],
    items: Annotated[str, typer.Option(help="Comma-separated item categories.")] = "unspecified",
    at: Annotated[str | None, typer.Option("--date", help="Date YYYY-MM-DD (default: today).")]
    = None,
    via: Annotated[str, typer.Option(help="Comma-separated intermediaries, in order.")] = "",
    status: Annotated[str, typer.Option(
        help="delivered, agreed, negotiating, possible or cancelled.")] = "delivered",
    output: FormatOption = OutputFormat.table,
) -> None:
    """Explain which embargoes a (hypothetical) transfer would fall under."""
    on = _parse_date(at)
    book = _book()
    item_list = _split(items) or ["unspecified"]
    unknown = [i for i in item_list if i not in book.items]
    if unknown:
        _fail(f"unknown item category {unknown[0]!r}; use one of: {', '.join(book.items)}")
    if status not in FINDING_BY_STATUS:
        _fail(f"unknown status {status!r}; use one of: {', '.join(FINDING_BY_STATUS)}")
    giver, taker = _party(supplier), _party(recipient)
    stops = [_party(v) for v in _split(via)]
    findings = book.check(giver, taker, item_list, on, stops, status, "given")
    result = {"supplier": giver.id, "recipient": taker.id, "via": [s.id for s in stops],
              "items": item_list, "status": status, "date": on.isoformat(),
              "date_basis": "given", "data_version": book.version, "findings": findings}
    if output is OutputFormat.json:
        typer.echo(json.dumps(result, indent=2))
        return
    _print_findings(result)


def _in_force_for(book: Any, on: date, target: str | None) -> list[InForce]:
    """Embargoes naming the target itself or, for a group or company, its state."""
    if target is None:
        return book.in_force(on)
    named = {t for e in book.embargoes for p in e.phases for t in (*p.states, *e.groups)}
    if target in named:
        keys = [target]
    else:
        party = _party(target)
        keys = [k for k in (party.id, party.state) if k]
    found = {a.embargo.id: a for k in keys for a in book.in_force(on, k)}
    return [found[k] for k in sorted(found)]


def _book() -> Any:
    try:
        return load_embargoes()
    except DataFileError as exc:
        _fail(str(exc))


def _parse_date(text: str | None) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        _fail(f"bad date {text!r}: expected YYYY-MM-DD")


def _party(actor_id: str) -> Party:
    try:
        return party_for(actor_id)
    except UnknownActorError as exc:
        _fail(str(exc))


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _fail(message: str) -> Any:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code=BAD_INPUT)


def _in_force_table(active: list[InForce], on: date) -> Table:
    table = Table(title=f"Arms embargoes in force on {on.isoformat()}")
    for column in ("embargo", "authority", "status", "target", "phase", "bans", "instruments"):
        table.add_column(column)
    for entry in active:
        phase = entry.phase.to_json()
        target = ", ".join([*entry.phase.states, *entry.embargo.groups]) or "-"
        bans = ", ".join(phase["directions"]) + f" ({entry.phase.applies_to})"
        table.add_row(entry.embargo.id, entry.embargo.authority, entry.phase.legal_status,
                      target, f"{phase['from']} .. {phase['to'] or 'open'}", bans,
                      "; ".join(i.ref for i in entry.phase.instruments))
    return table


def _print_findings(result: dict[str, Any]) -> None:
    out = console()
    route = " -> ".join([result["supplier"], *result["via"], result["recipient"]])
    title = f"{route}: {', '.join(result['items'])} on {result['date']} ({result['status']})"
    if not result["findings"]:
        out.print(f"{title}\nNo embargo in the data applies.")
        return
    table = Table(title=title)
    for column in ("leg", "embargo", "authority", "legal status", "direction", "finding",
                   "reason"):
        table.add_column(column)
    for f in result["findings"]:
        table.add_row(f["leg"], f["embargo"], f["authority"], f["legal_status"],
                      f["direction"], f["finding"], f["reason"] or "")
    out.print(table)
    cited: dict[tuple[str, str], dict[str, str]] = {}
    for f in result["findings"]:
        for inst in f["instruments"]:
            cited.setdefault((f["embargo"], inst["ref"]), inst)
    for (embargo_id, ref), inst in cited.items():
        out.print(f"{embargo_id}: {ref} ({inst['date']}): {inst['effect']}",
                      highlight=False, markup=False, soft_wrap=True)
