"""Stage 1, read: turn files into `Document`s, and bad input into clear errors.

Every reader yields either a `Document` or an `InputError` naming the file
(and line or record) and the problem, so one bad document never stops the
others. The text of a document is kept exactly as given (after nothing but
the HTML-to-text step), because evidence offsets point into it.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from armswatch.errors import InputError
from armswatch.model import Document

#: Longest document text accepted; news reports are far shorter, so a larger
#: one is a dump or a mistake and would stall the parser.
MAX_TEXT_CHARS = 1_000_000

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
ALL_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES

_ENGLISH_FUNCTION_WORDS = frozenset({
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by",
    "said", "it", "from", "at", "be", "has", "have", "are", "an", "were", "its", "which",
    "this", "his", "their", "not", "but", "or", "will", "would", "been", "had",
})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")

Item = Document | InputError


def iter_documents(paths: Iterable[str | Path], *, published: str | None = None,
                   max_chars: int = MAX_TEXT_CHARS) -> Iterator[Item]:
    """Yield documents (or errors) from files and directories, in a stable order.

    `published` is the fallback publication date for documents that carry none.
    """
    for path in _expand(paths):
        if isinstance(path, InputError):
            yield path
            continue
        for item in _read_file(path):
            if isinstance(item, Document):
                item = _finish(item, published, max_chars)
            yield item


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p))
            if not found:
                yield InputError(str(path), "directory holds no readable reports")
            yield from found
        elif path.is_file():
            yield path
        else:
            yield InputError(str(path), "no such file or directory")


def _suffix(path: Path) -> str | None:
    name = path.name.lower()
    return next((s for s in sorted(ALL_SUFFIXES, key=len, reverse=True) if name.endswith(s)),
                None)


def _read_file(path: Path) -> Iterator[Item]:
    suffix = _suffix(path)
    where = str(path)
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path)
        elif suffix in WARC_SUFFIXES:
            yield from _read_warc(path)
        else:
            raw = path.read_bytes()
            if suffix in HTML_SUFFIXES:
                yield _from_html(_decode(raw, where), where, default_id=path.stem)
            elif suffix in JSON_SUFFIXES:
                yield _from_json_text(_decode(raw, where), where, default_id=path.stem)
            else:
                yield _from_plain_text(_decode(raw, where), where, default_id=path.stem)
    except InputError as err:
        yield err
    except OSError as err:
        yield InputError(where, f"cannot read file ({err.strerror or err})")


def _decode(raw: bytes, where: str) -> str:
    if not raw.strip():
        raise InputError(where, "file is empty")
    if b"\x00" in raw[:4096]:
        raise InputError(where, "file is binary, not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(where, f"not valid UTF-8 (byte {err.start}); re-encode the file as "
                                "UTF-8") from None
    return text.removeprefix("\ufeff")


def _from_plain_text(text: str, where: str, default_id: str) -> Document:
    first_line = text.strip().splitlines()[0].strip() if text.strip() else None
    return Document(id=default_id, text=text, title=first_line, origin=where)


def _from_html(html: str, where: str, default_id: str) -> Document:
    import trafilatura  # slow import; only HTML needs it

    extracted = trafilatura.bare_extraction(html, with_metadata=True)
    if extracted is None or not (extracted.text or "").strip():
        raise InputError(where, "no article text found in the HTML")
    return Document(id=default_id, text=extracted.text, title=extracted.title,
                    published=extracted.date, source=extracted.sitename or extracted.url,
                    origin=where)


def _from_json_text(text: str, where: str, default_id: str) -> Document:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(where, f"invalid JSON at line {err.lineno} column {err.colno}: "
                                f"{err.msg}") from None
    return _from_record(record, where, default_id)


def _from_record(record: Any, where: str, default_id: str) -> Document:
    if not isinstance(record, dict):
        raise InputError(where, "expected a JSON object with a 'text' field")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(where, "missing or empty field 'text'")
    if "html" in str(record.get("format", "")).lower():
        doc = _from_html(body, where, default_id)
    else:
        doc = Document(id=default_id, text=body, title=None, origin=where)
    doc.id = str(record.get("id") or default_id)
    doc.title = _optional_str(record.get("title")) or doc.title
    doc.published = _optional_str(record.get("published")) or doc.published
    doc.source = _optional_str(record.get("source") or record.get("url")) or doc.source
    return doc


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _read_jsonl(path: Path) -> Iterator[Item]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    records = 0
    try:
        with opener(path, "rb") as handle:
            for number, raw in enumerate(handle, start=1):
                where = f"{path}:{number}"
                if not raw.strip():
                    continue
                records += 1
                yield _from_json_line(raw, where, default_id=f"{path.stem}-{number}")
    except (OSError, EOFError, gzip.BadGzipFile) as err:
        yield InputError(str(path), f"cannot read compressed or damaged file ({err})")
        return
    if not records:
        yield InputError(str(path), "file is empty (no JSON lines)")


def _from_json_line(raw: bytes, where: str, default_id: str) -> Item:
    try:
        # utf-8-sig: editors on Windows put a byte-order mark before the first line.
        # The line break goes too, or a line cut inside a string reads as a stray
        # control character instead of an unterminated string.
        record = json.loads(raw.decode("utf-8-sig").rstrip("\r\n"))
    except UnicodeDecodeError:
        return InputError(where, "line is not valid UTF-8")
    except json.JSONDecodeError as err:
        problem = err.msg.removesuffix(" at")
        return InputError(where, f"invalid or truncated JSON line ({problem} at column "
                                 f"{err.colno})")
    try:
        return _from_record(record, where, default_id=default_id)
    except InputError as err:
        return err


def _read_warc(path: Path) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        records = iter(ArchiveIterator(handle))
        number = 0
        while True:
            number += 1
            where = f"{path}:record {number}"
            try:
                record = next(records)
            except StopIteration:
                return
            except Exception as err:  # warcio raises many types on damaged archives
                yield InputError(where, f"damaged WARC record, rest of archive skipped ({err})")
                return
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "") if \
                record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                html = _decode(record.content_stream().read(), where)
                doc = _from_html(html, where, default_id=_url_id(url or where))
            except InputError as err:
                yield err
                continue
            except Exception as err:
                yield InputError(where, f"damaged WARC record ({err})")
                continue
            doc.source = doc.source or url
            if not doc.published:
                doc.published = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            yield doc


def _url_id(url: str) -> str:
    return "web-" + hashlib.sha1(url.encode()).hexdigest()[:16]


def _finish(doc: Document, published: str | None, max_chars: int) -> Item:
    """Check a read document as a whole and settle its publication date."""
    where = doc.origin or doc.id
    if len(doc.text) > max_chars:
        return InputError(where, f"document is {len(doc.text):,} characters, above the limit "
                                 f"of {max_chars:,}; split it into reports")
    if not looks_english(doc.text):
        return InputError(where, "text does not look like English; armswatch reads English "
                                 "reports only")
    doc.published = doc.published or published
    if doc.published:
        try:
            doc.published = parse_date(doc.published).isoformat()
        except ValueError:
            return InputError(where, f"bad publication date {doc.published!r}; expected "
                                     "YYYY-MM-DD")
    return doc


def parse_date(value: str) -> dt.date:
    """Parse the date part of an ISO date or datetime string."""
    match = _DATE.match(value.strip())
    if not match:
        raise ValueError(value)
    return dt.date(*(int(g) for g in match.groups()))


def looks_english(text: str) -> bool:
    """A cheap check: English prose is full of a few function words."""
    words = _WORD.findall(text[:20_000].lower())
    if len(words) < 8:
        return bool(words) and all(w.isascii() for w in words)
    common = sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS)
    return common / len(words) >= 0.08


def content_hash(doc: Document) -> str:
    """Identity of a document's text, for idempotent storage."""
    return hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
