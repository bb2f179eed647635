"""Extraction on a Dask cluster: an `ExtractFn` whose batches run on Dask workers.

    with dask_runner("local:2") as extract:          # or "tcp://scheduler:8786"
        Ingestor(store, extract).run(documents)

Every worker process loads the NLP pipeline once (a worker plugin warms a per-process
cache when the worker starts; tasks reuse it). The driver keeps a bounded number of
batches in flight and yields extractions in input order, so its memory stays flat however
long the input is, and storing stays on the driver. A batch whose worker dies is
rescheduled by Dask; if Dask gives up on it (`KilledWorker`), it is submitted again, a
bounded number of times, before the run stops.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

import dask
from distributed import Client, Future, KilledWorker, LocalCluster, Worker, WorkerPlugin

from armswatch.errors import ArmswatchError
from armswatch.extract import batches
from armswatch.model import Document, Extraction
from armswatch.store.ingest import ExtractFn

if TYPE_CHECKING:
    from armswatch.extract import Extractor

BATCH_SIZE = 32
#: Batches queued per worker thread: one running, one ready, so no worker waits on the driver.
IN_FLIGHT_PER_THREAD = 2
#: Extra submissions of a batch after Dask declared it lethal to workers.
RESUBMITS = 2
CONNECT_TIMEOUT = "30s"
#: Dask sets this in workers to return memory to the OS sooner; it also disables glibc's
#: adaptive mmap threshold, which slows spaCy by about a quarter (36 -> 27 docs/s measured).
TRIM_SETTING = "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"

BatchTask = Callable[[list[Document], "str | None"], list[Extraction]]

# Per-process cache of loaded extractors, keyed by model; the lock keeps a plugin warming
# up in a thread and an early task from loading the same pipeline twice.
_EXTRACTORS: dict[str | None, Extractor] = {}
_LOCK = threading.Lock()
_LOADS = 0


def cached_extractor(model: str | None) -> Extractor:
    """This process's extractor for `model`, loaded on first use."""
    global _LOADS
    with _LOCK:
        if model not in _EXTRACTORS:
            from armswatch.extract import Extractor  # slow import: only in workers

            _EXTRACTORS[model] = Extractor(model)
            _LOADS += 1
        return _EXTRACTORS[model]


def pipeline_loads() -> int:
    """How many times this process has loaded a pipeline (checked by the tests)."""
    return _LOADS


def process_id() -> int:
    return os.getpid()


def extract_batch(batch: list[Document], model: str | None) -> list[Extraction]:
    """The task run on a worker: extract one batch with the cached pipeline."""
    return list(cached_extractor(model).extract(batch))


class ExtractorPlugin(WorkerPlugin):
    """Loads the pipeline as each worker (including a restarted one) joins."""

    def __init__(self, model: str | None) -> None:
        self.model = model
        self.name = f"armswatch-extractor-{model or 'default'}"

    async def setup(self, worker: Worker) -> None:
        # In a thread: loading takes seconds and the worker's event loop must keep beating.
        await asyncio.to_thread(cached_extractor, self.model)


@dataclass
class DaskExtract:
    """An `ExtractFn` over a Dask client; `task` replaces the extractor in tests."""

    client: Client
    model: str | None = None
    batch_size: int = BATCH_SIZE
    in_flight: int | None = None
    resubmits: int = RESUBMITS
    task: BatchTask = extract_batch

    def __post_init__(self) -> None:
        if self.task is extract_batch:
            self.client.register_plugin(ExtractorPlugin(self.model))

    def __call__(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        limit = self.in_flight or self._default_in_flight()
        pending: deque[tuple[list[Document], Future]] = deque()
        try:
            for batch in batches(documents, self.batch_size):
                pending.append((batch, self._submit(batch)))
                if len(pending) >= limit:
                    yield from self._collect(*pending.popleft())
            while pending:
                yield from self._collect(*pending.popleft())
        finally:
            # A driver stopping early (error, Ctrl-C) should not leave work on the cluster.
            if pending:
                self.client.cancel([future for _, future in pending])

    def _default_in_flight(self) -> int:
        threads = sum(self.client.nthreads().values())
        return max(IN_FLIGHT_PER_THREAD, IN_FLIGHT_PER_THREAD * threads)

    def _submit(self, batch: list[Document]) -> Future:
        # pure=False: every submission is new work, also a resubmitted batch.
        return self.client.submit(self.task, batch, self.model, pure=False)

    def _collect(self, batch: list[Document], future: Future) -> list[Extraction]:
        failures = 0
        while True:
            try:
                results = future.result()
            except KilledWorker as exc:
                failures += 1
                if failures > self.resubmits:
                    raise ArmswatchError(f"the batch starting with {batch[0].id!r} killed "
                                         f"workers {failures} times: {exc}") from exc
                future = self._submit(batch)
                continue
            if len(results) != len(batch):
                raise ArmswatchError(f"a worker returned {len(results)} extractions for "
                                     f"{len(batch)} documents")
            return results


def local_workers(spec: str) -> int | None:
    """N for `local:N`, the core count for `local`, None for a scheduler address."""
    if spec == "local":
        return os.cpu_count() or 1
    if spec.startswith("local:"):
        count = spec.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"--dask local:N needs a positive worker count, not {count!r}")
        return int(count)
    if "://" not in spec:
        raise ValueError(f"--dask takes local, local:N or a scheduler address such as "
                         f"tcp://host:8786, not {spec!r}")
    return None


@contextmanager
def dask_client(spec: str) -> Iterator[Client]:
    """A client on a fresh LocalCluster (`local[:N]`) or on a running scheduler."""
    workers = local_workers(spec)
    if workers is not None:
        with dask.config.set({TRIM_SETTING: None}), \
                LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                             host="127.0.0.1", dashboard_address=None) as cluster, \
                Client(cluster) as client:
            yield client
        return
    try:
        client = Client(spec, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise ArmswatchError(f"cannot reach the Dask scheduler at {spec}: {exc}") from None
    with client:
        yield client


@contextmanager
def dask_runner(spec: str, model: str | None = None,
                batch_size: int = BATCH_SIZE) -> Iterator[ExtractFn]:
    """An `ExtractFn` running on the cluster named by `spec`, closed on exit."""
    with dask_client(spec) as client:
        yield DaskExtract(client, model, batch_size=batch_size)
