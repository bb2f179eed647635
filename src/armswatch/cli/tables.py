"""Readable rich tables for the terminal."""

from __future__ import annotations

from rich.table import Table

from armswatch.model import Extraction


def extraction_table(extraction: Extraction) -> Table:
    doc = extraction.document
    table = Table(title=f"{doc.id}: {doc.title or ''} ({doc.published or 'undated'})",
                  show_lines=True)
    for column in ("supplier", "recipient", "via", "status", "items", "claims"):
        table.add_column(column)
    for transfer in extraction.transfers:
        claims = "\n".join(f"{c.source} {c.stance} ({c.cue or '-'}): "
                           f"{_short(c.evidence.text)}" for c in transfer.claims)
        table.add_row(transfer.supplier or "?", transfer.recipient or "?",
                      " > ".join(transfer.via), transfer.status, ", ".join(transfer.items),
                      claims)
    return table


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
