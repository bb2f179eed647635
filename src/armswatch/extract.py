"""The library entry point: documents in, extractions out.

    from armswatch.extract import Extractor
    for extraction in Extractor().extract(documents):
        print(extraction.to_json())
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from spacy.tokens import Doc

from armswatch.embargo import annotate_extraction, load_embargoes
from armswatch.knowledge.actors import load_actor_index
from armswatch.model import Document, Extraction
from armswatch.nlp import load_pipeline
from armswatch.pipeline.assemble import assemble

BATCH_SIZE = 32


class Extractor:
    """Loads the pipeline once; extracts one document or a stream of them."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self.nlp = load_pipeline(model)
        self.index = load_actor_index()
        self.embargoes = load_embargoes()
        if not Doc.has_extension("published"):
            Doc.set_extension("published", default=None)

    def extract_one(self, document: Document) -> Extraction:
        return next(self._run([document]))

    def extract(self, documents: Iterable[Document], workers: int = 1) -> Iterator[Extraction]:
        """Extractions in input order; `workers` > 1 parses in that many processes."""
        if workers <= 1:
            yield from self._run(documents)
            return
        yield from _parallel(documents, workers, self.model)

    def _run(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        pending: list[Document] = []

        def docs() -> Iterator[Doc]:
            for document in documents:
                doc = self.nlp.make_doc(document.text)
                doc._.published = document.published
                pending.append(document)
                yield doc

        for doc in self.nlp.pipe(docs(), batch_size=BATCH_SIZE):
            document = pending.pop(0)
            yield annotate_extraction(assemble(doc, document, self.index), self.embargoes)


_WORKER: Extractor | None = None


def _worker_init(model: str | None) -> None:
    global _WORKER
    _WORKER = Extractor(model)


def _worker_run(batch: list[Document]) -> list[Extraction]:
    assert _WORKER is not None
    return list(_WORKER._run(batch))


def _parallel(documents: Iterable[Document], workers: int,
              model: str | None) -> Iterator[Extraction]:
    in_batches = batches(documents, BATCH_SIZE)
    with ProcessPoolExecutor(workers, initializer=_worker_init, initargs=(model,)) as pool:
        for results in pool.map(_worker_run, in_batches):
            yield from results


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of `size` documents (the last may be shorter)."""
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
