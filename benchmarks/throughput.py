"""Extraction speed against the bare spaCy pipeline, in one run on the same texts.

    python benchmarks/throughput.py [--docs N] [--workers N]

Prints words/second for bare `nlp.pipe` of the same English model (all its components)
and for armswatch's extraction (parse + actors + transfers + claims + time + embargo),
and their ratio. Ratios, not seconds, are comparable across machines.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from armswatch.evaluate import gold_document, load_gold
from armswatch.extract import Extractor
from armswatch.nlp import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parent.parent


def corpus(n_docs: int) -> list:
    golds = [load_gold(p) for p in sorted((ROOT / "eval").glob("*/*.gold.json"))]
    docs = [gold_document(g) for g in golds]
    out = []
    while len(out) < n_docs:
        for doc in docs:
            copy = type(doc)(**{**doc.__dict__})
            copy.id = f"{doc.id}-{len(out)}"
            out.append(copy)
            if len(out) >= n_docs:
                break
    return out


def words(docs: list) -> int:
    return sum(len(d.text.split()) for d in docs)


def bare_rate(docs: list) -> float:
    nlp = spacy.load(DEFAULT_MODEL)
    start = time.perf_counter()
    for _ in nlp.pipe((d.text for d in docs), batch_size=32):
        pass
    return words(docs) / (time.perf_counter() - start)


def armswatch_rate(docs: list, workers: int) -> float:
    extractor = Extractor()
    start = time.perf_counter()
    for _ in extractor.extract(docs, workers=workers):
        pass
    return words(docs) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    docs = corpus(args.docs)
    bare = bare_rate(docs)
    ours = armswatch_rate(docs, 1)
    result = {"documents": len(docs), "words": words(docs),
              "bare_spacy_words_per_s": round(bare), "armswatch_words_per_s": round(ours),
              "ratio": round(ours / bare, 3)}
    if args.workers > 1:
        parallel = armswatch_rate(docs, args.workers)
        result[f"armswatch_{args.workers}_workers_words_per_s"] = round(parallel)
        result[f"ratio_{args.workers}_workers"] = round(parallel / bare, 3)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
