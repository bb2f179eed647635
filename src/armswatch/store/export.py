"""Exports of the relations: JSON lines, CSV, Parquet and GraphML."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from armswatch.store.models import StoredActor
from armswatch.store.queries import RELATION_FIELDS

FORMATS = ("jsonl", "csv", "parquet", "graphml")
BINARY_FORMATS = ("parquet",)
LIST_FIELDS = ("items", "via", "asserted_by", "denied_by")
# Nested values CSV and GraphML cannot hold: written as JSON text.
JSON_FIELDS = ("statuses", "embargo")


def flat(relation: dict[str, Any]) -> dict[str, Any]:
    """One relation with lists joined by ';' and nested values as JSON text."""
    out: dict[str, Any] = {}
    for name in RELATION_FIELDS:
        value = relation[name]
        if name in LIST_FIELDS:
            value = ";".join(value)
        elif name in JSON_FIELDS:
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        out[name] = value
    return out


def write_jsonl(relations: Sequence[dict[str, Any]], out: TextIO) -> None:
    for relation in relations:
        out.write(json.dumps(relation, ensure_ascii=False) + "\n")


def write_csv(relations: Sequence[dict[str, Any]], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=list(RELATION_FIELDS), lineterminator="\n")
    writer.writeheader()
    for relation in relations:
        writer.writerow({k: "" if v is None else v for k, v in flat(relation).items()})


def write_parquet(relations: Sequence[dict[str, Any]], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns: dict[str, list[Any]] = {name: [] for name in RELATION_FIELDS}
    for relation in relations:
        for name in RELATION_FIELDS:
            value = relation[name]
            columns[name].append(json.dumps(value, ensure_ascii=False)
                                 if name in JSON_FIELDS else value)
    schema = pa.schema([
        (name, pa.list_(pa.string()) if name in LIST_FIELDS
         else pa.float64() if name == "confidence"
         else pa.int64() if name in ("transfers", "documents", "stories", "outlets",
                                     "independent_sources")
         else pa.string())
        for name in RELATION_FIELDS])
    pq.write_table(pa.table(columns, schema=schema), path)


def relation_graph(session: Session, relations: Sequence[dict[str, Any]]):
    """A networkx DiGraph: actors as nodes, relations with both sides known as edges."""
    import networkx as nx

    graph = nx.DiGraph()
    actors = {row.id: row for row in session.scalars(select(StoredActor))}
    for relation in relations:
        if not relation["supplier"] or not relation["recipient"]:
            continue
        for side in (relation["supplier"], relation["recipient"]):
            known = actors.get(side)
            graph.add_node(side, label=known.name if known else side,
                           type=known.type if known else "state",
                           state=known.state if known else side)
        attributes = {k: v for k, v in flat(relation).items()
                      if k not in ("supplier", "recipient") and v is not None}
        graph.add_edge(relation["supplier"], relation["recipient"], **attributes)
    return graph


def write_graphml(session: Session, relations: Sequence[dict[str, Any]], path: Path) -> None:
    import networkx as nx

    nx.write_graphml(relation_graph(session, relations), path)


def export(session: Session, relations: Sequence[dict[str, Any]], fmt: str,
           path: Path | None) -> str | None:
    """Write `relations` in `fmt` to `path`; text formats return a string when no path."""
    if fmt in BINARY_FORMATS or fmt == "graphml":
        if path is None:
            raise ValueError(f"{fmt} needs an output file (--output)")
        if fmt == "parquet":
            write_parquet(relations, path)
        else:
            write_graphml(session, relations, path)
        return None
    buffer = io.StringIO()
    (write_jsonl if fmt == "jsonl" else write_csv)(relations, buffer)
    if path is None:
        return buffer.getvalue()
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return None
