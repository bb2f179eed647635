"""Ingest benchmark: throughput, memory, near-duplicate scaling and query latency.

Prints, in one run:
1. documents/s of `Ingestor` with the real armswatch extractor (extraction + storage)
   versus bare spaCy `nlp.pipe` (the default model as shipped) over the same documents,
   and their ratio;
2. peak RSS of that same ingest after 1,000 and after 10,000 documents, and the growth;
3. near-duplicate detection time (signatures + LSH lookups) for 10k and 100k documents;
4. p50/p95 latency of `find_relations` on a SQLite store holding 100k transfers.

Documents for 1 and 2 are the example reports cycled, each made unique by a last line.

Usage: python benchmarks/ingest.py [--quick]  (--quick divides every size by ten)
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from armswatch.model import Document
from armswatch.read import iter_documents
from armswatch.store import dedup
from armswatch.store.db import open_store
from armswatch.store.ingest import Ingestor, IngestReport
from armswatch.store.models import StoredClaim, StoredDocument, StoredTransfer
from armswatch.store.queries import RelationFilter, find_relations
from armswatch.store.relations import pair_key, refresh_relations

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
STATES = ("RUS", "UKR", "PRK", "IRN", "CHN", "USA", "TUR", "ISR", "IND", "PAK", "FRA", "GBR",
          "DEU", "SAU", "ARE", "EGY", "YEM", "SDN", "ETH", "MMR", "BLR", "KOR", "JPN", "TWN",
          "POL", "SYR", "IRQ", "LBY", "VEN", "BRA")
STATUSES = ("delivered", "agreed", "negotiating", "possible", "cancelled")
ITEMS = ("uav", "missiles", "ammunition", "artillery", "air_defence", "small_arms")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def example_documents(count: int) -> Iterator[Document]:
    """`count` documents cycled from examples/, each made unique so none is skipped."""
    base = [d for d in iter_documents([EXAMPLES]) if isinstance(d, Document)]
    if not base:
        raise SystemExit("examples/ is empty: run scripts/build_examples.py first")
    for number in range(count):
        document = base[number % len(base)]
        yield Document(f"{document.id}-{number}", f"{document.text}\nRef {number}.",
                       document.title, document.published, document.source)


def synthetic_documents(count: int, seed: int = 7) -> Iterator[Document]:
    """Random 150-word reports; one in ten repeats an earlier one with a new intro."""
    rng = random.Random(seed)
    words = [f"w{n}" for n in range(20000)]
    recent: list[str] = []
    for number in range(count):
        if recent and number % 10 == 9:
            text = "Wire copy. " + rng.choice(recent)
        else:
            text = " ".join(rng.choices(words, k=150))
            recent = (recent + [text])[-50:]
        yield Document(f"syn-{number}", text, None, f"20{10 + number % 15}-0{1 + number % 9}-01",
                       f"Outlet {number % 40}")


class Checkpoints:
    """Elapsed seconds and peak RSS when the stored count first reaches each mark."""

    def __init__(self, marks: tuple[int, ...]) -> None:
        self.pending = sorted(marks)
        self.seen: dict[int, tuple[float, float]] = {}

    def __call__(self, report: IngestReport) -> None:
        while self.pending and report.stored >= self.pending[0]:
            self.seen[self.pending.pop(0)] = (report.seconds, peak_rss_mb())


def bench_real_ingest(total: int, first: int, folder: Path) -> None:
    """Sections 1 and 2: one ingest run with checkpoints, then bare spaCy afterwards
    (so its model copy cannot raise the peak RSS measured for the ingest)."""
    from armswatch.store.ingest import local_extract

    loaded_at = time.perf_counter()
    extract = local_extract()
    print(f"   extractor loaded in {time.perf_counter() - loaded_at:.1f} s; "
          f"peak RSS {peak_rss_mb():.0f} MB before ingest")
    checkpoints = Checkpoints((first, total))
    # Batches of 50 so that a batch ends exactly at each checkpoint.
    with open_store(f"sqlite:///{folder / 'ingest.db'}") as store:
        report = Ingestor(store, extract, batch_size=50, on_progress=checkpoints).run(
            example_documents(total))
    (first_seconds, first_rss), (_, total_rss) = checkpoints.seen[first], checkpoints.seen[total]
    ingest_rate = first / first_seconds
    # The scale-out benchmark next to this file owns the baseline; it also imports Dask,
    # hence only now, after the ingest's memory is measured.
    from scale import bare_spacy_rate

    bare_rate = bare_spacy_rate(list(example_documents(first)))
    print(f"1. throughput over {first} documents: bare nlp.pipe {bare_rate:.1f} docs/s; "
          f"ingest (armswatch extractor) {ingest_rate:.1f} docs/s; ratio "
          f"{ingest_rate / bare_rate:.2f} (target >= 0.75); over all {total}: "
          f"{report.rate:.1f} docs/s, {report.transfers} transfers, "
          f"{report.duplicates} copies")
    print(f"2. peak RSS (armswatch extractor): {first_rss:.0f} MB after {first} documents, "
          f"{total_rss:.0f} MB after {total}; growth {total_rss - first_rss:.0f} MB "
          "(target < 150 MB)")


def bench_dedup(sizes: tuple[int, ...]) -> None:
    timings = []
    for size in sizes:
        index = dedup.NearDuplicateIndex()
        started = time.perf_counter()
        found = 0
        for number, document in enumerate(synthetic_documents(size)):
            values = dedup.signature(document.text)
            match = index.find(values)
            found += match is not None
            index.add(number, values, match.original if match else None)
        timings.append(time.perf_counter() - started)
        print(f"3. near-duplicates over {size} documents: {timings[-1]:.1f} s, {found} copies "
              f"linked ({size // 10} planted)")
    if len(timings) == 2:
        print(f"   scaling: {timings[1] / timings[0]:.1f}x time for "
              f"{sizes[1] / sizes[0]:.0f}x documents")


def fill_transfers(store, transfers: int) -> None:
    rng = random.Random(3)
    with store.session() as session:
        for number in range(transfers // 4):
            document = StoredDocument(content_hash=f"{number:064d}", doc_id=f"bench-{number}",
                                      published=f"20{10 + number % 15}-0{1 + number % 9}-15",
                                      outlet=f"Outlet {number % 60}", length=1000)
            for ordinal in range(4):
                supplier, recipient = rng.sample(STATES, 2)
                transfer = StoredTransfer(
                    ordinal=ordinal, supplier=supplier, recipient=recipient,
                    supplier_state=supplier, recipient_state=recipient,
                    actor_key=pair_key(supplier, recipient), state_key=pair_key(supplier,
                                                                                recipient),
                    status=rng.choice(STATUSES), items=[rng.choice(ITEMS)], via=[], embargo=[],
                    aggregated=False)
                transfer.claims.append(StoredClaim(
                    source=rng.choice(STATES), stance=rng.choice(("asserts", "denies")),
                    status=transfer.status, evidence_start=0, evidence_end=10,
                    evidence_text="a sentence"))
                document.transfers.append(transfer)
            session.add(document)
            if number % 2000 == 1999:
                session.commit()
        session.commit()
        started = time.perf_counter()
        refresh_relations(session)
        session.commit()
        print(f"4. built a store of {transfers} transfers; relations aggregated in "
              f"{time.perf_counter() - started:.1f} s")


def bench_queries(transfers: int, folder: Path, rounds: int = 200) -> None:
    store = open_store(f"sqlite:///{folder / 'queries.db'}")
    fill_transfers(store, transfers)
    rng = random.Random(5)
    latencies = []
    with store.session() as session:
        for _ in range(rounds):
            wanted = RelationFilter(level=rng.choice(("actor", "state")),
                                    supplier=rng.choice((None, *STATES)),
                                    recipient=rng.choice((None, None, *STATES)),
                                    status=rng.choice((None, *STATUSES)),
                                    item=rng.choice((None, *ITEMS)),
                                    since=rng.choice((None, "2016-01-01")),
                                    min_sources=rng.choice((None, 2, 5)))
            started = time.perf_counter()
            find_relations(session, wanted)
            latencies.append((time.perf_counter() - started) * 1000)
    store.close()
    latencies.sort()
    p95 = latencies[int(0.95 * len(latencies)) - 1]
    print(f"   relations query over {transfers} transfers: p50 "
          f"{statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms (target < 100 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="every size divided by ten")
    scale = 10 if parser.parse_args().quick else 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_real_ingest(10000 // scale, 1000 // scale, folder)
        bench_dedup((10000 // scale, 100000 // scale))
        bench_queries(100000 // scale, folder)


if __name__ == "__main__":
    main()
