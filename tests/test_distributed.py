"""Extraction on a 2-worker Dask LocalCluster: same results as one process, nothing lost
when a worker dies mid-run."""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import dask
import pytest
from conftest import store_corpus, store_fake_extract, store_fake_extraction
from distributed import Client, LocalCluster
from test_ingest_crash import snapshot
from typer.testing import CliRunner

from armswatch.cli import app
from armswatch.distributed import DaskExtract, local_workers, pipeline_loads, process_id
from armswatch.errors import ArmswatchError
from armswatch.model import Document, Extraction
from armswatch.read import iter_documents
from armswatch.store.db import open_store
from armswatch.store.ingest import Ingestor

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    # Dask gives up on a task at the first worker death it is running in, so the runner's
    # own resubmission is what the kill tests exercise.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                         dashboard_address=None) as cluster, Client(cluster) as connected:
        yield connected


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    """About twenty example reports, including syndicated copies of some of them."""
    folder = tmp_path_factory.mktemp("sample")
    chosen = sorted((EXAMPLES / "json").glob("*.json"))[:16]
    chosen += sorted((EXAMPLES / "syndicated").glob("*.json"))[:4]
    for path in chosen:
        shutil.copy(path, folder / path.name)
    return folder


def documents_in(folder: Path) -> list[Document]:
    return [item for item in iter_documents([str(folder)]) if isinstance(item, Document)]


def slow_fake_batch(batch: list[Document], model: str | None) -> list[Extraction]:
    time.sleep(0.05)  # long enough for several batches to be in flight when one dies
    return [store_fake_extraction(document) for document in batch]


@dataclass
class KillWorkerOnce:
    """A batch task whose first call SIGKILLs the worker process running it."""

    marker: Path

    def __call__(self, batch: list[Document], model: str | None) -> list[Extraction]:
        if not self.marker.exists():
            self.marker.write_text(str(os.getpid()))
            os.kill(os.getpid(), signal.SIGKILL)
        return slow_fake_batch(batch, model)


def always_kill(batch: list[Document], model: str | None) -> list[Extraction]:
    os.kill(os.getpid(), signal.SIGKILL)
    return []


def test_dask_spec_is_parsed() -> None:
    assert local_workers("local:3") == 3
    assert local_workers("local") == (os.cpu_count() or 1)
    assert local_workers("tcp://10.0.0.5:8786") is None
    for wrong in ("local:0", "local:two", "scheduler:8786"):
        with pytest.raises(ValueError):
            local_workers(wrong)


@pytest.mark.slow
def test_results_match_a_single_process_document_for_document(client, sample,
                                                               shared_extractor) -> None:
    documents = documents_in(sample)
    assert len(documents) == 20
    expected = [extraction.to_json() for extraction in shared_extractor.extract(documents)]
    # Small batches so both workers take part and the order has to be restored.
    found = list(DaskExtract(client, batch_size=3)(documents))
    assert [extraction.document.id for extraction in found] == [d.id for d in documents]
    assert [extraction.to_json() for extraction in found] == expected
    assert set(client.run(pipeline_loads).values()) == {1}  # loaded once per worker


@pytest.mark.slow
def test_cli_ingest_on_a_scheduler_gives_the_plain_relations(client, sample, tmp_path) -> None:
    runner = CliRunner()
    urls = {name: f"sqlite:///{tmp_path / name}.db" for name in ("plain", "dask")}
    address = client.scheduler.address
    for name, extra in (("plain", []), ("dask", ["--dask", address])):
        result = runner.invoke(app, ["ingest", str(sample), "--db", urls[name], "-q", *extra])
        assert result.exit_code == 0, result.output
    relations = {name: json.loads(runner.invoke(app, ["relations", "--format", "json",
                                                      "--db", url]).stdout)
                 for name, url in urls.items()}
    assert relations["dask"] and relations["dask"] == relations["plain"]
    assert snapshot(urls["dask"]) == snapshot(urls["plain"])


def test_a_worker_killed_mid_run_loses_nothing(client, tmp_path) -> None:
    documents = store_corpus(120)
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    Ingestor(open_store(clean_url), store_fake_extract, batch_size=16).run(documents)

    marker = tmp_path / "killed"
    before = set(client.run(process_id).values())
    url = f"sqlite:///{tmp_path / 'dask.db'}"
    extract = DaskExtract(client, batch_size=5, task=KillWorkerOnce(marker))
    report = Ingestor(open_store(url), extract, batch_size=16).run(documents)

    assert int(marker.read_text()) in before  # a worker really died while holding a batch
    assert report.stored == len(documents)
    assert snapshot(url) == snapshot(clean_url)  # every document stored exactly once
    client.wait_for_workers(2, timeout=60)
    assert set(client.run(process_id).values()) != before  # the nanny replaced it


def test_a_batch_that_keeps_killing_workers_stops_the_run(client) -> None:
    client.wait_for_workers(2, timeout=60)
    extract = DaskExtract(client, batch_size=5, resubmits=1, task=always_kill)
    with pytest.raises(ArmswatchError, match="killed workers 2 times"):
        list(extract(store_corpus(5)))
    client.wait_for_workers(2, timeout=60)
