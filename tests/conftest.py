"""Shared fixtures. Store fixtures: `store_url`, `store`, `store_docs`, `fake_extract`.

Extraction fixtures: `shared_extractor` (the real pipeline, loaded once per session) and
`run` (the `armswatch` command in-process, extracting with that pipeline).

Store tests do not need the NLP model: `store_fake_extraction` reads transfers written in a
small line format, one per line, so each test states exactly what a report contains:

    PRK -> wagner-group delivered items=ammunition via=BLR by=USA:asserts,PRK:denies
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from armswatch.model import Actor, Claim, Document, Extraction, Span, Transfer, When

# Specs, the seed report and research data live beside the project, never inside it.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED_DIR = SHARED / "seed"



def load_module(path: Path, name: str) -> ModuleType:
    """Import a script that is not part of a package (scripts/, the shared scorer)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


STORE_LINE = re.compile(r"^(\S+) -> (\S+) (\w+)(.*)$", re.MULTILINE)
# Non-state actors the fake extraction knows, with the state they roll up to.
STORE_FAKE_ACTORS = {"wagner-group": ("Wagner Group", "armed_group", "RUS"),
                     "houthis": ("Houthis", "armed_group", "YEM"),
                     "rosoboronexport": ("Rosoboronexport", "company", "RUS")}


def _fake_actor(actor_id: str) -> Actor:
    if actor_id in STORE_FAKE_ACTORS:
        name, kind, country = STORE_FAKE_ACTORS[actor_id]
        return Actor(actor_id, name, kind, country)
    if re.fullmatch(r"[A-Z]{3}", actor_id):
        return Actor(actor_id, actor_id, "state", actor_id)
    return Actor(actor_id, actor_id, "other", None)


def _options(rest: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in rest.split() if "=" in part)


def store_fake_extraction(document: Document) -> Extraction:
    """An extraction read from the line format above (deterministic, instant)."""
    transfers: list[Transfer] = []
    actors: dict[str, Actor] = {}
    for match in STORE_LINE.finditer(document.text):
        supplier, recipient, status, rest = match.groups()
        options = _options(rest)
        span = Span(match.start(), match.end(), match.group(0))
        claims = []
        for pair in filter(None, options.get("by", "author:asserts").split(",")):
            source, stance = pair.split(":")
            claims.append(Claim(source, stance, status, span, cue="said"))
        sides = [None if side == "?" else side for side in (supplier, recipient)]
        for side in sides:
            if side:
                actors.setdefault(side, _fake_actor(side))
        when = When(options["when"], options["when"], options["when"]) \
            if "when" in options else None
        embargo = [{"embargo": options["embargo"], "authority": "UN", "legal_status": "binding",
                    "finding": "violation", "leg": "supplier", "direction": "export",
                    "instruments": []}] if "embargo" in options else []
        transfers.append(Transfer(sides[0], sides[1], status,
                                  items=options.get("items", "unspecified").split(","),
                                  via=[v for v in options.get("via", "").split(",") if v],
                                  when=when, claims=claims, embargo=embargo))
    return Extraction(document, list(actors.values()), transfers)


def store_fake_extract(documents: Iterable[Document]) -> Iterator[Extraction]:
    for document in documents:
        yield store_fake_extraction(document)


def store_doc(doc_id: str, text: str, *, published: str = "2023-09-01",
              source: str | None = "Example Wire", title: str | None = None) -> Document:
    return Document(id=doc_id, text=text, title=title or f"Report {doc_id}",
                    published=published, source=source, origin=f"{doc_id}.txt")


STORE_FILLER = ("Officials in several capitals followed the talks closely this week and "
                "analysts said the outcome would shape the balance of forces in the region "
                "for years, while diplomats urged restraint on every side of the dispute.")


def store_story(number: int, transfer_line: str) -> str:
    """A report body unique to `number` that carries one transfer line."""
    words = " ".join(f"token{number}x{i}" for i in range(40))
    return f"Story {number} opens with {words}.\n{transfer_line}\n{STORE_FILLER}"


@pytest.fixture(scope="session")
def shared_extractor():
    """The real extractor; loading the English model takes seconds, so it is loaded once."""
    from web_fixtures import shared_extractor as loaded_extractor

    return loaded_extractor()


@pytest.fixture
def run(shared_extractor, monkeypatch) -> Callable[..., Any]:
    """Invoke `armswatch ARGS...` in-process; `extract` reuses the shared pipeline."""
    from typer.testing import CliRunner

    import armswatch.extract
    from armswatch.cli import app

    monkeypatch.setattr(armswatch.extract, "Extractor", lambda model=None: shared_extractor)
    runner = CliRunner()

    def invoke(*args: object):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path) -> Iterator[str]:
    """A fresh, empty database URL: a SQLite file, and PostgreSQL when configured."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    url = os.environ.get("ARMSWATCH_TEST_PG")
    if not url:
        pytest.skip("ARMSWATCH_TEST_PG is not set")
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    yield url


@pytest.fixture
def store(store_url):
    from armswatch.store.db import open_store

    opened = open_store(store_url)
    yield opened
    opened.close()


@pytest.fixture
def fake_extract():
    return store_fake_extract


STORE_PAIRS = ("PRK -> RUS delivered items=ammunition by=USA:asserts,PRK:denies",
               "IRN -> RUS delivered items=uav by=UKR:asserts,IRN:denies",
               "PRK -> wagner-group delivered items=small_arms embargo=UN-PRK",
               "CHN -> RUS possible via=PRK by=author:speculates",
               "USA -> UKR agreed items=air_defence,missiles by=USA:asserts",
               "IRN -> houthis cancelled items=missiles by=USA:asserts")


def store_corpus(size: int) -> list[Document]:
    """`size` reports over a few pairs; every seventh is a syndicated copy of the one before."""
    documents: list[Document] = []
    for number in range(size):
        day = f"2023-{1 + number % 12:02d}-{1 + number % 28:02d}"
        if number % 7 == 6:
            original = documents[-1]
            documents.append(store_doc(f"copy-{number}", "By a staff writer. " + original.text,
                                       published=day, source=f"Outlet {number % 5}"))
            continue
        line = STORE_PAIRS[number % len(STORE_PAIRS)]
        documents.append(store_doc(f"doc-{number}", store_story(number, line), published=day,
                                   source=f"Outlet {number % 4}"))
    return documents
