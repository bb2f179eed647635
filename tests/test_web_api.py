"""The REST API over a store built from sample reports (see web_fixtures.py)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest
import web_fixtures
from conftest import store_doc, store_fake_extract, store_story
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, delete, select, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner
from web_fixtures import ingest_samples, make_app, sample_documents

from armswatch.store import web_queries
from armswatch.store.db import Store, open_store
from armswatch.store.ingest import Ingestor
from armswatch.store.models import DocumentText, StoredDocument
from armswatch.store.reviews import keep_text
from armswatch.web.highlight import runs
from armswatch.web.settings import Settings, is_loopback

pytestmark = pytest.mark.slow
# Fixtures shared with the browser tests.
web_sample_db = web_fixtures.web_sample_db
web_store_url = web_fixtures.web_store_url
web_client = web_fixtures.web_client
REPORT = ("North Korea has supplied artillery shells to Russia, the United States said on "
          "Friday. Pyongyang denied sending any weapons to Russia.")
HOSTILE_TITLE = '<script>document.title="owned"</script> Shells <b onmouseover="x()">'


def test_relations_are_paged_and_sorted(web_client):
    first = web_client.get("/api/relations", params={"limit": 5}).json()
    assert first["total"] > 5 and len(first["items"]) == 5
    confidences = [r["confidence"] for r in first["items"]]
    assert confidences == sorted(confidences, reverse=True)
    second = web_client.get("/api/relations", params={"limit": 5, "offset": 5}).json()
    assert not {r["id"] for r in first["items"]} & {r["id"] for r in second["items"]}
    by_date = web_client.get("/api/relations", params={
        "sort": "first_reported", "order": "asc", "limit": 500}).json()["items"]
    dates = [r["first_reported"] for r in by_date if r["first_reported"]]
    assert dates == sorted(dates)


def test_relation_filters_match_the_cli_semantics(web_client):
    delivered = web_client.get("/api/relations", params={"status": "delivered"}).json()
    assert delivered["items"] and all(r["status"] == "delivered" for r in delivered["items"])
    states = web_client.get("/api/relations", params={"level": "state", "limit": 500}).json()
    assert all(r["level"] == "state" for r in states["items"])
    assert web_client.get("/api/relations", params={"status": "sold"}).status_code == 422
    assert web_client.get("/api/relations", params={"since": "yesterday"}).status_code == 422


def test_relation_detail_has_timeline_claims_and_exact_evidence(web_client):
    key = web_client.get("/api/relations", params={"limit": 1}).json()["items"][0]["id"]
    detail = web_client.get(f"/api/relations/{key}").json()
    assert detail["relation"]["id"] == key and detail["timeline"]
    transfer = detail["transfers"][0]
    claim = transfer["claims"][0]
    document = web_client.get(f"/api/documents/{transfer['document']['id']}").json()
    assert document["text"][claim["start"]:claim["end"]] == claim["sentence"]
    assert web_client.get("/api/relations/NOPE:NONE").status_code == 404


def test_actor_view_and_unknown_actor(web_client):
    relation = web_client.get("/api/relations", params={"limit": 1}).json()["items"][0]
    actor = web_client.get(f"/api/actors/{relation['supplier']}").json()
    assert relation["id"] in {r["id"] for r in actor["supplies"]}
    assert actor["transfers"]
    assert web_client.get("/api/actors/nobody-at-all").status_code == 404


def test_search_finds_reports_and_actors(web_client):
    title = sample_documents()[0].title
    word = max(title.split(), key=len)
    hits = web_client.get("/api/search", params={"q": word}).json()
    assert hits["engine"] == "fts5"
    assert title in {d["title"] for d in hits["documents"]}
    actors = web_client.get("/api/search", params={"q": "russia"}).json()["actors"]
    assert "RUS" in {a["id"] for a in actors}


def test_search_page_lists_hits_with_marked_snippets(web_client):
    page = web_client.get("/search", params={"q": "artillery shells"})
    assert page.status_code == 200
    assert "SQLite full text" in page.text and "<mark>" in page.text.lower()
    hostile = web_client.get("/search", params={"q": "<script>alert(1)</script>"})
    assert hostile.status_code == 200 and "<script>alert" not in hostile.text
    assert "&lt;script&gt;alert(1)" in hostile.text
    assert 'action="/search"' in web_client.get("/").text
    assert "Type at least two" in web_client.get("/search").text


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def search_store(request, tmp_path) -> Iterator[Store]:
    """An empty store; on PostgreSQL in a schema of its own, dropped afterwards."""
    if request.param == "sqlite":
        with open_store(f"sqlite:///{tmp_path / 'search.db'}") as store:
            yield store
        return
    base = os.environ.get("ARMSWATCH_TEST_PG")
    if not base:
        pytest.skip("ARMSWATCH_TEST_PG is not set")
    schema = f"web_search_{os.getpid()}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        with open_store(url.render_as_string(hide_password=False)) as store:
            yield store
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


def test_full_text_search_ranks_stems_and_marks_on_both_back_ends(search_store):
    shells = store_doc("shells", store_story(1, "PRK -> RUS delivered items=ammunition")
                       + " Crates of shells crossed the border by rail.",
                       title="Artillery shells reach the front")
    drones = store_doc("drones", store_story(2, "IRN -> RUS delivered items=uav")
                       + " A depot was shelled overnight.", title="Drones for the army")
    Ingestor(search_store, store_fake_extract).run([shells, drones])
    expected = "fts5" if search_store.dialect == "sqlite" else "postgresql"
    with search_store.session() as session:
        found = web_queries.search(session, "shell")
        assert found["engine"] == expected
        # Both stem to "shell"; the report with it in its title ranks first.
        assert [d["doc_id"] for d in found["documents"]] == ["shells", "drones"]
        runs = found["documents"][1]["snippet"]
        assert [r["text"] for r in runs if r["hit"]] == ["shelled"]
        assert "depot was shelled overnight" in "".join(r["text"] for r in runs)
        assert web_queries.search(session, "token2x7 depot")["documents"][0]["doc_id"] == \
            "drones"
        assert web_queries.search(session, "rail depot")["documents"] == []  # every word
        assert web_queries.search(session, 'shells" OR *')["engine"] == expected


def test_search_indexes_texts_that_arrive_later_and_falls_back_to_like(search_store):
    late = store_doc("late", store_story(3, "USA -> UKR agreed items=air_defence"),
                     title="Air defence for Kyiv")
    Ingestor(search_store, store_fake_extract).run([late])
    with search_store.session() as session:
        session.execute(delete(DocumentText))  # as stored before ingest kept texts
        session.commit()
        assert web_queries.search(session, "air defence")["documents"]
        assert web_queries.search(session, "token3x5")["documents"] == []
        keep_text(session, session.scalar(select(StoredDocument.id)), late.text)
        session.commit()
        hits = web_queries.search(session, "token3x5")["documents"]
        assert [d["doc_id"] for d in hits] == ["late"]
        literal = web_queries.search(session, "%-%")
        assert literal["engine"] == "like" and literal["documents"] == []


def test_embargo_findings_and_network(web_client):
    groups = web_client.get("/api/embargoes").json()
    assert isinstance(groups, list)
    for group in groups:
        assert group["relations"] and group["findings"]
    graph = web_client.get("/api/network").json()
    ids = {node["id"] for node in graph["nodes"]}
    assert graph["edges"] and all(e["from"] in ids and e["to"] in ids for e in graph["edges"])
    only = web_client.get("/api/network", params={"status": "delivered"}).json()
    assert {e["status"] for e in only["edges"]} == {"delivered"}


def test_analyze_text_and_html_without_storing(web_client):
    before = web_client.get("/api/overview").json()["stats"]["documents"]
    result = web_client.post("/api/analyze", json={"text": REPORT, "published": "2023-09-01"})
    assert result.status_code == 200
    found = {(t["supplier"], t["recipient"]) for t in result.json()["transfers"]}
    assert ("PRK", "RUS") in found
    html = f"<html><body><article><p>{REPORT}</p></article></body></html>"
    from_html = web_client.post("/api/analyze", json={"html": html}).json()
    assert ("PRK", "RUS") in {(t["supplier"], t["recipient"]) for t in from_html["transfers"]}
    assert web_client.get("/api/overview").json()["stats"]["documents"] == before


def test_analyze_refuses_urls_ambiguity_and_huge_bodies(web_client):
    assert web_client.post("/api/analyze", json={"url": "http://example.org/"}
                           ).status_code == 422
    assert web_client.post("/api/analyze", json={"text": "a", "html": "<p>b</p>"}
                           ).status_code == 422
    assert web_client.post("/api/analyze", json={"text": REPORT, "published": "soon"}
                           ).status_code == 422
    huge = web_client.post("/api/analyze", content=b'{"text": "' + b"x" * 3_000_000 + b'"}',
                           headers={"content-type": "application/json"})
    assert huge.status_code == 413


def test_post_document_stores_and_extracts_once(web_client):
    body = {"id": "web-1", "title": "Shells", "text": REPORT, "published": "2023-09-01",
            "source": "Example Wire"}
    created = web_client.post("/api/documents", json=body)
    assert created.status_code == 201
    stored = created.json()["stored"]
    assert stored["new"] is True and created.json()["transfers"]
    again = web_client.post("/api/documents", json=body).json()["stored"]
    assert again == {**stored, "new": False}
    document = web_client.get(f"/api/documents/{stored['id']}").json()
    assert document["text"] == REPORT and document["transfers"]
    assert web_client.get("/api/relations/PRK:RUS").status_code == 200


def test_reviews_show_export_as_gold_and_survive_reingest(web_client, web_store_url):
    detail = web_client.get("/api/relations", params={"limit": 1}).json()["items"][0]
    transfers = web_client.get(f"/api/relations/{detail['id']}").json()["transfers"]
    kept, dropped = transfers[0], transfers[-1]
    saved = web_client.post(f"/api/transfers/{kept['id']}/review",
                            json={"verdict": "confirmed", "reviewer": "analyst"})
    assert saved.status_code == 200 and saved.json()["verdict"] == "confirmed"
    if dropped["id"] != kept["id"]:
        web_client.post(f"/api/transfers/{dropped['id']}/review", json={"verdict": "rejected"})
    gold = web_client.get(f"/api/documents/{kept['document']['id']}/gold").json()
    assert set(gold) >= {"id", "published", "title", "text", "transfers", "claims"}
    assert {"supplier": kept["supplier_state"], "recipient": kept["recipient_state"],
            "status": kept["status"]}.items() <= gold["transfers"][0].items()
    assert kept["document"]["doc_id"] in {g["id"] for g in web_client.get("/api/gold").json()}
    ingest_samples(web_store_url)
    again = web_client.get(f"/api/relations/{detail['id']}").json()["transfers"]
    assert next(t for t in again if t["id"] == kept["id"])["review"]["verdict"] == "confirmed"


def test_review_rejects_unknown_transfers_and_verdicts(web_client):
    assert web_client.post("/api/transfers/999999/review",
                           json={"verdict": "confirmed"}).status_code == 404
    assert web_client.post("/api/transfers/1/review",
                           json={"verdict": "maybe"}).status_code == 422


def test_writing_needs_a_token_beyond_loopback(web_store_url):
    review = {"verdict": "confirmed"}
    open_app = make_app(web_store_url, host="0.0.0.0")
    with TestClient(open_app) as client:
        assert client.post("/api/transfers/1/review", json=review).status_code == 403
        assert client.get("/api/relations").status_code == 200
    guarded = make_app(web_store_url, host="0.0.0.0", token="s3cret")
    with TestClient(guarded) as client:
        assert client.post("/api/transfers/1/review", json=review).status_code == 401
        assert client.post("/api/transfers/1/review", json=review,
                           headers={"X-Armswatch-Token": "wrong"}).status_code == 401
        assert client.post("/api/transfers/1/review", json=review,
                           headers={"Authorization": "Bearer s3cret"}).status_code == 200


def test_loopback_server_answers_only_local_host_names(web_client):
    assert web_client.get("/api/overview", headers={"host": "attacker.example"}
                          ).status_code == 400
    assert web_client.get("/api/overview", headers={"host": "localhost:8000"}
                          ).status_code == 200


def test_pages_render_and_escape_report_text(web_client):
    created = web_client.post("/api/documents", json={
        "id": "hostile", "title": HOSTILE_TITLE, "text": REPORT + ' <img src=x onerror="y()">'})
    document_id = created.json()["stored"]["id"]
    page = web_client.get(f"/documents/{document_id}")
    assert page.status_code == 200
    assert "<script>document.title" not in page.text and "onerror=\"y()\"" not in page.text
    assert "&lt;script&gt;" in page.text and "&lt;img src=x" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    key = web_client.get("/api/relations", params={"limit": 1}).json()["items"][0]["id"]
    for path in ("/", "/network", "/analyze", f"/relations/{key}", "/actors/RUS"):
        assert web_client.get(path).status_code == 200, path
    missing = web_client.get("/documents/999999")
    assert missing.status_code == 404 and "no document 999999" in missing.text
    assert web_client.get("/api/documents/999999").json() == {"detail": "no document 999999"}


def test_graph_library_is_served_from_the_installed_package(web_client):
    script = web_client.get("/vendor/vis-network.min.js")
    assert script.status_code == 200 and "vis" in script.text[:2000]
    assert web_client.get("/vendor/other.js").status_code == 404
    assert "/api/relations" in web_client.get("/openapi.json").json()["paths"]


def test_openapi_page_loads_every_asset_from_this_server(web_client):
    page = web_client.get("/docs")
    assert page.status_code == 200 and "SwaggerUIBundle" in page.text
    assert "connect-src" not in page.headers["content-security-policy"]  # falls to 'self'
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert len(assets) == 3
    for asset in assets:
        assert asset.startswith("/") and not asset.startswith("//"), asset
        loaded = web_client.get(asset)
        assert loaded.status_code == 200 and len(loaded.content) > 500, asset
    assert not re.search(r"https?://", page.text)
    assert '"validatorUrl": null' in page.text
    assert web_client.get("/vendor/swagger-ui.css").headers["content-type"].startswith("text/css")
    assert web_client.get("/redoc").status_code == 404


def test_highlight_runs_split_at_every_span_boundary():
    claims = [{"id": 1, "start": 0, "end": 5, "stance": "asserts", "source": "USA"},
              {"id": 2, "start": 3, "end": 8, "stance": "denies", "source": "RUS"}]
    pieces = runs("abcdefghij", claims)
    assert [p.text for p in pieces] == ["abc", "de", "fgh", "ij"]
    assert [p.claims for p in pieces] == [[1], [1, 2], [2], []]
    assert [[c["id"] for c in p.labels] for p in pieces] == [[], [1], [2], []]


def test_settings_know_loopback_hosts(monkeypatch):
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")
    monkeypatch.setenv("ARMSWATCH_TOKEN", "abc")
    settings = Settings.from_env(host="0.0.0.0")
    assert settings.token == "abc" and settings.writable
    assert not Settings(host="0.0.0.0").writable


def test_serve_command_is_registered():
    from armswatch.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.output
