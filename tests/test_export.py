"""Each export format carries the relations, readable by the tools people use."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest
from conftest import store_corpus, store_fake_extract
from typer.testing import CliRunner

from armswatch.cli import app
from armswatch.store.ingest import Ingestor


@pytest.fixture
def filled(store, store_url):
    Ingestor(store, store_fake_extract).run(store_corpus(21))
    return store_url


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_jsonl_has_one_relation_per_line(filled):
    lines = run("export", "--format", "jsonl", "--db", filled).splitlines()
    relations = [json.loads(line) for line in lines]
    assert len(relations) == 6
    prk = next(r for r in relations if r["id"] == "PRK:RUS")
    assert prk["status"] == "delivered"
    assert prk["denied_by"] == ["PRK"]
    assert prk["items"] == ["ammunition"]


def test_csv_flattens_lists(filled):
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv", "--db", filled))))
    usa = next(r for r in rows if r["id"] == "USA:UKR")
    assert usa["items"] == "air_defence;missiles"
    assert usa["status"] == "agreed"
    assert json.loads(usa["statuses"])[0]["status"] == "agreed"


def test_parquet_reads_in_pyarrow_with_list_columns(filled, tmp_path):
    path = tmp_path / "relations.parquet"
    run("export", "--format", "parquet", "--output", str(path), "--db", filled)
    table = pq.read_table(path).to_pylist()
    by_id = {row["id"]: row for row in table}
    assert by_id["CHN:RUS"]["via"] == ["PRK"]
    assert by_id["IRN:RUS"]["items"] == ["uav"]
    assert isinstance(by_id["IRN:RUS"]["documents"], int)


def test_graphml_opens_in_networkx_with_edge_attributes(filled, tmp_path):
    path = tmp_path / "relations.graphml"
    run("export", "--format", "graphml", "--output", str(path), "--db", filled,
        "--level", "state")
    graph = nx.read_graphml(path)
    assert graph.is_directed()
    assert graph.has_edge("PRK", "RUS") and graph.has_edge("IRN", "YEM")
    edge = graph.edges["PRK", "RUS"]
    assert edge["status"] == "delivered"
    assert edge["documents"] >= 2
    assert edge["first_reported"] <= edge["last_reported"]
    assert graph.nodes["RUS"]["type"] == "state"


def test_binary_format_without_output_fails_cleanly(filled):
    result = CliRunner().invoke(app, ["export", "--format", "parquet", "--db", filled])
    assert result.exit_code == 1
    assert "--output" in result.stderr
