"""Running the extractor inside the server: loaded once, on first use, one call at a time."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from armswatch.model import Document, Extraction
from armswatch.read import parse_date
from armswatch.store.db import Store
from armswatch.store.ingest import Ingestor, content_hash
from armswatch.store.models import StoredDocument
from armswatch.store.reviews import keep_text

if TYPE_CHECKING:
    from armswatch.extract import Extractor

# One ingest at a time per process: the near-duplicate index is read, then extended.
_INGEST_LOCK = threading.Lock()


class AnalysisError(ValueError):
    """A report that cannot be analysed (no text, unreadable HTML, bad date)."""


def html_to_text(html: str) -> tuple[str, str | None]:
    """Article text and title of an HTML page, as ingest reads HTML files."""
    import trafilatura  # slow import; only HTML needs it

    extracted = trafilatura.bare_extraction(html, with_metadata=True)
    if extracted is None or not (extracted.text or "").strip():
        raise AnalysisError("no article text found in the HTML")
    return extracted.text, extracted.title


def make_document(*, text: str | None = None, html: str | None = None,
                  title: str | None = None, published: str | None = None,
                  doc_id: str | None = None, source: str | None = None) -> Document:
    if (text is None) == (html is None):
        raise AnalysisError("give exactly one of 'text' and 'html'")
    if published:
        try:
            published = parse_date(published).isoformat()
        except ValueError as exc:
            raise AnalysisError(f"published must be a date like 2024-05-01: {exc}") from None
    if html is not None:
        text, found_title = html_to_text(html)
        title = title or found_title
    if not (text or "").strip():
        raise AnalysisError("the report has no text")
    return Document(id=doc_id or "pasted", text=text or "", title=title,
                    published=published or None, source=source, origin="web")


def extraction_json(extraction: Extraction) -> dict[str, Any]:
    """The extraction as `armswatch extract` prints it, plus the text offsets point into."""
    return {**extraction.to_json(), "text": extraction.document.text}


class Analyzer:
    """Owns the extractor; spaCy pipelines are not shared between threads, hence the lock."""

    def __init__(self, model: str | None = None, extractor: Extractor | None = None) -> None:
        self.model = model
        self._extractor = extractor
        self._lock = threading.Lock()

    def _get(self) -> Extractor:
        if self._extractor is None:
            from armswatch.extract import Extractor  # loading the NLP model takes seconds

            self._extractor = Extractor(self.model)
        return self._extractor

    def analyze(self, document: Document) -> Extraction:
        with self._lock:
            return self._get().extract_one(document)

    def store(self, store: Store, document: Document) -> tuple[Extraction, dict[str, Any]]:
        """Extract and ingest one report; a report already stored is analysed, not re-added."""
        extractions: list[Extraction] = []

        def extract(documents):
            for item in documents:
                extraction = self.analyze(item)
                extractions.append(extraction)
                yield extraction

        with _INGEST_LOCK:
            report = Ingestor(store, extract).run([document])
        extraction = extractions[0] if extractions else self.analyze(document)
        with store.session() as session:
            row = session.scalar(select(StoredDocument).where(
                StoredDocument.content_hash == content_hash(document.text)))
            keep_text(session, row.id, document.text)
            session.commit()
            stored = {"id": row.id, "new": report.stored == 1, "copy_of": row.duplicate_of}
        return extraction, stored

