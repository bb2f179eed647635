"""Ingest into a real store: idempotence, near-duplicates, batching and faults."""

from __future__ import annotations

import os
import sqlite3

import pytest
from conftest import store_corpus, store_doc, store_fake_extract, store_story
from sqlalchemy import event, select

from armswatch.errors import InputError, StoreError
from armswatch.store import ingest as ingest_module
from armswatch.store.db import open_store, resolve_url
from armswatch.store.ingest import Ingestor, outlet_of
from armswatch.store.models import DocumentText, StoredDocument
from armswatch.store.queries import stats
from armswatch.store.reviews import document_text


def ingest(store, documents, **options):
    return Ingestor(store, store_fake_extract, **options).run(documents)


def counts(store) -> dict:
    with store.session() as session:
        return stats(session)


def test_ingest_stores_documents_transfers_and_claims(store):
    report = ingest(store, store_corpus(30), batch_size=4)
    assert (report.stored, report.skipped) == (30, 0)
    numbers = counts(store)
    assert numbers["documents"] == 30
    assert numbers["transfers"] == report.transfers == 30
    assert numbers["claims"] == report.claims > 30  # some lines carry two claims


def stored_texts(store) -> dict[str, str]:
    with store.session() as session:
        return dict(session.execute(select(StoredDocument.doc_id, DocumentText.text)
                                    .join(DocumentText)).all())


def test_ingest_keeps_each_report_text_for_the_web_pages(store):
    corpus = store_corpus(12)
    ingest(store, corpus, batch_size=5)
    assert stored_texts(store) == {document.id: document.text for document in corpus}
    with store.session() as session:
        row = session.scalar(select(StoredDocument).where(StoredDocument.doc_id == "doc-3"))
        # Its origin file does not exist: the text can only come from the store.
        assert document_text(session, row) == corpus[3].text


def test_a_batch_that_fails_leaves_neither_its_documents_nor_their_texts(store, monkeypatch):
    calls = {"transfers": 0}
    make_transfer = ingest_module._transfer_row

    def failing_on_the_seventh(*args):
        calls["transfers"] += 1
        if calls["transfers"] == 7:  # in the second batch, after its first document
            raise RuntimeError("extraction result cannot be stored")
        return make_transfer(*args)

    monkeypatch.setattr(ingest_module, "_transfer_row", failing_on_the_seventh)
    with pytest.raises(RuntimeError):
        ingest(store, store_corpus(12), batch_size=5)
    assert sorted(stored_texts(store)) == [f"doc-{n}" for n in range(5)]
    assert counts(store)["documents"] == 5


def test_rerun_skips_stored_documents_and_adds_only_new_ones(store):
    corpus = store_corpus(40)
    ingest(store, corpus[:25])
    before = counts(store)
    again = ingest(store, corpus[:25])
    assert (again.stored, again.skipped) == (0, 25)
    assert counts(store) == before
    more = ingest(store, corpus)
    assert (more.stored, more.skipped) == (15, 25)
    assert counts(store)["documents"] == 40


def test_same_text_twice_in_one_run_is_stored_once(store):
    text = store_story(1, "IRN -> RUS delivered")
    report = ingest(store, [store_doc("a", text), store_doc("b", text)])
    assert (report.stored, report.skipped) == (1, 1)


def test_syndicated_copy_links_to_its_original(store):
    original = store_doc("wire", store_story(5, "PRK -> RUS delivered"), source="Reuters")
    copy = store_doc("copy", "Seoul (Yonhap) - " + original.text + " More to follow.",
                     source="https://www.yonhap.example/news/1")
    other = store_doc("other", store_story(6, "PRK -> RUS delivered"), source="Reuters")
    ingest(store, [original])
    # A later run still recognises copies of reports stored before.
    report = ingest(store, [copy, other])
    assert report.duplicates == 1
    with store.session() as session:
        rows = {d.doc_id: d for d in session.scalars(select(StoredDocument))}
    assert rows["copy"].duplicate_of == rows["wire"].id
    assert rows["copy"].similarity >= 0.5
    assert rows["other"].duplicate_of is None
    assert rows["copy"].outlet == "yonhap.example"


def test_copy_of_a_copy_links_to_the_first_original(store):
    first = store_doc("first", store_story(8, "IRN -> RUS agreed"))
    second = store_doc("second", first.text + " Extra closing line here.")
    third = store_doc("third", "Intro words. " + second.text)
    ingest(store, [first, second, third], batch_size=1)
    with store.session() as session:
        rows = {d.doc_id: d for d in session.scalars(select(StoredDocument))}
    assert rows["third"].duplicate_of == rows["first"].id


def test_unreadable_inputs_are_reported_and_the_run_goes_on(store):
    errors: list[InputError] = []
    inputs = [InputError("bad.warc.gz", "broken record"),
              store_doc("ok", store_story(1, "IRN -> RUS delivered"))]
    report = Ingestor(store, store_fake_extract, on_error=errors.append).run(inputs)
    assert report.stored == 1
    assert report.errors == ["bad.warc.gz: broken record"]
    assert errors[0].where == "bad.warc.gz"


def test_outlet_is_the_host_of_a_url_or_the_name():
    assert outlet_of("https://www.reuters.com/world/x") == "reuters.com"
    assert outlet_of(" Al Jazeera ") == "Al Jazeera"
    assert outlet_of(None) is None


def test_database_url_comes_from_argument_then_environment(monkeypatch):
    monkeypatch.setenv("ARMSWATCH_DB", "sqlite:///from-env.db")
    assert resolve_url("sqlite:///given.db") == "sqlite:///given.db"
    assert resolve_url(None) == "sqlite:///from-env.db"
    monkeypatch.delenv("ARMSWATCH_DB")
    assert resolve_url(None) == "sqlite:///armswatch.db"


@pytest.mark.parametrize("url", ["not a url", "nosuchdb://x/y", "sqlite:////no/such/dir/x.db"])
def test_invalid_database_url_gives_a_clear_error(url):
    with pytest.raises(StoreError) as caught:
        open_store(url)
    assert "database" in str(caught.value)


def test_disk_full_keeps_every_committed_batch(tmp_path):
    url = f"sqlite:///{tmp_path / 'full.db'}"
    store = open_store(url)
    corpus = store_corpus(60)
    ingest(store, corpus[:20], batch_size=5)
    # A page limit makes SQLite fail exactly as on a full disk (SQLITE_FULL).
    event.listen(store.engine, "connect",
                 lambda connection, _: connection.execute("PRAGMA max_page_count = 60"))
    store.engine.dispose()
    with pytest.raises(StoreError, match="no space left"):
        ingest(store, [store_doc(f"big-{n}", store_story(n, "IRN -> RUS delivered") * 300)
                       for n in range(40)], batch_size=5)
    store.close()
    reopened = open_store(url)
    assert counts(reopened)["documents"] >= 20
    with sqlite3.connect(tmp_path / "full.db") as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    reopened.close()


def test_locked_database_fails_cleanly_and_loses_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr("armswatch.store.db.SQLITE_BUSY_TIMEOUT", 0.2)
    url = f"sqlite:///{tmp_path / 'locked.db'}"
    store = open_store(url)
    ingest(store, store_corpus(10))
    blocker = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="locked"):
            ingest(store, store_corpus(20))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert counts(store)["documents"] == 10
    assert ingest(store, store_corpus(20)).stored == 10
    store.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_database_fails_cleanly(tmp_path):
    path = tmp_path / "ro.db"
    with open_store(f"sqlite:///{path}") as store:
        ingest(store, store_corpus(5))
    path.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        readonly = open_store(f"sqlite:///{path}")
        with pytest.raises(StoreError, match="read-only"):
            ingest(readonly, store_corpus(10))
        assert counts(readonly)["documents"] == 5
    finally:
        tmp_path.chmod(0o755)
        path.chmod(0o644)


def test_read_only_database_via_uri_fails_cleanly(tmp_path):
    path = tmp_path / "ro.db"
    with open_store(f"sqlite:///{path}") as store:
        ingest(store, store_corpus(5))
    with open_store(f"sqlite:///file:{path}?mode=ro&uri=true") as readonly:
        with pytest.raises(StoreError, match="read-only"):
            ingest(readonly, store_corpus(10))
        assert counts(readonly)["documents"] == 5
