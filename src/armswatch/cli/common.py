"""What every command shares: output formats and how errors reach the user."""

from __future__ import annotations

import enum
import sys
from typing import Annotated, NoReturn

import typer

# The store every corpus command and `serve` work on.
DbOption = Annotated[str | None, typer.Option(
    "--db", help="Database URL (default: $ARMSWATCH_DB or sqlite:///armswatch.db).")]


class OutputFormat(enum.StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"
    csv = "csv"


def warn(message: str) -> None:
    print(f"armswatch: error: {message}", file=sys.stderr)


def fail(message: str, code: int = 1) -> NoReturn:
    warn(message)
    raise typer.Exit(code)

