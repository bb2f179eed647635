"""Web test fixtures: one sample store built per test session, copied for each user.

Building the store runs the real extractor over a subset of examples/ (about 15 reports,
including a syndicated copy), which is what makes it worth doing only once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from armswatch.store.db import open_store
from armswatch.store.ingest import Ingestor

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SAMPLE_FILES = (
    [EXAMPLES / "json" / f"{name}.json" for name in (
        "apa-003", "apa-006", "apa-007", "apa-008", "eu-002", "eu-003", "eu-005", "eu-010")]
    + [EXAMPLES / "txt" / f"{name}.txt" for name in (
        "apa-002", "apa-009", "eu-004", "eu-007", "mea-001")]
    + [EXAMPLES / "syndicated" / "eu-002-copy.json", EXAMPLES / "syndicated" /
       "eu-005-copy.json"]
)
_cache: dict[str, object] = {}


def sample_documents() -> list:
    from armswatch.read import iter_documents

    return [item for item in iter_documents(SAMPLE_FILES) if not isinstance(item, Exception)]


def shared_extractor():
    """The NLP pipeline, loaded once for every web test."""
    if "extractor" not in _cache:
        from armswatch.extract import Extractor

        _cache["extractor"] = Extractor()
    return _cache["extractor"]


def ingest_samples(url: str) -> None:
    """Run the real extractor over the sample reports into the store at `url`."""
    with open_store(url) as store:
        Ingestor(store, shared_extractor().extract).run(sample_documents())


def sample_store_file(folder: Path) -> Path:
    """A SQLite store holding the sample reports, built on first use."""
    if "store" not in _cache:
        path = folder / "sample.db"
        ingest_samples(f"sqlite:///{path}")
        _cache["store"] = path
    return _cache["store"]  # type: ignore[return-value]


def copy_store(source: Path, target: Path) -> str:
    """A private copy (tests write reviews and reports); the backup API copes with WAL."""
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)
    return f"sqlite:///{target}"


def make_app(url: str, **settings: object):
    from armswatch.web.analysis import Analyzer
    from armswatch.web.app import create_app
    from armswatch.web.settings import Settings

    app = create_app(Settings(db_url=url, **settings))  # type: ignore[arg-type]
    app.state.analyzer = Analyzer(extractor=shared_extractor())
    return app


@pytest.fixture(scope="session")
def web_sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_store_file(tmp_path_factory.mktemp("web-sample"))


@pytest.fixture
def web_store_url(web_sample_db: Path, tmp_path: Path) -> str:
    return copy_store(web_sample_db, tmp_path / "web.db")


@pytest.fixture
def web_client(web_store_url: str) -> Iterator:
    from fastapi.testclient import TestClient

    with TestClient(make_app(web_store_url), base_url="http://127.0.0.1") as client:
        yield client
