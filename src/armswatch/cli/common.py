"""What every command shares: output formats and how errors reach the user."""

from __future__ import annotations

import enum
import sys
from typing import NoReturn

import typer


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

