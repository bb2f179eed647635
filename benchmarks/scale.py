"""Scale-out benchmark: extraction throughput on 1 and 2 cores, locally and on Dask.

Prints, in one run:
1. documents/s of bare spaCy `nlp.pipe` on one core (the baseline);
2. documents/s of the armswatch extractor in 1 process, in 2 local processes, and on a Dask
   LocalCluster of 1 and of 2 single-threaded workers, each as a ratio to the baseline;
3. scaling efficiency from 1 to 2 workers: rate(2) / (2 * rate(1)), for Dask and local;
4. the store's write rate (documents/s through `Ingestor` with extraction already done), for
   a temporary SQLite file and for every `--db URL` given (e.g. PostgreSQL).

Usage: python benchmarks/scale.py [--documents N] [--quick] [--db URL ...]
`--db` stores extra documents (with unique random text) in that database.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from armswatch.distributed import DaskExtract, dask_client
from armswatch.model import Document, Extraction
from armswatch.nlp import DEFAULT_MODEL
from armswatch.read import iter_documents
from armswatch.store.db import open_store
from armswatch.store.ingest import ExtractFn, Ingestor, local_extract

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def base_documents() -> list[Document]:
    base = [d for d in iter_documents([str(EXAMPLES)]) if isinstance(d, Document)]
    if not base:
        raise SystemExit("examples/ is empty: run scripts/build_examples.py first")
    return base


def example_documents(count: int) -> list[Document]:
    """`count` documents cycled from examples/, each made unique by a reference line."""
    base = base_documents()
    return [replace(base[n % len(base)], id=f"{base[n % len(base)].id}-{n}",
                    text=f"{base[n % len(base)].text}\nRef {n}.") for n in range(count)]


def rate(extract: ExtractFn, documents: list[Document]) -> float:
    started = time.perf_counter()
    done = sum(1 for _ in extract(documents))
    return done / (time.perf_counter() - started)


def bare_spacy_rate(documents: list[Document]) -> float:
    import spacy

    nlp = spacy.load(DEFAULT_MODEL)
    started = time.perf_counter()
    for _ in nlp.pipe((d.text for d in documents), batch_size=64):
        pass
    return len(documents) / (time.perf_counter() - started)


def dask_rate(workers: int, documents: list[Document]) -> float:
    """Documents/s on a warm LocalCluster (start-up and pipeline loading not timed)."""
    with dask_client(f"local:{workers}") as client:
        extract = DaskExtract(client)  # registers the plugin: every worker loads the model
        rate(extract, documents[: 2 * workers])  # first task on each worker, not timed
        return rate(extract, documents)


def throughput(documents: list[Document]) -> dict[str, float]:
    rates = {"bare spaCy nlp.pipe, 1 core": bare_spacy_rate(documents)}
    print(f"  bare spaCy: {rates['bare spaCy nlp.pipe, 1 core']:.1f} docs/s", flush=True)
    runs: dict[str, Callable[[], float]] = {
        "armswatch, 1 process": lambda: rate(local_extract(), documents),
        "armswatch, 2 local processes": lambda: rate(local_extract(workers=2), documents),
        "armswatch, Dask LocalCluster 1 worker": lambda: dask_rate(1, documents),
        "armswatch, Dask LocalCluster 2 workers": lambda: dask_rate(2, documents),
    }
    for label, run in runs.items():
        rates[label] = run()
        print(f"  {label}: {rates[label]:.1f} docs/s", flush=True)
    return rates


def print_throughput(rates: dict[str, float], count: int) -> None:
    bare = rates["bare spaCy nlp.pipe, 1 core"]
    print(f"\nthroughput over {count} documents (ratio to bare spaCy on one core):")
    for label, value in rates.items():
        print(f"  {label:<42} {value:7.1f} docs/s   ratio {value / bare:5.2f}")
    one, two = (rates[f"armswatch, Dask LocalCluster {n}"] for n in ("1 worker", "2 workers"))
    local_one, local_two = rates["armswatch, 1 process"], rates["armswatch, 2 local processes"]
    print(f"scaling efficiency 1 -> 2 workers: Dask {two / (2 * one):.2f} (goal >= 0.85); "
          f"local processes {local_two / (2 * local_one):.2f} (pool start-up timed)")


def replayed(base: list[Extraction], count: int, token: str) -> Iterator[Document]:
    """`count` documents with unique random text standing for real reports."""
    rng = random.Random(token)
    words = [f"w{n}" for n in range(20000)]
    for number in range(count):
        length = max(50, len(base[number % len(base)].document.text) // 6)
        yield Document(f"replay-{token}-{number}", " ".join(rng.choices(words, k=length)),
                       "Replayed report", f"20{10 + number % 15}-0{1 + number % 9}-01",
                       f"https://outlet{number % 40}.example/{number}")


def replay_extract(base: list[Extraction]) -> ExtractFn:
    """Extraction already done: each document gets the transfers of an example report."""
    def run(documents: Iterable[Document]) -> Iterator[Extraction]:
        for number, document in enumerate(documents):
            yield replace(base[number % len(base)], document=document)
    return run


def store_rate(url: str, base: list[Extraction], count: int) -> tuple[float, int]:
    with open_store(url) as store:
        token = f"{time.time_ns()}"
        report = Ingestor(store, replay_extract(base)).run(replayed(base, count, token))
    return report.rate, report.transfers


def bench_store(urls: list[str], count: int) -> None:
    from armswatch.extract import Extractor

    base = list(Extractor().extract(base_documents()))
    print(f"\nstore write rate ({count} documents, "
          f"{sum(len(e.transfers) for e in base) / len(base):.2f} transfers each):")
    for url in urls:
        value, transfers = store_rate(url, base, count)
        shown = url.split("@")[-1]  # no credentials on screen
        print(f"  {shown:<42} {value:7.1f} docs/s ({transfers} transfers)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=480)
    parser.add_argument("--store-documents", type=int, default=3000)
    parser.add_argument("--quick", action="store_true", help="a quarter of every size")
    parser.add_argument("--db", action="append", default=[], help="also time this store")
    args = parser.parse_args()
    count = args.documents // 4 if args.quick else args.documents
    store_count = args.store_documents // 4 if args.quick else args.store_documents
    documents = example_documents(count)
    print_throughput(throughput(documents), count)
    with tempfile.TemporaryDirectory() as folder:
        bench_store([f"sqlite:///{Path(folder) / 'scale.db'}", *args.db], store_count)


if __name__ == "__main__":
    main()
